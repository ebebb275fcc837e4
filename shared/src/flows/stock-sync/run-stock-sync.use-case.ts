import { FailureQueue } from '../../state/failure-queue';
import type { StockRun } from './stock-run';
import { checkpointStockRun, startSweep } from './stock-run.checkpoint';
import { StockRunLease } from './stock-run.lease';
import { meterStockRun } from './stock-run.meter';
import { planStockRun } from './stock-run.plan';
import { refreshHotSkus } from './stock-run.hot-lane';
import { reportStockRun } from './stock-run.report';
import { sweepStock } from './stock-run.sweep';
import { emptyCounts, noRunCalls, stockRunReport, type StockSyncReport } from './stock-run-report';
import { STOCK_PAGE_SIZE, type StockSyncDeps } from './stock-sync.deps';

/**
 * One stock-sync run, in six named steps under a lease lock:
 * 1. plan: resolve the mapping, check the channels, load the snapshot;
 * 1b. hot lane: refresh the SKUs on orders received since the previous run (GetOpenOrders per
 *    location, the connector's own new orders) with GetStockLevel_Batch;
 * 2. sweep: read Linnworks' catalogue with stock levels page by page (200 a page);
 * 3. write: per page, write only the (SKU, channel) pairs whose quantity changed;
 * 4. checkpoint: save the snapshot, and where the next run goes on if this one stopped early;
 * 5. report: what the run did, stored for sync-admin's status.
 * Pages or pairs that fail are recorded in the failure queue and retried by the next sweep.
 */
export async function runStockSync(
  deps: StockSyncDeps,
  request: { dryRun: boolean },
): Promise<StockSyncReport> {
  const now = deps.now ?? (() => Date.now());
  const started = now();
  const calls = meterStockRun(deps);
  const lease = new StockRunLease(deps.store, deps.timeBudgetMs, now);
  if (!request.dryRun) {
    const acquired = await lease.acquire();
    if (!acquired.acquired) {
      return stockRunReport({
        status: 'skipped',
        reason: 'lock-held',
        dryRun: false,
        started,
        finished: now(),
        counts: { ...emptyCounts(), ...noRunCalls() },
        extra: { lockExpiresAt: acquired.expiresAt },
      });
    }
  }
  try {
    const run: StockRun = {
      deps,
      plan: await planStockRun(deps, { dryRun: request.dryRun, snapshot: 'load' }),
      dryRun: request.dryRun,
      started,
      now,
      lease,
      failures: new FailureQueue(deps.store, () => new Date(now())),
      pageSize: deps.pageSize ?? STOCK_PAGE_SIZE,
    };
    const progress = await startSweep(run);
    progress.hot = await refreshHotSkus(run, run.started);
    progress.hotAt = run.now();
    await sweepStock(run, progress);
    await checkpointStockRun(run, progress);

    return await reportStockRun(run, progress, calls);
  } finally {
    await lease.release();
  }
}
