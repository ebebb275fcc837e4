import {
  type CtApi,
  type CtConfig,
  createCtApi,
  createStockSync,
  type LinnworksChannelOrder,
  LinnworksClient,
  type Logger,
  type RateBudget,
  type StockLocationMapping,
  type StockSync,
  type StockSyncSettings,
} from 'shared';
import { unlimitedRateBudget } from 'shared/testing';

import {
  type EmulatorOptions,
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';

export const LOCATIONS = ['Default', 'Leeds', 'Bristol'] as const;
export const CHANNELS: Record<(typeof LOCATIONS)[number], string> = {
  Default: 'lw-default',
  Leeds: 'lw-leeds',
  Bristol: 'lw-bristol',
};

export const threeLocationMapping: StockLocationMapping = {
  locations: LOCATIONS.map((location) => ({
    location,
    channel: CHANNELS[location],
    quantity: 'available' as const,
    safetyBuffer: 0,
    enabled: true,
  })),
};

export function skuOf(i: number): string {
  return `SKU-${String(i).padStart(6, '0')}`;
}

/** The level a seeded SKU starts with at a location: varied, deterministic. */
export function seededLevel(i: number, location: number): number {
  return (i * 7 + location * 3) % 50;
}

export async function runLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** The three supply channels and one variant per SKU (`variantsPerProduct` per product). */
export async function seedCtCatalogue(
  ctApi: CtApi,
  skus: number,
  options: { variantsPerProduct: number; concurrency: number },
): Promise<void> {
  for (const key of Object.values(CHANNELS)) {
    await ctApi
      .channels()
      .post({ body: { key, roles: ['InventorySupply'] } })
      .execute();
  }
  const productType = await ctApi
    .productTypes()
    .post({ body: { name: 'stock-test', description: 'stock-sync tests', attributes: [] } })
    .execute();
  const perProduct = options.variantsPerProduct;
  const groups = Array.from({ length: Math.ceil(skus / perProduct) }, (_, g) => g);
  await runLimited(groups, options.concurrency, async (g) => {
    const group = Array.from({ length: Math.min(perProduct, skus - g * perProduct) }, (_, i) =>
      skuOf(g * perProduct + i),
    );
    await ctApi
      .products()
      .post({
        body: {
          productType: { typeId: 'product-type', id: productType.body.id },
          name: { en: `Product ${g}` },
          slug: { en: `product-${g}` },
          masterVariant: { sku: group[0] },
          variants: group.slice(1).map((sku) => ({ sku })),
        },
      })
      .execute();
  });
}

/**
 * A Linnworks emulator with `skus` items at three locations, and a commercetools project (on
 * the test server) with the three supply channels and one variant per SKU.
 */
export interface StockWorld {
  emulator: RunningLinnworksEmulator;
  ctApi: CtApi;
  linnworks: LinnworksClient;
  /** The flow's face over the world's clients, with the three-location mapping unless `over` says. */
  flow(over?: Partial<StockSyncSettings>): StockSync;
  close(): Promise<void>;
}

export async function startStockWorld(input: {
  ct: CtConfig;
  skus: number;
  logger: Logger;
  emulatorOptions?: Partial<EmulatorOptions>;
  rateBudget?: RateBudget;
  variantsPerProduct?: number;
  seedConcurrency?: number;
}): Promise<StockWorld> {
  const emulator = await startLinnworksEmulator({
    options: { rateLimits: false, ...input.emulatorOptions },
  });
  emulator.control.seedLocations([{ name: 'Leeds' }, { name: 'Bristol' }]);
  emulator.control.seedItems(
    Array.from({ length: input.skus }, (_, i) => ({
      sku: skuOf(i),
      stock: Object.fromEntries(LOCATIONS.map((l, li) => [l, seededLevel(i, li)])),
    })),
  );
  const c = emulator.credentials;
  const linnworks = new LinnworksClient({
    config: {
      applicationId: c.applicationId,
      applicationSecret: c.applicationSecret,
      installationToken: c.installationToken,
      authUrl: emulator.authUrl,
    },
    timeoutMs: 10_000,
    rateBudget: input.rateBudget ?? unlimitedRateBudget,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    rateLimitFallbackMs: 5,
  });
  const ctApi = createCtApi(input.ct, { timeoutMs: 60_000, maxRetries: 0 });
  await seedCtCatalogue(ctApi, input.skus, {
    variantsPerProduct: input.variantsPerProduct ?? 50,
    concurrency: input.seedConcurrency ?? 4,
  });

  return {
    emulator,
    ctApi,
    linnworks,
    flow: (over = {}) =>
      createStockSync(
        { ct: ctApi, linnworks, logger: input.logger },
        {
          mapping: threeLocationMapping,
          skuMatching: { trim: false, case: 'preserve' },
          job: { timeBudgetMs: 25 * 60_000 },
          ...over,
        },
      ),
    close: () => emulator.close(),
  };
}

/** Every inventory entry of the project: writes are visible as versions above 1. */
export async function inventorySnapshot(
  ctApi: CtApi,
): Promise<Map<string, { quantity: number; version: number; channelId: string | undefined }>> {
  const all = new Map<
    string,
    { quantity: number; version: number; channelId: string | undefined }
  >();
  // Offset paging: the test server ignores `sort` here, so an id cursor would skip entries.
  for (let offset = 0; ; offset += 500) {
    const page = await ctApi
      .inventory()
      .get({ queryArgs: { limit: 500, offset, withTotal: false } })
      .execute();
    for (const e of page.body.results) {
      all.set(`${e.sku}|${e.supplyChannel?.id ?? ''}`, {
        quantity: e.quantityOnStock,
        version: e.version,
        channelId: e.supplyChannel?.id,
      });
    }
    if (page.body.results.length < 500) break;
  }

  return all;
}

/** Sum of (version - 1) over all entries: the number of updates commercetools applied. */
export function updatesApplied(entries: Map<string, { version: number }>): number {
  let sum = 0;
  for (const e of entries.values()) sum += e.version - 1;

  return sum;
}

/** An order for `qty` of `sku` from another sales channel (eBay), received 30 s ago. */
export function otherChannelOrder(sku: string, qty: number): LinnworksChannelOrder {
  return {
    Source: 'EBAY',
    SubSource: 'ebay-uk',
    ReferenceNumber: `EBAY-${Date.now()}`,
    ReceivedDate: new Date(Date.now() - 30_000).toISOString(),
    DispatchBy: new Date(Date.now() + 86_400_000).toISOString(),
    Currency: 'GBP',
    AutomaticallyLinkBySKU: true,
    OrderItems: [
      {
        ItemNumber: '1',
        ChannelSKU: sku,
        ItemTitle: 'Sold elsewhere',
        Qty: qty,
        PricePerUnit: 5,
        TaxRate: 20,
        TaxCostInclusive: true,
        UseChannelTax: false,
        LineDiscount: 0,
        IsService: false,
      },
    ],
  };
}
