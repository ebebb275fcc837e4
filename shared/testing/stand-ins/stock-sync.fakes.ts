import { randomUUID } from 'node:crypto';

import { RetryableUpstreamError, VersionConflictError } from '../../src/errors/errors';
import {
  type CtStockSyncPort,
  type InventoryEntryView,
  InventoryMissingError,
} from '../../src/flows/stock-sync/ct-stock-sync.port';
import type { LinnworksStockSyncPort } from '../../src/flows/stock-sync/linnworks-stock-sync.port';
import type {
  LinnworksOpenOrder,
  LinnworksPagedResult,
  LinnworksStockItemFull,
  LinnworksStockItemLevel,
  LinnworksStockLocation,
} from '../../src/linnworks/linnworks-types';

export const DEFAULT_LOCATION = '00000000-0000-0000-0000-000000000000';

interface FakeLevel {
  stockLevel: number;
  inOrders: number;
}

/** Linnworks' stock endpoints over a map, with call counts and injectable page failures. */
export class FakeLinnworksStock implements LinnworksStockSyncPort {
  readonly locations: LinnworksStockLocation[] = [];
  readonly items: Array<{ id: string; sku: string; barcode: string }> = [];
  readonly levels = new Map<string, FakeLevel>();
  readonly calls: Record<string, number> = {};
  /** Runs before each page is read (tests move their clock here). */
  beforePage: (() => void) | undefined;
  /** Pages that fail with a retryable error (after the client's retries). */
  readonly failingPages = new Set<number>();

  addLocation(name: string, id: string = randomUUID()): string {
    this.locations.push({
      StockLocationId: id,
      StockLocationIntId: this.locations.length + 1,
      LocationName: name,
      LocationTag: '',
      IsFulfillmentCenter: false,
      IsNotTrackable: false,
    } as LinnworksStockLocation);

    return id;
  }

  addItem(sku: string, perLocation: Record<string, number>, barcode = ''): void {
    const id = randomUUID();
    this.items.push({ id, sku, barcode });
    for (const [location, stockLevel] of Object.entries(perLocation)) {
      this.levels.set(`${id}|${location}`, { stockLevel, inOrders: 0 });
    }
  }

  setLevel(sku: string, location: string, change: Partial<FakeLevel>): void {
    const item = this.items.find((i) => i.sku === sku);
    if (!item) throw new Error(`no item ${sku}`);
    const key = `${item.id}|${location}`;
    this.levels.set(key, { stockLevel: 0, inOrders: 0, ...this.levels.get(key), ...change });
  }

  /** Every call made, as `LinnworksClient.callCount` counts them. */
  get callCount(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0);
  }

  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  private levelsOf(item: { id: string; sku: string }): LinnworksStockItemLevel[] {
    return this.locations.map((location) => {
      const level = this.levels.get(`${item.id}|${location.StockLocationId}`) ?? {
        stockLevel: 0,
        inOrders: 0,
      };

      return {
        Location: {
          StockLocationId: location.StockLocationId,
          LocationName: location.LocationName,
        },
        StockLevel: level.stockLevel,
        InOrders: level.inOrders,
        Available: level.stockLevel - level.inOrders,
        Due: 0,
        MinimumLevel: 0,
        SKU: item.sku,
        StockItemId: item.id,
      } as LinnworksStockItemLevel;
    });
  }

  async getStockLocations(): Promise<LinnworksStockLocation[]> {
    this.count('getStockLocations');

    return [...this.locations];
  }

  async getStockItemsFull(args: {
    pageNumber: number;
    entriesPerPage: number;
  }): Promise<LinnworksStockItemFull[]> {
    this.count('getStockItemsFull');
    this.beforePage?.();
    if (this.failingPages.has(args.pageNumber)) {
      throw new RetryableUpstreamError('LINNWORKS_UNAVAILABLE', 'Linnworks answered 503', {
        upstream: 'linnworks',
        status: 503,
      });
    }
    const start = (args.pageNumber - 1) * args.entriesPerPage;

    return this.items.slice(start, start + args.entriesPerPage).map(
      (item) =>
        ({
          StockItemId: item.id,
          StockItemIntId: 0,
          ItemNumber: item.sku,
          ItemTitle: item.sku,
          BarcodeNumber: item.barcode,
          IsVariationParent: false,
          StockLevels: this.levelsOf(item),
        }) as LinnworksStockItemFull,
    );
  }

  /** As Linnworks: SKUs match whatever their case, answered in the order asked, unknown left out. */
  async getStockItemIdsBySku(args: { skus: string[] }) {
    this.count('getStockItemIdsBySku');

    return args.skus.flatMap((sku) => {
      const item = this.items.find((i) => i.sku.toLowerCase() === sku.toLowerCase());

      return item ? [{ StockItemId: item.id, SKU: item.sku }] : [];
    });
  }

  /** As Linnworks: in the order asked, ids whatever their case. */
  /** Open orders for the hot lane: their location, received date and items' SKUs. */
  readonly openOrders: Array<{
    id: string;
    location: string;
    receivedDate: string;
    skus: string[];
  }> = [];

  async getOpenOrders(args: {
    fulfilmentCenter: string;
    receivedFrom: Date | string;
    receivedTo: Date | string;
    pageNumber: number;
    entriesPerPage: number;
  }): Promise<LinnworksPagedResult<LinnworksOpenOrder>> {
    this.count('getOpenOrders');
    const from = new Date(args.receivedFrom).getTime();
    const to = new Date(args.receivedTo).getTime();
    const rows = this.openOrders
      .filter((o) => o.location.toLowerCase() === args.fulfilmentCenter.toLowerCase())
      .filter((o) => Date.parse(o.receivedDate) >= from && Date.parse(o.receivedDate) <= to)
      .sort((a, b) => a.receivedDate.localeCompare(b.receivedDate));
    const start = (args.pageNumber - 1) * args.entriesPerPage;
    const Data = rows.slice(start, start + args.entriesPerPage).map((o) => ({
      OrderId: o.id,
      GeneralInfo: { ReceivedDate: o.receivedDate },
      Items: o.skus.map((sku) => ({
        SKU: sku,
        StockItemId: this.items.find((i) => i.sku === sku)?.id ?? '',
      })),
    })) as unknown as LinnworksOpenOrder[];

    return {
      PageNumber: args.pageNumber,
      EntriesPerPage: args.entriesPerPage,
      TotalEntries: rows.length,
      TotalPages: Math.ceil(rows.length / args.entriesPerPage),
      Data,
    };
  }

  async getStockLevelBatch(args: { stockItemIds: string[] }) {
    this.count('getStockLevelBatch');

    return args.stockItemIds.flatMap((id) => {
      const item = this.items.find((i) => i.id.toLowerCase() === id.toLowerCase());

      return item ? [{ pkStockItemId: item.id, StockItemLevels: this.levelsOf(item) }] : [];
    });
  }
}

/** commercetools inventory, channels and variants in memory; counts calls like the adapter. */
export class FakeCtStock implements CtStockSyncPort {
  readonly calls = { reads: 0, writes: 0 };
  readonly channels = new Map<string, string>();
  readonly entries = new Map<string, InventoryEntryView>();
  readonly variants = new Map<string, Record<string, string>>();
  /** SKUs whose writes fail with a retryable error. */
  readonly failingSkus = new Set<string>();
  /** Entry ids that answer the next changeQuantity with a 409 (someone else wrote first). */
  readonly conflictOnce = new Set<string>();
  readonly writes: Array<{ sku: string; channelKey: string | undefined; quantity: number }> = [];

  addChannel(key: string): string {
    const id = randomUUID();
    this.channels.set(key, id);

    return id;
  }

  addVariant(sku: string, attributes: Record<string, string> = {}): void {
    this.variants.set(sku, attributes);
  }

  addEntry(sku: string, channelKey: string | undefined, quantity: number): InventoryEntryView {
    const entry: InventoryEntryView = {
      id: randomUUID(),
      version: 1,
      sku,
      key: undefined,
      channelId: channelKey ? this.channels.get(channelKey) : undefined,
      quantityOnStock: quantity,
    };
    this.entries.set(entry.id, entry);

    return entry;
  }

  quantityOf(sku: string, channelKey: string | undefined): number | undefined {
    const channelId = channelKey ? this.channels.get(channelKey) : undefined;

    return [...this.entries.values()].find((e) => e.sku === sku && e.channelId === channelId)
      ?.quantityOnStock;
  }

  private channelKeyOf(id: string | undefined): string | undefined {
    return [...this.channels].find(([, v]) => v === id)?.[0];
  }

  async channelIdsByKey(keys: string[]): Promise<Map<string, string>> {
    this.calls.reads++;

    return new Map(
      keys.flatMap((k) => (this.channels.has(k) ? [[k, this.channels.get(k) as string]] : [])),
    );
  }

  async hasInventory(): Promise<boolean> {
    this.calls.reads++;

    return this.entries.size > 0;
  }

  /** Batched inventory lookups made (findEntries calls). */
  lookups = 0;

  async findEntries(skus: string[]): Promise<InventoryEntryView[]> {
    this.calls.reads++;
    this.lookups++;

    return [...this.entries.values()].filter((e) => skus.includes(e.sku)).map((e) => ({ ...e }));
  }

  async getEntry(id: string): Promise<InventoryEntryView | undefined> {
    this.calls.reads++;
    const entry = this.entries.get(id);

    return entry ? { ...entry } : undefined;
  }

  async changeQuantity(entry: { id: string; version: number }, quantity: number) {
    this.calls.writes++;
    const current = this.entries.get(entry.id);
    if (!current) throw new InventoryMissingError(entry.id);
    this.failIfConfigured(current.sku);
    if (this.conflictOnce.delete(entry.id)) {
      current.version++;
      current.quantityOnStock = -1;
    }
    if (current.version !== entry.version)
      throw new VersionConflictError('inventory-entry', entry.id);
    current.version++;
    current.quantityOnStock = quantity;
    this.writes.push({
      sku: current.sku,
      channelKey: this.channelKeyOf(current.channelId),
      quantity,
    });

    return { ...current };
  }

  async createEntry(draft: {
    key: string;
    sku: string;
    channelId: string | undefined;
    quantity: number;
  }) {
    this.calls.writes++;
    this.failIfConfigured(draft.sku);
    const entry: InventoryEntryView = {
      id: randomUUID(),
      version: 1,
      sku: draft.sku,
      key: draft.key,
      channelId: draft.channelId,
      quantityOnStock: draft.quantity,
    };
    this.entries.set(entry.id, entry);
    this.writes.push({
      sku: draft.sku,
      channelKey: this.channelKeyOf(draft.channelId),
      quantity: draft.quantity,
    });

    return { ...entry };
  }

  /** The connector's own new orders, for the hot lane. */
  readonly newOrders: Array<{ createdAt: string; skus: string[] }> = [];

  async skusOfOrdersSince(since: string): Promise<{ orders: number; skus: string[] }> {
    this.calls.reads++;
    const orders = this.newOrders.filter((o) => o.createdAt > since);

    return { orders: orders.length, skus: [...new Set(orders.flatMap((o) => o.skus))] };
  }

  async existingVariantSkus(skus: string[]): Promise<Set<string>> {
    this.calls.reads++;

    return new Set(skus.filter((s) => this.variants.has(s)));
  }

  async skusByAttribute(attribute: string, values: string[]): Promise<Map<string, string>> {
    this.calls.reads++;
    const found = new Map<string, string>();
    for (const [sku, attributes] of this.variants) {
      const value = attributes[attribute];
      if (value !== undefined && values.includes(value)) found.set(value, sku);
    }

    return found;
  }

  private failIfConfigured(sku: string): void {
    if (this.failingSkus.has(sku)) {
      throw new RetryableUpstreamError('CT_UNAVAILABLE', 'commercetools answered 503', {
        upstream: 'commercetools',
        status: 503,
      });
    }
  }
}
