import type { LinnworksOrderSyncPort } from './linnworks-order-sync.port';

/**
 * SKUs Linnworks is known to have, remembered for a while in-process. An order whose SKUs are
 * all known costs no lookup; a new SKU costs one Inventory/GetStockItemIdsBySKU call for all
 * unknown SKUs of the order. Unknown SKUs are not cached, so a SKU added later is found.
 * Orders checked at the same time (a burst, sync-admin's concurrent replays) share the lookup
 * already in flight for a SKU instead of each spending a call (sync-admin's share of the
 * endpoint is a few calls a minute): its answer is as fresh as their own would be.
 */
export class KnownSkuCache {
  private readonly known = new Map<string, number>();
  /** SKU → the lookup in flight for it (answers the lower-cased SKUs Linnworks has). */
  private readonly inFlight = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The SKUs of `skus` Linnworks does not have. */
  async unknown(linnworks: LinnworksOrderSyncPort, skus: string[]): Promise<string[]> {
    const at = this.now();
    const toCheck = skus.filter((sku) => (this.known.get(sku) ?? 0) <= at);
    if (toCheck.length === 0) return [];
    const fresh = [...new Set(toCheck.filter((sku) => !this.inFlight.has(sku)))];
    if (fresh.length > 0) this.lookUp(linnworks, fresh, at);
    const answers = await Promise.all(
      [...new Set(toCheck.map((sku) => this.inFlight.get(sku)))].filter((a) => a !== undefined),
    );
    const present = new Set(answers.flatMap((a) => [...a]));

    return toCheck.filter((sku) => !present.has(sku.toLowerCase()));
  }

  private lookUp(linnworks: LinnworksOrderSyncPort, skus: string[], at: number): void {
    const ended = () => {
      for (const sku of skus) if (this.inFlight.get(sku) === lookup) this.inFlight.delete(sku);
    };
    const lookup = linnworks.getStockItemIdsBySku({ skus }).then(
      (found) => {
        ended();
        const present = new Set(found.map((f) => f.SKU.toLowerCase()));
        if (this.known.size + present.size > this.maxEntries) this.known.clear();
        for (const sku of skus) {
          if (present.has(sku.toLowerCase())) this.known.set(sku, at + this.ttlMs);
        }

        return present;
      },
      (error: unknown) => {
        ended();
        throw error;
      },
    );
    for (const sku of skus) this.inFlight.set(sku, lookup);
  }
}
