import type { StockRun, SweepProgress } from './stock-run';
import { resolveSweepFailures } from './stock-sync-failures';
import { StockSyncStateRepo } from './stock-sync-state.repo';

/** Where this run's sweep starts: the checkpoint an unfinished sweep left, or page 1. */
export async function startSweep(run: StockRun): Promise<SweepProgress> {
  const repo = new StockSyncStateRepo(run.deps.store);
  const checkpoint = run.dryRun ? undefined : await repo.checkpoint();
  const lastSweepStartedAt = run.dryRun ? undefined : await repo.lastSweepStartedAt();

  return {
    page: checkpoint?.nextPage ?? 1,
    sweepStartedAt: checkpoint?.sweepStartedAt ?? new Date(run.started).toISOString(),
    sweepFailures: checkpoint?.sweepFailures ?? 0,
    ...(lastSweepStartedAt ? { lastSweepStartedAt } : {}),
    unknownSkus: [],
    unmappedLocationIds: new Set(),
  };
}

/**
 * Step 4, checkpoint: writes back the snapshot segments that changed (after a whole sweep, drops
 * the segments past its end), then either saves where an
 * unfinished sweep goes on or, when the sweep read every page, clears the checkpoint; a whole
 * sweep without a failure resolves the failures recorded before it. A dry run writes nothing.
 */
export async function checkpointStockRun(run: StockRun, progress: SweepProgress): Promise<void> {
  if (run.dryRun) return;
  const store = run.deps.store;
  const snapshot = run.plan.ctx.snapshot;
  if (progress.stopReason === undefined) {
    await snapshot.finishSweep(Date.parse(progress.sweepStartedAt));
  }
  await snapshot.flush();
  const state = new StockSyncStateRepo(store);
  if (progress.stopReason !== undefined) {
    await state.saveCheckpoint({
      nextPage: progress.page,
      sweepStartedAt: progress.sweepStartedAt,
      sweepFailures: progress.sweepFailures,
      ...(progress.lastSweepStartedAt ? { lastSweepStartedAt: progress.lastSweepStartedAt } : {}),
    });

    return;
  }
  await state.clearCheckpoint(new Date(run.now()).toISOString(), progress.sweepStartedAt);
  if (progress.sweepFailures === 0) {
    await resolveSweepFailures(run.failures, progress.sweepStartedAt);
  }
}
