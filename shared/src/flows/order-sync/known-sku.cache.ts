import type { LinnworksOrderSyncPort } from './linnworks-order-sync.port';

/**
 * SKUs Linnworks is known to have, remembered for a while in-process. An order whose SKUs are
 * all known costs no lookup; a new SKU costs one Inventory/GetStockItemIdsBySKU call for all
 * unknown SKUs of the order. Unknown SKUs are not cached, so a SKU added later is found.
 */
export class KnownSkuCache {
  private readonly known = new Map<string, number>();

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
    const found = await linnworks.getStockItemIdsBySku({ skus: toCheck });
    const present = new Set(found.map((f) => f.SKU.toLowerCase()));
    if (this.known.size + present.size > this.maxEntries) this.known.clear();
    for (const sku of toCheck) {
      if (present.has(sku.toLowerCase())) this.known.set(sku, at + this.ttlMs);
    }

    return toCheck.filter((sku) => !present.has(sku.toLowerCase()));
  }
}
