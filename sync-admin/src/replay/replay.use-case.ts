import {
  describeError,
  type FailureQueue,
  type FailureRecord,
  getCorrelationId,
  type Logger,
  newCorrelationId,
  type ReplayResult,
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
  now?: () => number;
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
 * Replays failures in-process through each flow's own replayer, one at a time, each under a
 * new correlation ID that is logged next to the original one. A resolved failure is closed; a
 * failure that fails again is recorded again (attempts + 1, new correlation ID appended).
 */
export function createReplayUseCase(deps: ReplayDeps) {
  const now = deps.now ?? Date.now;
  const budget = deps.timeBudgetMs ?? 120_000;

  return async function replay(request: ReplayRequest): Promise<ReplayResponse> {
    const started = now();
    const selected = await select(deps.failures, request);
    const items: ReplayItemResult[] = [];
    for (const { id, record } of selected) {
      if (!record) items.push({ id, outcome: 'not-found' });
      else if (now() - started > budget)
        items.push({
          id,
          flow: record.flow,
          outcome: 'not-attempted',
          message: 'time budget used up; replay again',
        });
      else items.push(await replayOne(deps, record, request.dryRun));
    }
    const counts: ReplayResponse['counts'] = {};
    for (const item of items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;

    return { dryRun: request.dryRun, requested: selected.length, counts, items };
  };
}

export type ReplayUseCase = ReturnType<typeof createReplayUseCase>;
