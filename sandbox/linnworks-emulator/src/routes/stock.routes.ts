import { badRequest } from '../http/lw-error';
import { parseEnum } from '../rules/channel-order.parser';
import { pageSlice } from '../rules/paging.rule';
import { requestOf } from '../rules/wrapping.rule';
import type { StockItemRecord } from '../state/records';
import {
  postalServiceView,
  stockItemFullView,
  stockLevelsView,
  stockLocationView,
} from '../views/stock.view';
import type { CallContext, HandlerTable } from './handler';

const DATA_REQUIREMENTS = [
  'StockLevels',
  'Pricing',
  'Supplier',
  'ShippingInformation',
  'ChannelTitle',
  'ChannelDescription',
  'ChannelPrice',
  'ExtendedProperties',
  'Images',
] as const;
const SEARCH_TYPES = ['SKU', 'Title', 'Barcode'] as const;
const MAX_ENTRIES_PER_PAGE = 200;

/**
 * The catalogue a GetStockItemsFull call sees. Parents are only included when asked for
 * (reference §4.3). Without a keyword and without parents to drop it is the list itself, so a
 * page costs a slice, not a scan.
 */
function visibleItems(
  ctx: CallContext,
  keyword: string,
  searchTypes: string[],
  loadComposite: boolean,
  loadVariation: boolean,
): readonly StockItemRecord[] {
  const stock = ctx.store.stock;
  if (!keyword && (stock.parentCount === 0 || (loadComposite && loadVariation)))
    return stock.itemList;
  const k = keyword.toLowerCase();
  const types = searchTypes.length > 0 ? searchTypes : ['SKU', 'Title', 'Barcode'];

  return stock.itemList.filter((item) => {
    if (item.isCompositeParent && !loadComposite) return false;
    if (item.isVariationParent && !loadVariation) return false;
    if (!k) return true;

    return (
      (types.includes('SKU') && item.sku.toLowerCase().includes(k)) ||
      (types.includes('Title') && item.title.toLowerCase().includes(k)) ||
      (types.includes('Barcode') && item.barcode.toLowerCase() === k)
    );
  });
}

/**
 * Stock/GetStockItemsFull (reference §4.3, §10.7): entriesPerPage 1..200; past the last page
 * 400 "No items found with given filter". Without a keyword the page is a slice of the catalogue.
 */
function getStockItemsFull(ctx: CallContext): unknown {
  const p = ctx.params;
  const perPage = p.number('entriesPerPage') ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_ENTRIES_PER_PAGE) {
    throw badRequest(`Number must be between 1 and ${MAX_ENTRIES_PER_PAGE}`);
  }
  const page = p.number('pageNumber') ?? 1;
  if (!Number.isInteger(page) || page < 1) throw badRequest();
  const requirements = (p.list('dataRequirements') ?? []).map((r) =>
    parseEnum(r, DATA_REQUIREMENTS, 'StockLevels'),
  );
  const searchTypes = (p.list('searchTypes') ?? []).map((t) => parseEnum(t, SEARCH_TYPES, 'SKU'));
  const items = visibleItems(
    ctx,
    p.string('keyword') ?? '',
    searchTypes,
    p.boolean('loadCompositeParents') ?? false,
    p.boolean('loadVariationParents') ?? false,
  );
  const rows = pageSlice(items, page, perPage);
  if (rows.length === 0) throw badRequest('No items found with given filter');
  const withLevels = requirements.includes('StockLevels');

  return rows.map((item) => stockItemFullView(ctx.store.stock, item, withLevels));
}

/** Ids or SKUs per call: at most `maxIdsPerCall` (undocumented [?], README). */
function limitCount(ctx: CallContext, count: number): void {
  if (count > ctx.options.maxIdsPerCall)
    throw badRequest(`The maximum items count for this call is ${ctx.options.maxIdsPerCall}`);
}

function idList(ctx: CallContext, values: unknown[] | undefined): string[] {
  const ids = (values ?? []).map((v) => String(v).toLowerCase());
  limitCount(ctx, ids.length);

  return ids;
}

export const stockRoutes: HandlerTable = {
  'Inventory/GetStockLocations': (ctx) =>
    [...ctx.store.stock.locations.values()].map(stockLocationView),

  'Inventory/GetStockItemIdsBySKU': (ctx) => {
    const request = requestOf(ctx);
    const skus = (request.list('SKUS') ?? []).map(String);
    limitCount(ctx, skus.length);

    return {
      Items: skus
        .map((sku) => ctx.store.stock.itemBySku(sku))
        .filter((item) => item !== undefined)
        .map((item) => ({ StockItemId: item.id, SKU: item.sku })),
    };
  },

  'Stock/GetStockItemsFull': getStockItemsFull,

  'Stock/GetStockLevel_Batch': (ctx) => {
    const request = requestOf(ctx);
    if (request.isEmpty()) throw badRequest('request is empty');

    return idList(ctx, request.list('StockItemIds'))
      .map((id) => ctx.store.stock.items.get(id))
      .filter((item) => item !== undefined)
      .map((item) => ({
        pkStockItemId: item.id,
        StockItemLevels: stockLevelsView(ctx.store.stock, item),
      }));
  },

  'Stock/GetStockLevel': (ctx) => {
    const item = ctx.store.stock.items.get((ctx.params.string('stockItemId') ?? '').toLowerCase());

    return item ? stockLevelsView(ctx.store.stock, item) : [];
  },

  'PostalServices/GetPostalServices': (ctx) =>
    [...ctx.store.postalServices.values()].map(postalServiceView),
};
