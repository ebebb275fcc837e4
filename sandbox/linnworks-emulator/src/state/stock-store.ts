import { newGuid, ZERO_GUID } from '../lw-format';
import type { StockItemRecord, StockLevelRecord, StockLocationRecord } from './records';

/**
 * Locations, items and per-location levels. Items keep insertion order in an array so a
 * GetStockItemsFull page is a slice (work proportional to the page, not the catalogue).
 */
export class StockStore {
  readonly locations = new Map<string, StockLocationRecord>();
  readonly items = new Map<string, StockItemRecord>();
  readonly itemList: StockItemRecord[] = [];
  private readonly skuIndex = new Map<string, string>();
  private readonly barcodeIndex = new Map<string, string>();
  private readonly levels = new Map<string, Map<string, StockLevelRecord>>();
  /** Composite or variation parents in the catalogue (searches must filter when there are any). */
  parentCount = 0;
  private nextLocationIntId = 1;
  private nextItemIntId = 1;

  constructor(private readonly now: () => Date) {
    this.clear();
  }

  clear(): void {
    this.locations.clear();
    this.items.clear();
    this.itemList.length = 0;
    this.skuIndex.clear();
    this.barcodeIndex.clear();
    this.levels.clear();
    this.nextLocationIntId = 1;
    this.nextItemIntId = 1;
    this.parentCount = 0;
    this.addLocation({ id: ZERO_GUID, name: 'Default', tag: '' });
  }

  addLocation(input: {
    id?: string;
    name: string;
    tag?: string;
    isFulfillmentCenter?: boolean;
  }): StockLocationRecord {
    const record: StockLocationRecord = {
      id: (input.id ?? newGuid()).toLowerCase(),
      intId: this.nextLocationIntId++,
      name: input.name,
      tag: input.tag ?? '',
      isFulfillmentCenter: input.isFulfillmentCenter ?? false,
      isNotTrackable: false,
    };
    this.locations.set(record.id, record);

    return record;
  }

  locationByName(name: string): StockLocationRecord | undefined {
    const wanted = name.trim().toLowerCase();
    for (const location of this.locations.values()) {
      if (location.name.toLowerCase() === wanted) return location;
    }

    return undefined;
  }

  locationByIdOrName(idOrName: string): StockLocationRecord | undefined {
    return this.locations.get(idOrName.toLowerCase()) ?? this.locationByName(idOrName);
  }

  addItem(input: Partial<Omit<StockItemRecord, 'intId'>> & { sku: string }): StockItemRecord {
    const key = input.sku.toLowerCase();
    if (this.skuIndex.has(key)) throw new Error(`SKU ${input.sku} already exists`);
    const record: StockItemRecord = {
      id: (input.id ?? newGuid()).toLowerCase(),
      intId: this.nextItemIntId++,
      sku: input.sku,
      title: input.title ?? input.sku,
      barcode: input.barcode ?? '',
      retailPrice: input.retailPrice ?? 0,
      purchasePrice: input.purchasePrice ?? 0,
      taxRate: input.taxRate ?? 0,
      weight: input.weight ?? 0,
      isVariationParent: input.isVariationParent ?? false,
      isCompositeParent: input.isCompositeParent ?? false,
      createdAt: input.createdAt ?? this.now(),
    };
    this.items.set(record.id, record);
    this.itemList.push(record);
    this.skuIndex.set(key, record.id);
    if (record.barcode) this.barcodeIndex.set(record.barcode, record.id);
    if (record.isCompositeParent || record.isVariationParent) this.parentCount++;

    return record;
  }

  itemBySku(sku: string): StockItemRecord | undefined {
    const id = this.skuIndex.get(sku.toLowerCase());

    return id ? this.items.get(id) : undefined;
  }

  itemByBarcode(barcode: string): StockItemRecord | undefined {
    const id = this.barcodeIndex.get(barcode);

    return id ? this.items.get(id) : undefined;
  }

  /** The level row of an item at a location, created (all zero) on first use. */
  level(itemId: string, locationId: string): StockLevelRecord {
    let perLocation = this.levels.get(itemId);
    if (!perLocation) {
      perLocation = new Map();
      this.levels.set(itemId, perLocation);
    }
    let level = perLocation.get(locationId);
    if (!level) {
      level = {
        stockLevel: 0,
        inOrders: 0,
        due: 0,
        minimumLevel: 0,
        lastUpdateDate: this.now(),
        lastUpdateOperation: '',
      };
      perLocation.set(locationId, level);
    }

    return level;
  }

  /** Sets or shifts the on-hand level; stamps LastUpdateDate (a stock-level adjustment). */
  adjustStockLevel(
    itemId: string,
    locationId: string,
    change: { set?: number; delta?: number },
    operation: string,
  ): StockLevelRecord {
    const level = this.level(itemId, locationId);
    if (change.set !== undefined) level.stockLevel = change.set;
    if (change.delta !== undefined) level.stockLevel += change.delta;
    level.lastUpdateDate = this.now();
    level.lastUpdateOperation = operation;

    return level;
  }

  /**
   * Shifts the quantity held by open orders. LastUpdateDate is *not* touched: whether
   * allocations move it is open [?] (reference §11.6); the stricter choice makes clients diff
   * on values, not on the date.
   */
  adjustInOrders(itemId: string, locationId: string, delta: number): void {
    this.level(itemId, locationId).inOrders += delta;
  }
}
