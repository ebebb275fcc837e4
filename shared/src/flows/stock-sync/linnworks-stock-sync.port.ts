import type { LinnworksApi } from '../../linnworks/linnworks-api.port';

/**
 * What stock-sync needs from Linnworks: the slice of the kernel's `LinnworksApi` it calls. The
 * adapter is the kernel's one Linnworks client, `LinnworksClient`.
 */
export type LinnworksStockSyncPort = Pick<
  LinnworksApi,
  'getStockLocations' | 'getStockItemsFull' | 'getStockItemIdsBySku' | 'getStockLevelBatch'
>;
