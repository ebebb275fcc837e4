import type { LinnworksStockItemLevel } from '../../linnworks/linnworks-types';
import { desiredQuantities } from './desired-quantity.mapper';
import type { LinnworksStockSyncPort } from './linnworks-stock-sync.port';
import { resolveStockMapping } from './stock-location.resolver';
import type { StockLocationMapping } from './stock-mapping.schema';

/**
 * What commercetools should hold for one Linnworks item, per slot (`[channelKey | '*', qty]`):
 * stock-sync's own pure mapping (desired quantities after location mapping and buffers).
 */
export type DesiredSlots = (levels: readonly LinnworksStockItemLevel[]) => Array<[string, number]>;

/**
 * What reconciliation needs to know of stock-sync: the quantities it would write. sync-admin's
 * reconciliation reads both systems and compares them against this.
 */
export interface StockSyncReconciler {
  /** The desired quantities of the configured mapping, resolved against Linnworks' locations. */
  desiredSlots(): Promise<DesiredSlots>;
}

export function stockSyncReconciler(
  linnworks: Pick<LinnworksStockSyncPort, 'getStockLocations'>,
  mappingSettings: StockLocationMapping,
): StockSyncReconciler {
  return {
    async desiredSlots() {
      const { mapping } = resolveStockMapping(mappingSettings, await linnworks.getStockLocations());

      return (levels) => desiredQuantities(levels, mapping).slots;
    },
  };
}
