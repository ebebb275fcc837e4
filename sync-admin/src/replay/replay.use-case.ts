import {
  describeError,
  type FailureQueue,
  type FailureRecord,
  getCorrelationId,
  type Logger,
  newCorrelationId,
  ORDER_SYNC_FLOW,
  type ReplayResult,
  runBounded,
  runWithContext,
} from 'shared';

import type { ReplayRegistry } from './replay-registry';
import type { ReplayRequest } from './replay.schema';

export type ReplayOutcome =
  | 'resolved'
  | 'still-failing'
  | 'skipped'
  | 'would-replay'
  | 'no-replayer'
  | 'not-found'
  | 'not-pending'
  | 'error'
  | 'not-attempted';

export interface ReplayItemResult {
  id: string;
  flow?: string;
  outcome: ReplayOutcome;
  reasonCode?: string;
  message?: string;
  /** The correlation ID of the original failure: every log line of it carries this ID. */
  originalCorrelationId?: string;
  /** The correlation ID of this replay attempt. */
  correlationId?: string;
}

export interface ReplayResponse {
  dryRun: boolean;
  requested: number;
  counts: Partial<Record<ReplayOutcome, number>>;
  items: ReplayItemResult[];
}

export interface ReplayDeps {
  failures: FailureQueue;
  registry: ReplayRegistry;
  logger: Logger;
  /** Stop starting new items after this long (the service request limit is 5 min). Default 120 s. */
  timeBudgetMs?: number;
  /** Most items replayed at once; default `REPLAY_CONCURRENCY`. */
  concurrency?: number;
  now?: () => number;
}

/**
 * Items replayed at once. Order replays running side by side share order-sync's CreateOrders
 * batches (up to 20 orders a call, 200 ms window): 16 keeps a batch to one call (16 < 20) and
 * lets the next batch fill while one is in flight, so a replay of many orders costs a few
 * CreateOrders calls a minute instead of one per order (sync-admin's share is 19 a minute). It
 * also bounds what can still be waiting for rate budget when the time budget ends: at most 16
 * items, each behind at most 15 others in an endpoint's queue.
 */
export const REPLAY_CONCURRENCY = 16;

/**
 * Replays that must never overlap share a lane: every failure of one order (its creation and its
 * refunds both write the order's state), and every failure of the other flows, whose replayers
 * stay one at a time (a stock page and a SKU failure can cover the same inventory entry; two
 * fulfilment feeds of one Linnworks order update the same commercetools order).
 */
function laneOf(record: FailureRecord | undefined): string | undefined {
  if (!record) return undefined;

  return record.flow === ORDER_SYNC_FLOW ? `${record.flow}/${record.ref.id}` : record.flow;
}

async function select(failures: FailureQueue, request: ReplayRequest) {
  if (request.ids) {
    return Promise.all(request.ids.map(async (id) => ({ id, record: await failures.get(id) })));
  }
  const page = await failures.list({
    status: 'pending',
    ...(request.flow ? { flow: request.flow } : {}),
    ...(request.reasonCode ? { reasonCode: request.reasonCode } : {}),
    limit: request.limit,
  });

  return page.items.map((record) => ({ id: record.id, record }));
}

/** Records the new attempt unless the flow's own use case already did (same correlation ID). */
async function recordAgain(
  failures: FailureQueue,
  record: FailureRecord,
  result: { reasonCode: string; message: string; correlationId: string },
): Promise<void> {
  const current = await failures.get(record.id);
  if (current?.status === 'pending' && current.correlationIds.includes(result.correlationId))
    return;
  await failures.record({
    flow: record.flow,
    reasonCode: result.reasonCode,
    message: result.message,
    ...(record.field ? { field: record.field } : {}),
    retryable: record.retryable,
    ref: record.ref,
    correlationId: result.correlationId,
  });
}

/** What a replay came to, for the response; a real replay also closes or re-records the failure. */
async function settle(
  deps: ReplayDeps,
  record: FailureRecord,
  result: ReplayResult,
  attempt: { dryRun: boolean; correlationId: string },
): Promise<Omit<ReplayItemResult, 'id' | 'flow' | 'originalCorrelationId' | 'correlationId'>> {
  const message = result.message ? { message: result.message } : {};
  if (attempt.dryRun) {
    return {
      outcome: result.outcome === 'resolved' ? 'would-replay' : result.outcome,
      ...(result.outcome === 'still-failing' ? { reasonCode: result.reasonCode } : {}),
      ...message,
    };
  }
  if (result.outcome === 'resolved') {
    await deps.failures.resolve(record.id, `replayed; correlation ${attempt.correlationId}`);

    return { outcome: 'resolved', ...message };
  }
  if (result.outcome === 'still-failing') {
    await recordAgain(deps.failures, record, { ...result, correlationId: attempt.correlationId });

    return { outcome: 'still-failing', reasonCode: result.reasonCode, message: result.message };
  }

  return { outcome: 'skipped', message: result.message };
}

/** Replays one failure under a new correlation ID, logged next to the original one. */
async function replayOne(
  deps: ReplayDeps,
  record: FailureRecord,
  dryRun: boolean,
): Promise<ReplayItemResult> {
  const base = { id: record.id, flow: record.flow, originalCorrelationId: record.correlationId };
  if (record.status !== 'pending') return { ...base, outcome: 'not-pending' };
  const replayer = deps.registry.get(record.flow);
  if (!replayer) {
    return { ...base, outcome: 'no-replayer', message: `no replayer for flow ${record.flow}` };
  }
  const correlationId = newCorrelationId();
  const context = {
    correlationId,
    flow: record.flow,
    originalCorrelationId: record.correlationId,
    replayRequestId: getCorrelationId(),
    resource: `${record.ref.type}/${record.ref.id}`,
  };

  return runWithContext(context, async () => {
    try {
      const result = await replayer(record, { dryRun });
      deps.logger.info({ outcome: result.outcome, failureId: record.id, dryRun }, 'replayed');

      return {
        ...base,
        correlationId,
        ...(await settle(deps, record, result, { dryRun, correlationId })),
      };
    } catch (error) {
      const described = describeError(error);
      deps.logger.error({ err: described, failureId: record.id }, 'replay failed');

      return {
        ...base,
        correlationId,
        outcome: 'error',
        reasonCode: described.code,
        message: described.message,
      };
    }
  });
}

/**
 * Replays failures in-process through each flow's own replayer, up to `REPLAY_CONCURRENCY` at
 * once (one at a time per lane, `laneOf`), each under a new correlation ID that is logged next to
 * the original one. A resolved failure is closed; a failure that fails again is recorded again
 * (attempts + 1, new correlation ID appended). Items are answered in the request's order; no item
 * starts once the time budget is used up (`not-attempted`).
 */
export function createReplayUseCase(deps: ReplayDeps) {
  const now = deps.now ?? Date.now;
  const budget = deps.timeBudgetMs ?? 120_000;

  return async function replay(request: ReplayRequest): Promise<ReplayResponse> {
    const started = now();
    const selected = await select(deps.failures, request);
    const runs = await runBounded(
      selected,
      {
        limit: deps.concurrency ?? REPLAY_CONCURRENCY,
        keyOf: ({ record }) => laneOf(record),
        mayStart: () => now() - started <= budget,
      },
      async ({ id, record }): Promise<ReplayItemResult> =>
        record ? replayOne(deps, record, request.dryRun) : { id, outcome: 'not-found' },
    );
    const items = runs.map((run, i): ReplayItemResult => {
      const { id, record } = selected[i]!;
      if (!record) return { id, outcome: 'not-found' };
      if (run.started) return run.value;

      return {
        id,
        flow: record.flow,
        outcome: 'not-attempted',
        message: 'time budget used up; replay again',
      };
    });
    const counts: ReplayResponse['counts'] = {};
    for (const item of items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;

    return { dryRun: request.dryRun, requested: selected.length, counts, items };
  };
}

export type ReplayUseCase = ReturnType<typeof createReplayUseCase>;
