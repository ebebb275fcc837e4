import { describeError, isRetryable } from '../../errors/errors';
import type { StockItemInput } from './stock-items.sync';
import { syncStockItems } from './stock-items.sync';
import type { StockRun, SweepProgress } from './stock-run';
import { UNKNOWN_SKUS_LISTED } from './stock-run-report';
import { recordPageFailure } from './stock-sync-failures';
import { mergeHotReports, refreshHotSkus } from './stock-run.hot-lane';

const MAX_CONSECUTIVE_PAGE_FAILURES = 3;

interface FailureStreak {
  count: number;
  firstPage: number | undefined;
}

/**
 * Step 2, sweep: reads Linnworks' catalogue with stock levels page by page
 * (`GetStockItemsFull`) and writes each page (step 3). It stops before the time budget runs
 * out, when the lease is lost, or when Linnworks fails three pages in a row; `progress` then
 * says where the next run goes on.
 */
export async function sweepStock(run: StockRun, progress: SweepProgress): Promise<void> {
  const marginMs = Math.min(60_000, Math.floor(run.deps.timeBudgetMs * 0.1));
  const streak: FailureStreak = { count: 0, firstPage: undefined };
  for (;;) {
    if (run.now() - run.started >= run.deps.timeBudgetMs - marginMs) {
      progress.stopReason = 'time-budget';

      return;
    }
    if (!(await run.lease.keep())) {
      progress.stopReason = 'lease-lost';

      return;
    }
    await hotLaneDue(run, progress);
    const items = await readPage(run, progress, streak);
    if (items === 'stop') return;
    if (items !== undefined) {
      await run.plan.ctx.snapshot.enterPage(progress.page, run.pageSize);
      await writePage(run, progress, items);
      if (items.length < run.pageSize) return;
    }
    progress.page++;
  }
}

/** Default time between two passes of the hot lane within one run. */
export const HOT_INTERVAL_MS = 4 * 60_000;

/** Runs the hot lane again once `hotIntervalMs` passed since its last pass in this run. */
async function hotLaneDue(run: StockRun, progress: SweepProgress): Promise<void> {
  const now = run.now();
  if (now - (progress.hotAt ?? run.started) < (run.deps.hotIntervalMs ?? HOT_INTERVAL_MS)) return;
  progress.hot = mergeHotReports(progress.hot, await refreshHotSkus(run, now));
  progress.hotAt = now;
}

/**
 * One page, or undefined when it failed (counted and recorded for the next sweep). After three
 * failures in a row Linnworks looks down: the sweep stops and the next run starts again at the
 * first of them.
 */
async function readPage(
  run: StockRun,
  progress: SweepProgress,
  streak: FailureStreak,
): Promise<StockItemInput[] | undefined | 'stop'> {
  try {
    const items = await run.deps.linnworks.getStockItemsFull({
      pageNumber: progress.page,
      entriesPerPage: run.pageSize,
      dataRequirements: ['StockLevels'],
      searchTypes: ['SKU'],
    });
    streak.count = 0;
    streak.firstPage = undefined;
    run.plan.counts.pagesRead++;

    return items;
  } catch (error) {
    run.plan.counts.failedPages++;
    progress.sweepFailures++;
    streak.count++;
    streak.firstPage ??= progress.page;
    if (!run.dryRun) {
      await recordPageFailure(run.failures, {
        page: progress.page,
        skus: [],
        error,
        source: 'linnworks',
      });
    }
    run.deps.logger.warn(
      { err: describeError(error), page: progress.page },
      'stock-sync could not read a page',
    );
    if (streak.count < MAX_CONSECUTIVE_PAGE_FAILURES) return undefined;
    progress.page = streak.firstPage;
    progress.stopReason = isRetryable(error) ? 'linnworks-unavailable' : 'linnworks-failing';

    return 'stop';
  }
}

/** Step 3, write: brings commercetools in line with one page; failed pairs are recorded. */
async function writePage(
  run: StockRun,
  progress: SweepProgress,
  items: StockItemInput[],
): Promise<void> {
  const outcome = await syncStockItems(items, run.plan.ctx, run.plan.counts);
  outcome.unmappedLocationIds.forEach((id) => progress.unmappedLocationIds.add(id));
  for (const sku of outcome.unknownSkus) {
    if (progress.unknownSkus.length < UNKNOWN_SKUS_LISTED) progress.unknownSkus.push(sku);
  }
  if (!outcome.error) return;
  progress.sweepFailures++;
  if (run.dryRun) return;
  await recordPageFailure(run.failures, {
    page: progress.page,
    skus: outcome.failedSkus,
    error: outcome.error,
    source: 'commercetools',
  });
}
