import type { ResolvedLocation, ResolvedStockMapping } from './desired-quantity.mapper';
import type { StockLocationMapping } from './stock-mapping.schema';

export interface LinnworksLocationRef {
  StockLocationId: string;
  LocationName: string;
}

/**
 * Resolves mapping entries (Linnworks location id or name) against Linnworks' location list.
 * Problems name the entry; an entry that names no Linnworks location is a problem, because
 * its stock would silently never sync.
 */
export function resolveStockMapping(
  mapping: StockLocationMapping,
  linnworksLocations: readonly LinnworksLocationRef[],
): { mapping: ResolvedStockMapping; problems: string[] } {
  const problems: string[] = [];
  const locations = new Map<string, ResolvedLocation>();
  const disabledLocationIds = new Set<string>();
  mapping.locations.forEach((entry, index) => {
    const wanted = entry.location.trim().toLowerCase();
    const found =
      linnworksLocations.find((l) => l.StockLocationId.toLowerCase() === wanted) ??
      linnworksLocations.find((l) => l.LocationName.trim().toLowerCase() === wanted);
    if (!found) {
      problems.push(
        `STOCK_LOCATION_MAPPING: locations.${index}.location "${entry.location}" is neither the id nor the name of a Linnworks location`,
      );

      return;
    }
    const id = found.StockLocationId.toLowerCase();
    if (!entry.enabled) {
      disabledLocationIds.add(id);

      return;
    }
    locations.set(id, {
      locationId: id,
      locationName: found.LocationName,
      channelKey: entry.channel,
      quantity: entry.quantity,
      safetyBuffer: entry.safetyBuffer,
    });
  });
  const aggregate =
    mapping.aggregate?.enabled === true
      ? { safetyBuffer: mapping.aggregate.safetyBuffer }
      : undefined;

  return { mapping: { locations, disabledLocationIds, aggregate }, problems };
}

/** Supply channel keys the resolved mapping writes to. */
export function mappedChannelKeys(mapping: ResolvedStockMapping): string[] {
  return [...mapping.locations.values()].flatMap((l) => (l.channelKey ? [l.channelKey] : []));
}
