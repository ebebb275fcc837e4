import { z } from 'zod';

import { PermanentUpstreamError } from '../errors/errors';
import {
  checkPageSize,
  inChunks,
  type LinnworksArgs as Args,
  type LinnworksCall,
  type LinnworksResult as Result,
} from './linnworks-call';
import {
  lwPostalServiceSchema,
  lwStockItemFullSchema,
  lwStockItemIdsBySkuSchema,
  lwStockLevelBatchEntrySchema,
  lwStockLocationSchema,
} from './linnworks-schemas';

export const MAX_STOCK_ITEMS_PER_PAGE = 200;
const NO_ITEMS_FOUND = /No items found with given filter/i;

/** Inventory, Stock and PostalServices calls of the client (reference §4, §5.3). */
export async function getStockLocations(call: LinnworksCall): Result<'getStockLocations'> {
  const schema = z.array(lwStockLocationSchema).nullable();

  return (await call('Inventory/GetStockLocations', {}, schema)) ?? [];
}

export function getStockItemIdsBySku(
  call: LinnworksCall,
  { skus }: Args<'getStockItemIdsBySku'>,
): Result<'getStockItemIdsBySku'> {
  const schema = lwStockItemIdsBySkuSchema.nullable();

  return inChunks(skus, async (batch) => {
    const res = await call('Inventory/GetStockItemIdsBySKU', { request: { SKUS: batch } }, schema);

    return res?.Items;
  });
}

export async function getStockItemsFull(
  call: LinnworksCall,
  args: Args<'getStockItemsFull'>,
): Result<'getStockItemsFull'> {
  checkPageSize('Stock/GetStockItemsFull', args.entriesPerPage, MAX_STOCK_ITEMS_PER_PAGE);
  const body = {
    keyword: args.keyword ?? '',
    loadCompositeParents: args.loadCompositeParents ?? false,
    loadVariationParents: args.loadVariationParents ?? false,
    entriesPerPage: args.entriesPerPage,
    pageNumber: args.pageNumber,
    dataRequirements: args.dataRequirements ?? ['StockLevels'],
    searchTypes: args.searchTypes ?? ['SKU'],
  };
  try {
    const schema = z.array(lwStockItemFullSchema).nullable();

    return (await call('Stock/GetStockItemsFull', body, schema)) ?? [];
  } catch (error) {
    // Past the last page Linnworks answers 400 "No items found with given filter" (reference §4.3).
    if (error instanceof PermanentUpstreamError && NO_ITEMS_FOUND.test(error.message)) return [];
    throw error;
  }
}

export function getStockLevelBatch(
  call: LinnworksCall,
  { stockItemIds }: Args<'getStockLevelBatch'>,
): Result<'getStockLevelBatch'> {
  const schema = z.array(lwStockLevelBatchEntrySchema).nullable();

  return inChunks(stockItemIds, (ids) =>
    call('Stock/GetStockLevel_Batch', { request: { StockItemIds: ids } }, schema),
  );
}

export async function getPostalServices(call: LinnworksCall): Result<'getPostalServices'> {
  const schema = z.array(lwPostalServiceSchema).nullable();

  return (await call('PostalServices/GetPostalServices', {}, schema)) ?? [];
}
