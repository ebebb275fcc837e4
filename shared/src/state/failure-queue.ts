import { getCorrelationId } from '../logging/context';
import type { StateStore, StoredObject } from './state-store';
import { toObjectKey } from './state-store';
import { CONTAINERS } from './connector-names';

export const FAILURE_CONTAINER = CONTAINERS.failures;

export type FailureStatus = 'pending' | 'resolved' | 'discarded';

/** What failed: ids only, never copies of personal data. */
export interface FailureRef {
  type: string;
  id: string;
  [field: string]: string | number;
}

/** What went wrong, as the flow that met it says it. */
interface FailureReport {
  flow: string;
  reasonCode: string;
  message: string;
  field?: string;
  retryable: boolean;
  ref: FailureRef;
  /** When an automatic retry may pick it up; omitted for failures that wait for a human. */
  nextAttemptAt?: string;
  /** What an operator finds it by (`GET /failures?orderNumber=…`): ids, never personal data. */
  orderNumber?: string;
  ctOrderId?: string;
  skus?: string[];
}

export interface FailureRecord extends FailureReport {
  id: string;
  /** The correlation ID of the first failure; every log line of it carries this ID. */
  correlationId: string;
  /** The most recent correlation IDs (newest last), one per attempt, capped. */
  correlationIds: string[];
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  status: FailureStatus;
  resolvedAt?: string;
  resolution?: string;
  /** Who closed it by hand (a discard): `client:<id>` or `mc-user:<id>`, kept for audit. */
  resolvedBy?: string;
}

export interface RecordFailureInput extends FailureReport {
  /** Default: the correlation ID of the work in progress. */
  correlationId?: string;
}

export interface FailureFilter {
  flow?: string;
  reasonCode?: string;
  status?: FailureStatus;
  orderNumber?: string;
  ctOrderId?: string;
  /** Any of the failure's correlation IDs (the first or a replay's). */
  correlationId?: string;
  sku?: string;
  /** ISO timestamps bounding `lastFailedAt`. */
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

const MAX_CORRELATION_IDS = 10;

/**
 * Told of every failure recorded and every pending failure closed (alerting). Called without
 * waiting; it must not throw.
 */
export interface FailureObserver {
  recorded(record: FailureRecord): void;
  closed(record: FailureRecord): void;
}

/** One failure per (flow, resource): a repeat failure raises `attempts` instead of adding a row. */
export function failureId(flow: string, ref: FailureRef): string {
  return toObjectKey(flow, ref.type, ref.id);
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function lookupFields(input: RecordFailureInput) {
  const { orderNumber, ctOrderId, skus } = input;

  return {
    ...(orderNumber ? { orderNumber } : {}),
    ...(ctOrderId ? { ctOrderId } : {}),
    ...(skus?.length ? { skus: [...new Set(skus)].slice(0, 200) } : {}),
  };
}

/** The `where` clauses of a filter (array fields with `contains any`, as commercetools documents). */
function clausesOf(filter: FailureFilter): string[] {
  const clauses: string[] = [];
  const equal: Array<[keyof FailureFilter, string]> = [
    ['flow', 'flow'],
    ['reasonCode', 'reasonCode'],
    ['status', 'status'],
    ['orderNumber', 'orderNumber'],
    ['ctOrderId', 'ctOrderId'],
  ];
  for (const [key, field] of equal) {
    const value = filter[key];
    if (typeof value === 'string') clauses.push(`value(${field}=${quote(value)})`);
  }
  if (filter.correlationId)
    clauses.push(`value(correlationIds contains any (${quote(filter.correlationId)}))`);
  if (filter.sku) clauses.push(`value(skus contains any (${quote(filter.sku)}))`);
  if (filter.since) clauses.push(`value(lastFailedAt >= ${quote(filter.since)})`);
  if (filter.until) clauses.push(`value(lastFailedAt <= ${quote(filter.until)})`);

  return clauses;
}

/**
 * The failure queue: every rejected or failed sync, with its reason, ready for replay.
 * Kept on custom objects so the connector needs no database of its own.
 */
export class FailureQueue {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => Date = () => new Date(),
    private readonly observer?: FailureObserver,
  ) {}

  async record(input: RecordFailureInput): Promise<FailureRecord> {
    const id = failureId(input.flow, input.ref);
    const at = this.now().toISOString();
    const correlationId = input.correlationId ?? getCorrelationId() ?? 'unknown';
    const stored = await this.store.update<FailureRecord>(FAILURE_CONTAINER, id, (current) => ({
      id,
      flow: input.flow,
      reasonCode: input.reasonCode,
      message: input.message,
      ...(input.field ? { field: input.field } : {}),
      ...lookupFields(input),
      retryable: input.retryable,
      ref: input.ref,
      correlationId: current?.correlationId ?? correlationId,
      correlationIds: [...(current?.correlationIds ?? []), correlationId].slice(
        -MAX_CORRELATION_IDS,
      ),
      attempts: (current?.status === 'pending' ? current.attempts : 0) + 1,
      firstFailedAt: current?.status === 'pending' ? current.firstFailedAt : at,
      lastFailedAt: at,
      ...(input.nextAttemptAt ? { nextAttemptAt: input.nextAttemptAt } : {}),
      status: 'pending',
    }));

    const record = (stored as StoredObject<FailureRecord>).value;
    this.observer?.recorded(record);

    return record;
  }

  async get(id: string): Promise<FailureRecord | undefined> {
    return (await this.store.get<FailureRecord>(FAILURE_CONTAINER, id))?.value;
  }

  async list(
    filter: FailureFilter = {},
  ): Promise<{ items: FailureRecord[]; total: number; offset: number }> {
    const clauses = clausesOf(filter);
    const page = await this.store.query<FailureRecord>(FAILURE_CONTAINER, {
      ...(clauses.length ? { where: clauses.join(' and ') } : {}),
      limit: filter.limit ?? 50,
      offset: filter.offset ?? 0,
      sort: 'lastModifiedAt desc',
    });

    return { items: page.results.map((r) => r.value), total: page.total, offset: page.offset };
  }

  /** Marks a failure as resolved (e.g. after a successful replay). A missing id is a no-op. */
  async resolve(id: string, resolution: string): Promise<FailureRecord | undefined> {
    return this.close(id, 'resolved', resolution);
  }

  /**
   * Discards a pending failure for good: it leaves the pending count (and so `/status`) but is
   * kept, with the reason and who discarded it. A failure that is not pending is left as it is.
   */
  async discard(id: string, reason: string, by?: string): Promise<FailureRecord | undefined> {
    return this.close(id, 'discarded', reason, true, by);
  }

  /** Resolves the pending failure of a resource, if any: called when a later sync of it succeeds. */
  async resolveFor(flow: string, ref: FailureRef, resolution: string): Promise<void> {
    await this.close(failureId(flow, ref), 'resolved', resolution, true);
  }

  private async close(
    id: string,
    status: Exclude<FailureStatus, 'pending'>,
    resolution: string,
    onlyIfPending = false,
    by?: string,
  ): Promise<FailureRecord | undefined> {
    const at = this.now().toISOString();
    let closedPending = false as boolean;
    const stored = await this.store.update<FailureRecord>(FAILURE_CONTAINER, id, (current) => {
      closedPending = false;
      if (!current || (onlyIfPending && current.status !== 'pending')) return undefined;
      closedPending = current.status === 'pending';

      return { ...current, status, resolvedAt: at, resolution, ...(by ? { resolvedBy: by } : {}) };
    });
    if (closedPending && stored) this.observer?.closed(stored.value);

    return stored?.value;
  }
}
