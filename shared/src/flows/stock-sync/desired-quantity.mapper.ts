import type { StockQuantityRule } from './stock-mapping.schema';

/** Snapshot/plan slot of the aggregate inventory entry (no supply channel). */
export const AGGREGATE_SLOT = '*';

/** A mapped, enabled Linnworks location with its id resolved. */
export interface ResolvedLocation {
  locationId: string;
  locationName: string;
  /** Supply channel key; undefined when the location only feeds the aggregate. */
  channelKey: string | undefined;
  quantity: StockQuantityRule;
  safetyBuffer: number;
}

/** The location mapping after its names were resolved against Linnworks' location list. */
export interface ResolvedStockMapping {
  /** Enabled locations only, keyed by lower-case Linnworks location id. */
  locations: ReadonlyMap<string, ResolvedLocation>;
  /** Mapped but disabled locations: ignored without a warning. */
  disabledLocationIds: ReadonlySet<string>;
  aggregate: { safetyBuffer: number } | undefined;
}

/** The quantities of one Linnworks `StockItemLevel` row this flow reads. */
export interface LinnworksLevelQuantities {
  Location: { StockLocationId: string };
  StockLevel: number;
  InOrders: number;
  Available: number;
}

/**
 * The quantity one location contributes: `Available` (on hand minus open orders, may be
 * negative in Linnworks) or `StockLevel` (on hand), minus the safety buffer, never below 0.
 * A location without a level row has nothing to sell.
 */
export function locationQuantity(
  level: Pick<LinnworksLevelQuantities, 'StockLevel' | 'Available'> | undefined,
  rule: { quantity: StockQuantityRule; safetyBuffer: number },
): number {
  if (!level) return 0;
  const raw = rule.quantity === 'onHand' ? level.StockLevel : level.Available;

  return Math.max(0, Math.trunc(raw) - rule.safetyBuffer);
}

export interface DesiredQuantities {
  /** `[slot, quantity]` per supply channel key, plus `AGGREGATE_SLOT` when configured. */
  slots: Array<[string, number]>;
  /** Linnworks locations in the levels that the mapping neither maps nor disables. */
  unmappedLocationIds: string[];
}

/**
 * What commercetools should hold for one Linnworks item: one quantity per mapped channel and,
 * optionally, the aggregate (sum of every enabled location's quantity after its own buffer,
 * minus the aggregate buffer, never below 0). Pure: sync-admin's reconciliation uses it too.
 */
export function desiredQuantities(
  levels: readonly LinnworksLevelQuantities[],
  mapping: ResolvedStockMapping,
): DesiredQuantities {
  const byLocation = new Map<string, LinnworksLevelQuantities>();
  const unmappedLocationIds: string[] = [];
  for (const level of levels) {
    const id = level.Location.StockLocationId.toLowerCase();
    if (mapping.locations.has(id)) byLocation.set(id, level);
    else if (!mapping.disabledLocationIds.has(id)) unmappedLocationIds.push(id);
  }
  const slots: Array<[string, number]> = [];
  let sum = 0;
  for (const [id, location] of mapping.locations) {
    const quantity = locationQuantity(byLocation.get(id), location);
    sum += quantity;
    if (location.channelKey) slots.push([location.channelKey, quantity]);
  }
  if (mapping.aggregate) {
    slots.push([AGGREGATE_SLOT, Math.max(0, sum - mapping.aggregate.safetyBuffer)]);
  }

  return { slots, unmappedLocationIds };
}

/**
 * The desired commercetools quantity for one (SKU, slot): `slot` is a supply channel key or
 * `AGGREGATE_SLOT`. Undefined when the mapping writes nothing to that slot.
 */
export function desiredQuantityFor(
  levels: readonly LinnworksLevelQuantities[],
  mapping: ResolvedStockMapping,
  slot: string,
): number | undefined {
  return desiredQuantities(levels, mapping).slots.find(([s]) => s === slot)?.[1];
}

/** The Linnworks SKU in the form commercetools SKUs are expected in: the shared normaliser. */
export { normaliseSku } from './sku-matching.contract';
