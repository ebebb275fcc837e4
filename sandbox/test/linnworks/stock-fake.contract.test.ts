import type { LinnworksStockItemLevel, LinnworksStockSyncPort } from 'shared';
import { FakeLinnworksStock } from 'shared/testing';

import { type Harness, startHarness } from './emulator-harness';

// The in-memory stand-in stock-sync's unit tests use (FakeLinnworksStock) holds to the same
// contract as the Linnworks emulator, which holds to the reference: the same seeded stock gives
// the same answers through the port, call by call. Where they disagree, the emulator is right.

const DEFAULT_LOCATION_ID = '00000000-0000-0000-0000-000000000000';

/** One way to seed stock and read it back through the port. */
interface StockWorld {
  port: LinnworksStockSyncPort;
  /** Adds a location; returns its id. */
  addLocation(name: string): Promise<string>;
  /** Adds an item with its on-hand level per location id. */
  addItem(sku: string, levels: Record<string, number>): Promise<void>;
  /** Allocates `quantity` of an item at a location to open orders (InOrders). */
  allocate(sku: string, locationId: string, quantity: number): Promise<void>;
  close(): Promise<void>;
}

async function emulatorWorld(): Promise<StockWorld> {
  const h: Harness = await startHarness({ rateLimits: false });
  const names = new Map<string, string>([[DEFAULT_LOCATION_ID, 'Default']]);

  return {
    port: h.client,
    addLocation: async (name) => {
      const [created] = h.emulator.control.seedLocations([{ name }]);
      names.set(created!.id, name);

      return created!.id;
    },
    addItem: async (sku, levels) => {
      const stock = Object.fromEntries(
        Object.entries(levels).map(([id, level]) => [names.get(id) ?? id, level]),
      );
      h.emulator.control.seedItems([{ sku, stock }]);
    },
    allocate: async (sku, locationId, quantity) => {
      const location = names.get(locationId) ?? locationId;
      h.emulator.control.adjustAllocation({ sku, location, delta: quantity });
    },
    close: () => h.emulator.close(),
  };
}

async function fakeWorld(): Promise<StockWorld> {
  const fake = new FakeLinnworksStock();
  fake.addLocation('Default', DEFAULT_LOCATION_ID);

  return {
    port: fake,
    addLocation: async (name) => fake.addLocation(name),
    addItem: async (sku, levels) => fake.addItem(sku, levels),
    allocate: async (sku, locationId, quantity) =>
      fake.setLevel(sku, locationId, { inOrders: quantity }),
    close: async () => undefined,
  };
}

/** What the flow reads of a level, with the location by name (ids differ between worlds). */
function levelView(level: LinnworksStockItemLevel) {
  return {
    location: level.Location.LocationName,
    stockLevel: level.StockLevel,
    inOrders: level.InOrders,
    available: level.Available,
  };
}

const byLocation = (a: { location: string }, b: { location: string }) =>
  a.location.localeCompare(b.location);

/** The scenario both worlds run; returns what the port answered, in comparable form. */
async function scenario(world: StockWorld) {
  const east = await world.addLocation('East');
  for (let i = 1; i <= 5; i++) {
    await world.addItem(`SKU-${i}`, { [DEFAULT_LOCATION_ID]: 10 + i, [east]: 5 });
  }
  await world.allocate('SKU-1', DEFAULT_LOCATION_ID, 4);
  const callsBefore = world.port.callCount;
  const locations = await world.port.getStockLocations();
  const pages = [];
  for (let pageNumber = 1; pageNumber <= 4; pageNumber++) {
    const items = await world.port.getStockItemsFull({
      pageNumber,
      entriesPerPage: 2,
      dataRequirements: ['StockLevels'],
      searchTypes: ['SKU'],
    });
    pages.push(
      items.map((item) => ({
        sku: item.ItemNumber,
        levels: item.StockLevels.map(levelView).sort(byLocation),
      })),
    );
  }
  const ids = await world.port.getStockItemIdsBySku({ skus: ['SKU-3', 'sku-2', 'NOPE'] });
  const batch = await world.port.getStockLevelBatch({
    stockItemIds: ids.map((i) => i.StockItemId),
  });

  return {
    locations: locations.map((l) => l.LocationName).sort(),
    defaultLocationId: locations.find((l) => l.LocationName === 'Default')?.StockLocationId,
    pages,
    idsFound: ids.map((i) => i.SKU),
    batch: batch.map((entry) => ({
      sku: ids.find((i) => i.StockItemId.toLowerCase() === entry.pkStockItemId.toLowerCase())?.SKU,
      levels: entry.StockItemLevels.map(levelView).sort(byLocation),
    })),
    calls: world.port.callCount - callsBefore,
  };
}

describe('the in-memory Linnworks stock stand-in against the emulator (same contract)', () => {
  let emulator: Awaited<ReturnType<typeof scenario>>;
  let fake: Awaited<ReturnType<typeof scenario>>;

  beforeAll(async () => {
    const worlds = [await emulatorWorld(), await fakeWorld()];
    try {
      [emulator, fake] = [await scenario(worlds[0]!), await scenario(worlds[1]!)];
    } finally {
      await Promise.all(worlds.map((w) => w.close()));
    }
  });

  it('when both are seeded alike, then the stand-in answers every stock call as the emulator does', () => {
    expect(fake).toEqual(emulator);
  });

  it('when the sweep pages through 5 items 2 at a time, then pages hold 2, 2, 1 and then none, in seeding order', () => {
    expect(emulator.pages.map((p) => p.map((i) => i.sku))).toEqual([
      ['SKU-1', 'SKU-2'],
      ['SKU-3', 'SKU-4'],
      ['SKU-5'],
      [],
    ]);
    expect(emulator.pages[0]![0]!.levels).toEqual([
      { location: 'Default', stockLevel: 11, inOrders: 4, available: 7 },
      { location: 'East', stockLevel: 5, inOrders: 0, available: 5 },
    ]);
  });

  it('when SKUs are looked up, then the match ignores case, unknown SKUs are left out, and levels come per location', () => {
    expect(emulator.idsFound).toEqual(['SKU-3', 'SKU-2']);
    expect(emulator.batch.map((b) => b.sku)).toEqual(['SKU-3', 'SKU-2']);
    expect(emulator.defaultLocationId).toBe(DEFAULT_LOCATION_ID);
    // One call per request: 1 locations + 4 pages + 1 ids + 1 batch.
    expect(emulator.calls).toBe(7);
  });
});
