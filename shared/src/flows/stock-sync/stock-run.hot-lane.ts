import { describeError } from '../../errors/errors';
import type { LinnworksOpenOrder } from '../../linnworks/linnworks-types';
import type { StockItemInput } from './stock-items.sync';
import { syncStockItems } from './stock-items.sync';
import type { StockRun } from './stock-run';
import { StockSyncStateRepo } from './stock-sync-state.repo';

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
/** Open orders a GetOpenOrders page holds (Linnworks' maximum). */
const OPEN_ORDERS_PAGE = 500;
/** Each run re-reads this much before the cursor: orders indexed late are not missed. */
const OVERLAP_MS = 2 * 60_000;
/** How far back the very first run looks. */
const FIRST_LOOKBACK_MS = 30 * 60_000;

/** What the hot lane did in one run (the report's `hot`). */
export interface HotLaneReport {
  /** Received-date window read: from (cursor less the overlap) to the run's start. */
  from: string;
  to: string;
  /** Open orders read, over every mapped location (GetOpenOrders pages). */
  openOrders: number;
  openOrderPages: number;
  /** The connector's own commercetools orders created in the window. */
  ownOrders: number;
  /** Distinct SKUs refreshed (GetStockLevel_Batch) and the pairs among them that changed. */
  skus: number;
  changed: number;
  /** Why the lane did not finish (the cursor stays; the sweep still runs). */
  error?: { code: string; message: string };
}

/** Stock item ids (lower case) with their SKU, from the items of open orders. */
type HotItems = Map<string, string>;

function addItems(hot: HotItems, orders: readonly LinnworksOpenOrder[]): void {
  for (const order of orders) {
    for (const item of order.Items) {
      // An unlinked line (no inventory item: zero GUID) moves no stock.
      if (item.IsUnlinked || !item.SKU || !item.StockItemId || item.StockItemId === ZERO_GUID)
        continue;
      hot.set(item.StockItemId.toLowerCase(), item.SKU);
    }
  }
}

/**
 * Every open order of one location received in [from, to], every channel, by received date:
 * pages are not a snapshot (an order processed meanwhile shifts the next page), so a full page
 * is followed by a new window from its last row's `ReceivedDate`, deduplicated on `OrderId`.
 */
async function readLocation(
  run: StockRun,
  location: string,
  window: { from: Date; to: Date },
  hot: HotItems,
  report: HotLaneReport,
): Promise<void> {
  const seen = new Set<string>();
  let from: Date | string = window.from;
  for (;;) {
    const page = await run.deps.linnworks.getOpenOrders({
      fulfilmentCenter: location,
      receivedFrom: from,
      receivedTo: window.to,
      pageNumber: 1,
      entriesPerPage: OPEN_ORDERS_PAGE,
    });
    report.openOrderPages++;
    const fresh = page.Data.filter((o) => !seen.has(o.OrderId));
    fresh.forEach((o) => seen.add(o.OrderId));
    report.openOrders += fresh.length;
    addItems(hot, fresh);
    const last = page.Data.at(-1)?.GeneralInfo.ReceivedDate;
    if (page.Data.length < OPEN_ORDERS_PAGE || fresh.length === 0 || !last) return;
    from = last;
  }
}

/** The connector's own orders created in the window: their SKUs, as stock item ids. */
async function addOwnOrders(
  run: StockRun,
  from: Date,
  hot: HotItems,
  report: HotLaneReport,
): Promise<void> {
  const own = await run.deps.ct.skusOfOrdersSince(from.toISOString());
  report.ownOrders = own.orders;
  const known = new Set(hot.values());
  const missing = own.skus.filter((sku) => !known.has(sku));
  if (missing.length === 0) return;
  for (const id of await run.deps.linnworks.getStockItemIdsBySku({ skus: missing })) {
    hot.set(id.StockItemId.toLowerCase(), id.SKU);
  }
}

/** The levels of the hot items, written as any sweep page is (only changed pairs). */
async function refresh(run: StockRun, hot: HotItems, report: HotLaneReport): Promise<void> {
  report.skus = hot.size;
  if (hot.size === 0) return;
  const levels = await run.deps.linnworks.getStockLevelBatch({ stockItemIds: [...hot.keys()] });
  const items: StockItemInput[] = levels.flatMap((entry) => {
    const sku = hot.get(entry.pkStockItemId.toLowerCase());

    return sku ? [{ ItemNumber: sku, BarcodeNumber: '', StockLevels: entry.StockItemLevels }] : [];
  });
  const before = run.plan.counts.changed;
  // Outside the sweep: items come from the overlay (or a segment in hand), else commercetools.
  run.plan.ctx.snapshot.leaveSweep();
  await syncStockItems(items, run.plan.ctx, run.plan.counts);
  report.changed = run.plan.counts.changed - before;
}

/**
 * The hot lane, first in every run: the SKUs that moved since the previous run, read with
 * GetStockLevel_Batch and written before the sweep goes on. They are the SKUs on every channel's
 * orders received since the cursor (GetOpenOrders per mapped location) and on the connector's own
 * new orders. So a SKU that sold anywhere is fresh in commercetools one run later, however large
 * the catalogue. The cursor moves to `until` only when the lane finished. A long sweep runs the
 * lane again every `hotIntervalMs` (sweepStock), so the window stays one cron interval.
 */
export async function refreshHotSkus(run: StockRun, until: number): Promise<HotLaneReport> {
  const state = new StockSyncStateRepo(run.deps.store);
  const cursor = run.dryRun ? undefined : await state.hotCursor();
  const to = new Date(until);
  const from = new Date(cursor ? Date.parse(cursor) - OVERLAP_MS : run.started - FIRST_LOOKBACK_MS);
  const report: HotLaneReport = {
    from: from.toISOString(),
    to: to.toISOString(),
    openOrders: 0,
    openOrderPages: 0,
    ownOrders: 0,
    skus: 0,
    changed: 0,
  };
  const hot: HotItems = new Map();
  try {
    for (const location of run.plan.ctx.mapping.locations.keys()) {
      await readLocation(run, location, { from, to }, hot, report);
    }
    await addOwnOrders(run, from, hot, report);
    await refresh(run, hot, report);
    if (!run.dryRun) await state.saveHotCursor(to.toISOString());
  } catch (error) {
    const { code, message } = describeError(error);
    report.error = { code, message };
    run.deps.logger.warn(
      { err: { code, message } },
      'stock-sync hot lane stopped; the sweep goes on',
    );
  }

  return report;
}

/** Two passes of the lane in one run, as one report. */
export function mergeHotReports(a: HotLaneReport | undefined, b: HotLaneReport): HotLaneReport {
  if (!a) return b;
  const { error: _earlier, ...first } = a;

  return {
    ...first,
    to: b.to,
    openOrders: a.openOrders + b.openOrders,
    openOrderPages: a.openOrderPages + b.openOrderPages,
    ownOrders: a.ownOrders + b.ownOrders,
    skus: a.skus + b.skus,
    changed: a.changed + b.changed,
    ...(b.error ? { error: b.error } : {}),
  };
}
