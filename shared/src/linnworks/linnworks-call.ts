import type { z } from 'zod';

import type { LinnworksApi } from './linnworks-api.port';
import type { LinnworksDateInput } from './linnworks-types';

/**
 * How a call is sent. `POST` (default): a JSON body whose keys are the parameter names. `GET`:
 * the parameters in the query string, for methods whose page allows only GET (reference §1.3).
 */
export interface LinnworksCallOptions {
  method?: 'GET' | 'POST';
}

/** One parsed Linnworks call: endpoint, parameters, response schema. */
export type LinnworksCall = <S extends z.ZodType>(
  endpoint: string,
  body: unknown,
  schema: S,
  options?: LinnworksCallOptions,
) => Promise<z.output<S>>;

export type LinnworksArgs<M extends keyof LinnworksApi> = Parameters<LinnworksApi[M]>[0];
export type LinnworksResult<M extends keyof LinnworksApi> = ReturnType<LinnworksApi[M]>;

/** Ids per call where Linnworks documents no limit (reference §7, §11.4). */
export const MAX_IDS_PER_CALL = 100;

export function toLinnworksDate(value: LinnworksDateInput): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

export function splitIntoChunks<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));

  return chunks;
}
