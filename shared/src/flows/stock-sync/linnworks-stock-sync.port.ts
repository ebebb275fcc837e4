import type { LinnworksApi } from '../../linnworks/linnworks-api.port';

/**
 * What stock-sync needs from Linnworks: the slice of the kernel's `LinnworksApi` it calls, and
 * the client's call counter, which the run report reads. The adapter is the kernel's one
 * Linnworks client, `LinnworksClient`.
 */
export type LinnworksStockSyncPort = Pick<
  LinnworksApi,
  | 'callCount'
  | 'getOpenOrders'
  | 'getStockLocations'
  | 'getStockItemsFull'
  | 'getStockItemIdsBySku'
  | 'getStockLevelBatch'
>;
