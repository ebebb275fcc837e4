import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import { describeError, isRetryable, VersionConflictError } from '../../errors/errors';
import {
  type FeedName,
  FULFILLMENT_SYNC_FLOW,
  type FulfillmentSyncDeps,
} from './fulfillment-sync.deps';
import type { LwOrderRef, RecordProblem } from './fulfillment.types';

/** Counters of one run; each feed adds its own. */
export class RunCounts {
  readonly values: Record<string, number> = {};

  add(name: string, by = 1): void {
    this.values[name] = (this.values[name] ?? 0) + by;
  }
}

export interface ApplyContext {
  deps: FulfillmentSyncDeps;
  dryRun: boolean;
  counts: RunCounts;
  /** When set, every problem met is also collected here (replay reports them). */
  problems?: RecordProblem[];
}

/** The failure-queue reference of one Linnworks record of a feed. */
export function fulfillmentFailureRef(
  feed: FeedName,
  ref: Pick<LwOrderRef, 'lwOrderId' | 'numOrderId'>,
) {
  return {
    type: `linnworks-${feed}`,
    id: ref.lwOrderId,
    feed,
    numOrderId: ref.numOrderId,
  };
}

/** Counts a record that failed (`<feed>.failed`) and queues its problem. */
export async function recordProblem(
  ctx: ApplyContext,
  feed: FeedName,
  ref: Pick<LwOrderRef, 'lwOrderId' | 'numOrderId'>,
  problem: RecordProblem,
): Promise<void> {
  ctx.counts.add(`${feed}.failed`);
  await queueProblem(ctx, feed, ref, problem);
}

/** Logs a problem and records it in the failure queue (replay collects it too). */
async function queueProblem(
  ctx: ApplyContext,
  feed: FeedName,
  ref: Pick<LwOrderRef, 'lwOrderId' | 'numOrderId'>,
  problem: RecordProblem,
): Promise<void> {
  ctx.problems?.push(problem);
  ctx.deps.logger.warn(
    { feed, lwOrderId: ref.lwOrderId, reasonCode: problem.reasonCode, field: problem.field },
    `fulfillment-sync: ${feed} record not applied: ${problem.message}`,
  );
  if (ctx.dryRun) return;
  await ctx.deps.failures.record({
    flow: FULFILLMENT_SYNC_FLOW,
    ref: fulfillmentFailureRef(feed, ref),
    ...problem,
  });
}

export type Planner = (order: Order) => OrderUpdateAction[] | { problem: RecordProblem };

/**
 * Applies one record to its commercetools order in a single update request. On a version
 * conflict the order is read again and the plan rebuilt once (plans are idempotent).
 * Returns what happened (the caller counts it); problems are recorded in the failure queue,
 * never thrown.
 */
export async function applyToOrder(
  ctx: ApplyContext,
  feed: FeedName,
  ref: Pick<LwOrderRef, 'lwOrderId' | 'numOrderId'>,
  order: Order,
  plan: Planner,
): Promise<'updated' | 'unchanged' | 'failed'> {
  let current = order;
  for (let attempt = 0; attempt < 3; attempt++) {
    const planned = plan(current);
    if (!Array.isArray(planned)) {
      await queueProblem(ctx, feed, ref, planned.problem);

      return 'failed';
    }
    if (planned.length === 0) return 'unchanged';
    if (ctx.dryRun) {
      const actions = planned.map((a) => a.action);
      ctx.deps.logger.info(
        { feed, lwOrderId: ref.lwOrderId, ctOrderId: order.id, actions },
        'fulfillment-sync dry run: would update order',
      );

      return 'updated';
    }
    const written = await writePlan(ctx, feed, ref, current, planned);
    if (written !== 'conflict') return written;
    const [fresh] = await ctx.deps.ct.getOrders([current.id]);
    if (!fresh) break;
    current = fresh;
  }
  await queueProblem(ctx, feed, ref, {
    reasonCode: 'CT_ORDER_CONFLICT',
    message: `order ${order.id} kept changing while it was updated`,
    retryable: true,
  });

  return 'failed';
}

/** One update request; its earlier failure of this record is resolved, a refusal queued. */
async function writePlan(
  ctx: ApplyContext,
  feed: FeedName,
  ref: Pick<LwOrderRef, 'lwOrderId' | 'numOrderId'>,
  order: Order,
  actions: OrderUpdateAction[],
): Promise<'updated' | 'failed' | 'conflict'> {
  try {
    await ctx.deps.ct.updateOrder(order.id, order.version, actions);
    await ctx.deps.failures.resolveFor(
      FULFILLMENT_SYNC_FLOW,
      fulfillmentFailureRef(feed, ref),
      'applied',
    );

    return 'updated';
  } catch (error) {
    if (error instanceof VersionConflictError) return 'conflict';
    const described = describeError(error);
    await queueProblem(ctx, feed, ref, {
      reasonCode: described.code,
      message: described.message,
      retryable: isRetryable(error),
    });

    return 'failed';
  }
}

export function unknownOrderProblem(ref: LwOrderRef): RecordProblem {
  return {
    reasonCode: 'CT_ORDER_UNKNOWN',
    message: `no commercetools order for Linnworks order ${ref.numOrderId} (reference ${ref.reference || 'none'})`,
    field: 'ReferenceNum',
    retryable: false,
  };
}
