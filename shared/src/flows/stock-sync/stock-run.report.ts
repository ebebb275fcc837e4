import type { StockRun, SweepProgress } from './stock-run';
import type { StockRunCalls } from './stock-run.meter';
import { type StockSyncReport, stockRunReport, type SweepReport } from './stock-run-report';
import { StockSyncStateRepo } from './stock-sync-state.repo';

/**
 * Where the sweep stands. A SKU the sweep has not reached in this pass was last read by the
 * previous complete pass, no earlier than its start: that bounds the age of the oldest unswept SKU
 * (null while no pass has ever completed).
 */
function sweepOf(run: StockRun, progress: SweepProgress, finished: boolean): SweepReport {
  const now = run.now();
  const readSince = finished ? progress.sweepStartedAt : progress.lastSweepStartedAt;

  return {
    finished,
    nextPage: finished ? 1 : progress.page,
    pagesRead: run.plan.counts.pagesRead,
    startedAt: progress.sweepStartedAt,
    oldestUnsweptAgeSeconds: readSince
      ? Math.max(0, Math.round((now - Date.parse(readSince)) / 1000))
      : null,
  };
}

/**
 * Step 5, report: what the run did, with the calls the adapters counted, stored as the last
 * report (sync-admin's status reads it). `partial` when the sweep stopped early or anything
 * failed. The returned report also counts its own save; the stored one cannot.
 */
export async function reportStockRun(
  run: StockRun,
  progress: SweepProgress,
  calls: () => StockRunCalls,
): Promise<StockSyncReport> {
  const hot = progress.hot;
  const unmappedLocations = [...progress.unmappedLocationIds].map((id) => ({
    id,
    name: run.plan.locationNames.get(id) ?? id,
  }));
  if (unmappedLocations.length > 0) {
    run.deps.logger.warn(
      { locations: unmappedLocations.map((l) => l.name) },
      'stock-sync ignored Linnworks locations the mapping does not mention',
    );
  }
  const finishedSweep = progress.stopReason === undefined;
  const { counts } = run.plan;
  const status =
    !finishedSweep || hot?.error || counts.failed + counts.failedPages > 0
      ? 'partial'
      : 'completed';
  const report = stockRunReport({
    status,
    reason:
      progress.stopReason ??
      (hot?.error ? 'hot-lane-failed' : status === 'partial' ? 'failures-recorded' : undefined),
    dryRun: run.dryRun,
    started: run.started,
    finished: run.now(),
    counts: { ...counts, ...calls() },
    extra: {
      ...(finishedSweep ? {} : { nextPage: progress.page }),
      ...(hot ? { hot } : {}),
      sweep: sweepOf(run, progress, finishedSweep),
      unknownSkus: progress.unknownSkus,
      unmappedLocations,
    },
  });
  if (run.dryRun) return report;
  await new StockSyncStateRepo(run.deps.store).saveReport(report);

  return { ...report, counts: { ...report.counts, ...calls() } };
}
