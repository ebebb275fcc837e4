import { z } from 'zod';

import { ValidationError } from '../errors/errors';
import type { LinnworksApi } from './linnworks-api.port';
import type { LinnworksDateInput } from './linnworks-types';

/**
 * How a call is sent. `POST` (default): a JSON body whose keys are the parameter names. `GET`:
 * the parameters in the query string, for methods whose page allows only GET (reference §1.3).
 */
export interface LinnworksCallOptions {
  method?: 'GET' | 'POST';
  /** Refuse with `RateBudgetSpentError` rather than wait longer than this for rate budget. */
  maxBudgetWaitMs?: number;
}

/** One parsed Linnworks call: endpoint, parameters, response schema. */
export type LinnworksCall = <S extends z.ZodType>(
  endpoint: string,
  body: unknown,
  schema: S,
  options?: LinnworksCallOptions,
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

/**
 * One call per chunk of at most `MAX_IDS_PER_CALL` distinct keys, the answers concatenated in
 * order (for methods that take a list of ids or SKUs).
 */
export async function inChunks<K, T>(
  keys: K[],
  read: (chunk: K[]) => Promise<T[] | null | undefined>,
): Promise<T[]> {
  const results: T[] = [];
  for (const chunk of splitIntoChunks([...new Set(keys)], MAX_IDS_PER_CALL)) {
    results.push(...((await read(chunk)) ?? []));
  }

  return results;
}

/** A method that takes `pkOrderId` and answers a list (null read as none). */
export async function listByOrderId<S extends z.ZodType>(
  call: LinnworksCall,
  endpoint: string,
  orderId: string,
  item: S,
): Promise<z.output<S>[]> {
  return (await call(endpoint, { pkOrderId: orderId }, z.array(item).nullable())) ?? [];
}

/** Refuses a page size Linnworks would refuse, before the call (`LINNWORKS_PAGE_SIZE`). */
export function checkPageSize(endpoint: string, entriesPerPage: number, max: number): void {
  if (!Number.isInteger(entriesPerPage) || entriesPerPage < 1 || entriesPerPage > max) {
    throw new ValidationError(
      'LINNWORKS_PAGE_SIZE',
      `${endpoint} takes 1..${max} entries per page, got ${entriesPerPage}`,
      { field: 'entriesPerPage' },
    );
  }
}
