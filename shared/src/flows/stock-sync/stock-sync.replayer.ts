import { describeError, isRetryable } from '../../errors/errors';
import type { FailureRecord } from '../../state/failure-queue';
import type { FlowReplayer, ReplayResult } from '../../state/replay';
import type { StockItemInput } from './stock-items.sync';
import { syncStockItems } from './stock-items.sync';
import {
  STOCK_PAGE_REF,
  STOCK_SKUS_REF,
  STOCK_SYNC_FLOW,
  skusOfFailure,
} from './stock-sync-failures';
import { planStockRun } from './stock-run.plan';
import { STOCK_PAGE_SIZE, type StockSyncDeps } from './stock-sync.deps';

/** Replays stock-sync's failures: sync-admin runs it in-process. */
export type StockSyncReplayer = FlowReplayer;

async function itemsOf(
  failure: FailureRecord,
  linnworks: StockSyncDeps['linnworks'],
  pageSize: number,
): Promise<StockItemInput[] | undefined> {
  if (failure.ref.type === STOCK_PAGE_REF) {
    return linnworks.getStockItemsFull({
      pageNumber: Number(failure.ref.page),
      entriesPerPage: pageSize,
      dataRequirements: ['StockLevels'],
      searchTypes: ['SKU'],
    });
  }
  if (failure.ref.type !== STOCK_SKUS_REF) return undefined;
  const skus = skusOfFailure(failure.ref);
  if (skus.length === 0) return [];
  const ids = await linnworks.getStockItemIdsBySku({ skus });
  const skuById = new Map(ids.map((i) => [i.StockItemId.toLowerCase(), i.SKU] as const));
  const levels = await linnworks.getStockLevelBatch({
    stockItemIds: ids.map((i) => i.StockItemId),
  });

  return levels.flatMap((entry) => {
    const sku = skuById.get(entry.pkStockItemId.toLowerCase());

    return sku ? [{ ItemNumber: sku, BarcodeNumber: '', StockLevels: entry.StockItemLevels }] : [];
  });
}

/**
 * Replays a stock-sync failure with the flow's own code: the failed page is read again (or
 * the failed SKUs' levels, through GetStockItemIdsBySKU + GetStockLevel_Batch), and every
 * pair is compared against commercetools itself (no snapshot) and written only where it
 * differs, so a replay is idempotent. With `dryRun` nothing is written. The snapshot is left
 * alone: the next run sees commercetools already right and only updates its record.
 */
export function createStockSyncReplayer(deps: StockSyncDeps): StockSyncReplayer {
  return async (failure, options): Promise<ReplayResult> => {
    if (failure.flow !== STOCK_SYNC_FLOW) {
      return { outcome: 'skipped', message: `not a ${STOCK_SYNC_FLOW} failure` };
    }
    try {
      const plan = await planStockRun(deps, { dryRun: options.dryRun, snapshot: 'empty' });
      const items = await itemsOf(failure, deps.linnworks, deps.pageSize ?? STOCK_PAGE_SIZE);
      if (items === undefined) {
        return {
          outcome: 'skipped',
          message: `unknown stock-sync failure type ${failure.ref.type}`,
        };
      }
      const outcome = await syncStockItems(items, plan.ctx, plan.counts);
      const c = plan.counts;
      if (outcome.error) {
        return {
          outcome: 'still-failing',
          reasonCode: outcome.error.reasonCode,
          message: `${c.failed} of the pairs still fail: ${outcome.error.message}`,
        };
      }
      const verb = options.dryRun ? 'would write' : 'wrote';

      return {
        outcome: 'resolved',
        message: `${c.itemsRead} items: ${verb} ${c.changed} pairs, ${c.alreadyInSync} already in sync, ${c.skippedUnknownSku} unknown SKUs`,
      };
    } catch (error) {
      const described = describeError(error);

      return {
        outcome: 'still-failing',
        reasonCode: described.code,
        message: `${described.message}${isRetryable(error) ? ' (retryable)' : ''}`,
      };
    }
  };
}
