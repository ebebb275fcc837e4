import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import { nearestName } from '../nearest-name';
import { listOf, refsOf, type SettingRefCheck } from './setting-ref-check';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The Linnworks stock locations the settings name exist (one GetStockLocations call). Orders are
 * created at a location given by name (reference §3); stock mapping entries take an id or name.
 */
export const checkLocations: SettingRefCheck<Pick<LinnworksApi, 'getStockLocations'>> = async (
  linnworks,
  refs,
) => {
  const wanted = refsOf(refs, 'lw-location');
  if (wanted.length === 0) return [];
  const locations = await linnworks.getStockLocations();
  const names = locations.map((l) => l.LocationName);

  return wanted.flatMap((ref) => {
    if (locations.some((l) => same(l.LocationName, ref.value))) return [];
    const byId = locations.find((l) => same(l.StockLocationId, ref.value));
    if (byId && ref.match === 'id-or-name') return [];
    if (byId) {
      return [
        `${ref.where}: \`${ref.value}\` is the id of Linnworks location \`${byId.LocationName}\`; this setting takes its name`,
      ];
    }
    const nearest = nearestName(ref.value, names);
    const hint = nearest ? `did you mean \`${nearest}\`?` : `known: ${listOf(names)}`;

    return [`${ref.where}: no Linnworks stock location named \`${ref.value}\`; ${hint}`];
  });
};
