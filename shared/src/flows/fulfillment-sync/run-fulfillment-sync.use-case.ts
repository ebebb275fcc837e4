import { type CallCounts, callsSince } from '../../commercetools/call-counts';
import type { JobRunReport } from '../../http/job-app';
import { LeaseLock } from '../../state/lease-lock';
import type { StateStore } from '../../state/state-store';
import { CursorRepo } from './cursor.repo';
import { type Feed, type FeedReport, type FeedRun, runFeedAlone } from './feed-runner';
import { RunCounts } from './fulfillment-context';
import {
  type FeedName,
  FULFILLMENT_SYNC_FLOW,
  type FulfillmentSyncDeps,
} from './fulfillment-sync.deps';
import { statesToEnsure } from './fulfillment-sync.settings';
import { cancelledFeed, processedFeed } from './processed.feed';
import { lifecycleFeed } from './lifecycle.feed';
import { progressFeed } from './progress.feed';
import { refundsFeed } from './refunds.feed';
import { trackingFeed } from './tracking.feed';
import { CONTAINERS } from '../../state/connector-names';

export const FULFILLMENT_RUN_REPORT_CONTAINER = CONTAINERS.fulfillmentRuns;
export const FULFILLMENT_LOCK_NAME = 'fulfillment-sync';

/** Feeds in the order a run applies them: ship before cancel before refund. */
export const FULFILLMENT_FEEDS: Array<[FeedName, Feed]> = [
  ['processed', processedFeed],
  ['cancelled', cancelledFeed],
  ['refunds', refundsFeed],
  ['tracking', trackingFeed],
  ['progress', progressFeed],
  ['lifecycle', lifecycleFeed],
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
  deps: FulfillmentSyncDeps,
  options: RunOptions,
): Promise<JobRunReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const counts = new RunCounts();
  const ctBefore = { ...deps.ct.calls };
  const lock = new LeaseLock(deps.store, now);
  const report = (status: JobRunReport['status'], reason?: string): JobRunReport => {
    const finished = now();

    return {
      flow: FULFILLMENT_SYNC_FLOW,
      status,
      ...(reason ? { reason } : {}),
      dryRun: options.dryRun,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      counts: { ...counts.values, ...ordersCalls(ctBefore, deps.ct.calls) },
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
    const feeds: Partial<Record<FeedName, FeedReport>> = {};
    for (const [name, feed] of FULFILLMENT_FEEDS) {
      if (options.feeds && !options.feeds.includes(name)) continue;
      const cutShort = Object.values(feeds).some((f) => f.status === 'time-budget');
      feeds[name] =
        cutShort || run.outOfTime() ? { status: 'not-run' } : await runFeedAlone(run, name, feed);
    }
    result = reportOfFeeds(report, feeds);
  } finally {
    await lock.release(acquired.lease);
  }
  deps.logger.info({ report: result }, `fulfillment-sync run ${result.status}`);
  if (!options.dryRun) await deps.store.put(FULFILLMENT_RUN_REPORT_CONTAINER, 'last', result);

  return result;
}

/**
 * The run's status from how its feeds ended: `completed` when every feed ran to the end,
 * `failed` when every feed that ran failed, else `partial`. `problems` names each feed that
 * failed or was cut short, for sync-admin's status (degraded while there are any).
 */
function reportOfFeeds(
  report: (status: JobRunReport['status'], reason?: string) => JobRunReport,
  feeds: Partial<Record<FeedName, FeedReport>>,
): JobRunReport {
  const entries = Object.entries(feeds) as Array<[FeedName, FeedReport]>;
  const failed = entries.filter(([, f]) => f.status === 'failed');
  const unfinished = entries.filter(
    ([, f]) => f.status === 'time-budget' || f.status === 'not-run',
  );
  const problems = [
    ...failed.map(([name, f]) => `${name} feed failed (${f.error?.code ?? 'error'})`),
    ...(unfinished.length > 0
      ? [`time budget spent: ${unfinished.map(([name]) => name).join(', ')} not finished`]
      : []),
  ];
  const ran = entries.filter(([, f]) => f.status !== 'not-run');
  const status =
    problems.length === 0
      ? 'completed'
      : ran.length > 0 && failed.length === ran.length
        ? 'failed'
        : 'partial';
  const reason =
    unfinished.length > 0 ? 'time-budget' : failed.length > 0 ? 'feed-failed' : undefined;

  return { ...report(status, reason), feeds, ...(problems.length > 0 ? { problems } : {}) };
}

/** The order reads and updates the commercetools adapter counted during the run. */
function ordersCalls(before: CallCounts, now: CallCounts) {
  const calls = callsSince(before, now);

  return { ctReads: calls.reads, ctWrites: calls.writes };
}

/** The report of the last (non-dry) run, for sync-admin's status. */
export async function lastFulfillmentReport(store: StateStore): Promise<JobRunReport | undefined> {
  return (await store.get<JobRunReport>(FULFILLMENT_RUN_REPORT_CONTAINER, 'last'))?.value;
}
