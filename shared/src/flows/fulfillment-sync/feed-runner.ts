import { describeError, isRetryable } from '../../errors/errors';
import type { Order } from '@commercetools/platform-sdk';

import type { ApplyContext } from './fulfillment-context';
import { type FeedName, FULFILLMENT_SYNC_FLOW } from './fulfillment-sync.deps';
import type { CursorRepo } from './cursor.repo';
import type { StateInfo } from './fulfillment-states';

/** What a run hands each feed: its cursors, the clock, paging and the time budget. */
export interface FeedRun extends ApplyContext {
  cursors: CursorRepo;
  now: () => Date;
  pageSize: number;
  overlapMinutes: number;
  initialLookbackHours: number;
  /** True once the run's time budget is spent: the feed saves its cursor and stops. */
  outOfTime: () => boolean;
  /** Id of the line-item state of cancelled quantities, if it exists. */
  cancelledStateId: string | undefined;
  /** The flow's custom states by key (progress order states, the cancelled line-item state). */
  states: Map<string, StateInfo>;
}

/** How a feed ended: done, or stopped by the time budget (the run is then `partial`). */
export type FeedOutcome = 'done' | 'time-budget';

export type Feed = (run: FeedRun) => Promise<FeedOutcome>;

export async function saveCursor(
  run: FeedRun,
  feed: FeedName,
  cursor: { at?: string; after?: string },
): Promise<void> {
  if (run.dryRun) return;
  await run.cursors.set(feed, cursor, run.now());
}

/** How each feed of a run ended, in the run report (`feeds`). */
export interface FeedReport {
  status: 'done' | 'time-budget' | 'failed' | 'not-run';
  /** For a failed feed: the error code and text. */
  error?: { code: string; message: string };
}

/** Failure-queue reference of a whole feed that failed in a run (not one record of it). */
export function feedFailureRef(feed: FeedName) {
  return { type: FEED_FAILURE_TYPE, id: feed, feed };
}

export const FEED_FAILURE_TYPE = 'linnworks-feed';

/**
 * Runs one feed so that its failure stays its own: an error is logged, recorded in the failure
 * queue under the feed (resolved again by the feed's next successful run) and reported, and the
 * run goes on with the next feed. The feed's cursor stays where it was.
 */
export async function runFeedAlone(run: FeedRun, name: FeedName, feed: Feed): Promise<FeedReport> {
  const { failures, logger } = run.deps;
  try {
    const outcome = await feed(run);
    if (!run.dryRun)
      await failures.resolveFor(FULFILLMENT_SYNC_FLOW, feedFailureRef(name), 'feed ran');

    return { status: outcome };
  } catch (error) {
    const { code, message } = describeError(error);
    run.counts.add(`${name}.feedFailed`);
    logger.error(
      { feed: name, err: { code, message } },
      `fulfillment-sync: ${name} feed failed; the other feeds go on`,
    );
    if (!run.dryRun) {
      await failures.record({
        flow: FULFILLMENT_SYNC_FLOW,
        reasonCode: code,
        message: `${name} feed failed: ${message}`,
        retryable: isRetryable(error),
        ref: feedFailureRef(name),
      });
    }

    return { status: 'failed', error: { code, message } };
  }
}

/** How a feed reads what Linnworks says of its records' orders, and links the two. */
export interface LinnworksSide<R, L> {
  /** The record's Linnworks order id and commercetools order id. */
  ids: (record: R) => [lwOrderId: string, ctOrderId: string];
  read: (run: FeedRun, lwOrderIds: string[]) => Promise<L[]>;
  idOf: (answer: L) => string;
}

/**
 * Each record with what Linnworks says of its order and its commercetools order: one Linnworks
 * call and one commercetools query for the whole batch; records missing either are left out.
 */
export async function withBothOrders<R, L>(
  run: FeedRun,
  records: R[],
  side: LinnworksSide<R, L>,
): Promise<Array<{ record: R; lw: L; order: Order }>> {
  const ids = records.map(side.ids);
  const answers = await side.read(
    run,
    ids.map(([lw]) => lw),
  );
  const orders = await run.deps.ct.getOrders(ids.map(([, ct]) => ct));

  return records.flatMap((record, i) => {
    const [lwId, ctId] = ids[i] as [string, string];
    const lw = answers.find((a) => side.idOf(a) === lwId);
    const order = orders.find((o) => o.id === ctId);

    return lw && order ? [{ record, lw, order }] : [];
  });
}
