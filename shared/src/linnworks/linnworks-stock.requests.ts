import { z } from 'zod';

import { PermanentUpstreamError, ValidationError } from '../errors/errors';
import {
  splitIntoChunks,
  type LinnworksArgs as Args,
  type LinnworksCall,
  type LinnworksResult as Result,
  MAX_IDS_PER_CALL,
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

export async function getStockItemIdsBySku(
  call: LinnworksCall,
  { skus }: Args<'getStockItemIdsBySku'>,
): Result<'getStockItemIdsBySku'> {
  const schema = lwStockItemIdsBySkuSchema.nullable();
  const results = [];
  for (const batch of splitIntoChunks([...new Set(skus)], MAX_IDS_PER_CALL)) {
    const res = await call('Inventory/GetStockItemIdsBySKU', { request: { SKUS: batch } }, schema);
    results.push(...(res?.Items ?? []));
  }

  return results;
}

export async function getStockItemsFull(
  call: LinnworksCall,
  args: Args<'getStockItemsFull'>,
): Result<'getStockItemsFull'> {
  if (args.entriesPerPage < 1 || args.entriesPerPage > MAX_STOCK_ITEMS_PER_PAGE) {
    throw new ValidationError(
      'LINNWORKS_PAGE_SIZE',
      `entriesPerPage must be 1..${MAX_STOCK_ITEMS_PER_PAGE}`,
    );
  }
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

export async function getStockLevelBatch(
  call: LinnworksCall,
  { stockItemIds }: Args<'getStockLevelBatch'>,
): Result<'getStockLevelBatch'> {
  const schema = z.array(lwStockLevelBatchEntrySchema).nullable();
  const results = [];
  for (const ids of splitIntoChunks([...new Set(stockItemIds)], MAX_IDS_PER_CALL)) {
    const body = { request: { StockItemIds: ids } };
    results.push(...((await call('Stock/GetStockLevel_Batch', body, schema)) ?? []));
  }

  return results;
}

export async function getPostalServices(call: LinnworksCall): Result<'getPostalServices'> {
  const schema = z.array(lwPostalServiceSchema).nullable();

  return (await call('PostalServices/GetPostalServices', {}, schema)) ?? [];
}
