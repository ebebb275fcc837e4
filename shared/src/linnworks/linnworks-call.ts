import type { z } from 'zod';

import type { LinnworksApi } from './linnworks-api.port';
import type { LinnworksDateInput } from './linnworks-types';

/** One parsed Linnworks call: endpoint, JSON body, response schema. */
export type LinnworksCall = <S extends z.ZodType>(
  endpoint: string,
  body: unknown,
  schema: S,
) => Promise<z.output<S>>;

/** The port's methods (everything but its call counter). */
export type LinnworksMethod = Exclude<keyof LinnworksApi, 'callCount'>;
export type LinnworksArgs<M extends LinnworksMethod> = Parameters<LinnworksApi[M]>[0];
export type LinnworksResult<M extends LinnworksMethod> = ReturnType<LinnworksApi[M]>;

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
