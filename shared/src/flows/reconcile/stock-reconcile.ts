import type { CtApi } from '../../commercetools/client';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import { AGGREGATE_SLOT, type DesiredSlots } from '../stock-sync/stock-sync.flow';

import { compareStock, type StockDiscrepancy, type StockPair } from './stock-discrepancies';

export interface StockReconcileResult {
  checkedSkus: number;
  nextOffset?: number;
  /** The inventory entry id to pass as `cursor` for the next page (cursor paging). */
  nextCursor?: string;
  discrepancies: StockDiscrepancy[];
}

type CtInventory = Awaited<
  ReturnType<ReturnType<ReturnType<CtApi['inventory']>['get']>['execute']>
>['body']['results'][number];

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export async function skuPage(ct: CtApi, limit: number, offset: number, cursor?: string) {
  const queryArgs =
    cursor === undefined
      ? { sort: ['sku asc', 'id asc'], offset, withTotal: true }
      : { sort: ['id asc'], withTotal: false, ...(cursor ? { where: `id > "${cursor}"` } : {}) };
  const page = (
    await ct
      .inventory()
      .get({ queryArgs: { ...queryArgs, limit } })
      .execute()
  ).body;
  const skus = [...new Set(page.results.map((e) => e.sku))];
  if (cursor !== undefined) {
    const last = page.results.at(-1)?.id;

    return { skus, nextCursor: page.count === limit ? last : undefined };
  }
  const next = offset + page.count;
  const total = page.total ?? next;

  return { skus, nextOffset: next < total && page.count > 0 ? next : undefined };
}

function slotOf(entry: CtInventory): string | undefined {
  if (!entry.supplyChannel) return AGGREGATE_SLOT;

  return entry.supplyChannel.obj?.key;
}

/**
 * Stock for the given SKUs (or one page of the SKUs commercetools holds inventory for):
 * commercetools `quantityOnStock` per slot against what stock-sync would write from Linnworks'
 * levels. Calls: 1-2 commercetools queries, 1 Linnworks id lookup, 1 level batch per 100 items.
 */
export async function reconcileStock(
  deps: { ct: CtApi; linnworks: LinnworksApi; desiredSlots: DesiredSlots; tolerance: number },
  request: { skus?: string[]; limit: number; offset: number; cursor?: string },
): Promise<StockReconcileResult> {
  const page: { skus: string[]; nextOffset?: number | undefined; nextCursor?: string | undefined } =
    request.skus
      ? { skus: [...new Set(request.skus)] }
      : await skuPage(deps.ct, request.limit, request.offset, request.cursor);
  const next = {
    ...(page.nextOffset !== undefined ? { nextOffset: page.nextOffset } : {}),
    ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
  };
  if (page.skus.length === 0) return { checkedSkus: 0, ...next, discrepancies: [] };
  const entries = (
    await deps.ct
      .inventory()
      .get({
        queryArgs: {
          where: `sku in (${page.skus.map(quote).join(', ')})`,
          expand: ['supplyChannel'],
          limit: 500,
        },
      })
      .execute()
  ).body.results;
  const ids = await deps.linnworks.getStockItemIdsBySku({ skus: page.skus });
  const levels = ids.length
    ? await deps.linnworks.getStockLevelBatch({ stockItemIds: ids.map((i) => i.StockItemId) })
    : [];
  const levelsById = new Map(levels.map((l) => [l.pkStockItemId.toLowerCase(), l.StockItemLevels]));
  const pairs = new Map<string, StockPair>();
  const pairFor = (sku: string, channelKey: string): StockPair => {
    const key = `${sku}\u0000${channelKey}`;
    const existing = pairs.get(key) ?? { sku, channelKey };
    pairs.set(key, existing);

    return existing;
  };
  for (const item of ids) {
    const itemLevels = levelsById.get(item.StockItemId.toLowerCase()) ?? [];
    for (const [slot, quantity] of deps.desiredSlots(itemLevels))
      pairFor(item.SKU, slot).expectedQuantity = quantity;
  }
  // Only slots the mapping writes: an empty level list yields every mapped slot.
  const mappedSlots = new Set(deps.desiredSlots([]).map(([slot]) => slot));
  for (const entry of entries) {
    const slot = slotOf(entry);
    if (slot !== undefined && mappedSlots.has(slot))
      pairFor(entry.sku, slot).ctQuantity = entry.quantityOnStock;
  }

  return {
    checkedSkus: page.skus.length,
    ...next,
    discrepancies: compareStock([...pairs.values()], deps.tolerance),
  };
}
