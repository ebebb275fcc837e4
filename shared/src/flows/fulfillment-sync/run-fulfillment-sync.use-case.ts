import type { JobRunReport } from '../../http/job-app';
import { LeaseLock } from '../../state/lease-lock';
import type { StateStore } from '../../state/state-store';
import { CursorRepo } from './cursor.repo';
import type { Feed, FeedRun } from './feed-runner';
import {
  FULFILLMENT_FLOW,
  type FeedName,
  type FulfillmentDeps,
  RunCounts,
} from './fulfillment-context';
import { statesToEnsure } from './fulfillment-sync.env';
import { cancelledFeed, processedFeed } from './processed.feed';
import { progressFeed } from './progress.feed';
import { refundsFeed } from './refunds.feed';
import { trackingFeed } from './tracking.feed';

export const FULFILLMENT_RUN_REPORT_CONTAINER = 'lw-fulfillment-runs';
export const FULFILLMENT_LOCK_NAME = 'fulfillment-sync';

/** Feeds in the order a run applies them: ship before cancel before refund. */
export const FULFILLMENT_FEEDS: Array<[FeedName, Feed]> = [
  ['processed', processedFeed],
  ['cancelled', cancelledFeed],
  ['refunds', refundsFeed],
  ['tracking', trackingFeed],
  ['progress', progressFeed],
];

export interface RunOptions {
  dryRun: boolean;
  /** Work stops (and cursors are kept) once this much time has passed. */
  timeBudgetMs: number;
  pageSize?: number;
  overlapMinutes?: number;
  initialLookbackHours?: number;
  feeds?: FeedName[];
}

/**
 * One fulfillment-sync run: under a lease lock, each feed applies what Linnworks reports since
 * its cursor, until done or the time budget is spent. The report is logged and stored.
 */
export async function runFulfillmentSync(
  deps: FulfillmentDeps,
  options: RunOptions,
): Promise<JobRunReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const counts = new RunCounts();
  const lock = new LeaseLock(deps.store, now);
  const report = (status: JobRunReport['status'], reason?: string): JobRunReport => {
    const finished = now();

    return {
      flow: FULFILLMENT_FLOW,
      status,
      ...(reason ? { reason } : {}),
      dryRun: options.dryRun,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      counts: counts.values,
    };
  };
  const acquired = await lock.acquire(FULFILLMENT_LOCK_NAME, options.timeBudgetMs + 120_000);
  if (!acquired.acquired) return report('skipped', 'lock-held');
  let result: JobRunReport;
  try {
    const { orderStates, lineItemStates } = statesToEnsure(deps.settings);
    const states = await deps.ct.states([...orderStates, ...lineItemStates]);
    const run: FeedRun = {
      deps,
      dryRun: options.dryRun,
      counts,
      cursors: new CursorRepo(deps.store),
      now,
      pageSize: options.pageSize ?? 200,
      overlapMinutes: options.overlapMinutes ?? 10,
      initialLookbackHours: options.initialLookbackHours ?? 24,
      outOfTime: () => now().getTime() - started.getTime() >= options.timeBudgetMs,
      cancelledStateId: states.get(deps.settings.lineCancelledState)?.id,
      states,
    };
    let stopped: string | undefined;
    for (const [name, feed] of FULFILLMENT_FEEDS) {
      if (options.feeds && !options.feeds.includes(name)) continue;
      if (run.outOfTime() || (await feed(run)) === 'time-budget') {
        stopped = 'time-budget';
        break;
      }
    }
    result = report(stopped ? 'partial' : 'completed', stopped);
  } finally {
    await lock.release(acquired.lease);
  }
  deps.logger.info({ report: result }, `fulfillment-sync run ${result.status}`);
  if (!options.dryRun) await deps.store.put(FULFILLMENT_RUN_REPORT_CONTAINER, 'last', result);

  return result;
}

/** The report of the last (non-dry) run, for sync-admin's status. */
export async function lastFulfillmentReport(store: StateStore): Promise<JobRunReport | undefined> {
  return (await store.get<JobRunReport>(FULFILLMENT_RUN_REPORT_CONTAINER, 'last'))?.value;
}
