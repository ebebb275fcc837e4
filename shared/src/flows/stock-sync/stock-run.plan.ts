import { ValidationError } from '../../errors/errors';
import type { StockSyncContext } from './stock-items.sync';
import { mappedChannelKeys, resolveStockMapping } from './stock-location.resolver';
import { emptyCounts, type StockItemCounts } from './stock-run-report';
import { SEGMENT_ITEMS } from './stock-snapshot.repo';
import { StockSnapshot } from './stock-snapshot';
import type { StockSyncDeps } from './stock-sync.deps';

/** What every run and every replay starts from: the mapping resolved, channels checked. */
export interface StockRunPlan {
  ctx: StockSyncContext;
  counts: StockItemCounts;
  /** Linnworks location names by (lower-case) id, for the report. */
  locationNames: Map<string, string>;
}

/**
 * Step 1, plan: resolves the mapping against Linnworks' locations and commercetools' channels
 * and loads the snapshot (or starts from none). Throws a ValidationError listing every problem
 * (unknown location, missing supply channel).
 */
export async function planStockRun(
  deps: StockSyncDeps,
  options: { dryRun: boolean; snapshot: 'load' | 'empty' },
): Promise<StockRunPlan> {
  const locations = await deps.linnworks.getStockLocations();
  const { mapping, problems } = resolveStockMapping(deps.mapping, locations);
  const keys = mappedChannelKeys(mapping);
  const channelIds = await deps.ct.channelIdsByKey(keys);
  for (const key of keys) {
    if (!channelIds.has(key)) {
      problems.push(
        `STOCK_LOCATION_MAPPING: supply channel "${key}" does not exist in commercetools; create it (role InventorySupply) or fix the mapping`,
      );
    }
  }
  if (problems.length > 0) {
    throw new ValidationError('STOCK_MAPPING_INVALID', problems.join('; '), {
      field: 'STOCK_LOCATION_MAPPING',
    });
  }
  const now = deps.now ?? (() => Date.now());
  const snapshot =
    options.snapshot === 'load'
      ? await StockSnapshot.open({
          store: deps.store,
          segmentItems: deps.snapshotSegmentItems ?? SEGMENT_ITEMS,
          readOnly: options.dryRun,
          now: () => new Date(now()),
        })
      : StockSnapshot.empty();
  const ctx: StockSyncContext = {
    mapping,
    channelIds,
    matching: deps.skuMatching,
    ct: deps.ct,
    snapshot,
    dryRun: options.dryRun,
    inventoryEmpty: snapshot.fresh && !(await deps.ct.hasInventory()),
    writeConcurrency: deps.writeConcurrency ?? 8,
    logger: deps.logger,
  };
  const locationNames = new Map(
    locations.map((l) => [l.StockLocationId.toLowerCase(), l.LocationName] as const),
  );

  return { ctx, counts: emptyCounts(), locationNames };
}
