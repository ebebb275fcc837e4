import { type Harness, startHarness } from './emulator-harness';

const SKUS = 100_000;

describe('Linnworks emulator at benchmark scale', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ rateLimits: false });
    h.emulator.control.seedLocations([{ name: 'Leeds' }, { name: 'Bristol' }]);
  });

  afterAll(async () => {
    await h.emulator.close();
  });

  it('when 100,000 SKUs are seeded at 3 locations, then seeding is quick and any page of the sweep is served from a slice', async () => {
    const items = Array.from({ length: SKUS }, (_, i) => ({
      sku: `SKU-${i}`,
      stock: { Default: i % 7, Leeds: 1, Bristol: 2 },
    }));
    const seedStart = performance.now();
    h.emulator.control.seedItems(items);
    const seedMs = performance.now() - seedStart;

    const last = await h.client.getStockItemsFull({ pageNumber: SKUS / 200, entriesPerPage: 200 });
    const pastEnd = await h.client.getStockItemsFull({
      pageNumber: SKUS / 200 + 1,
      entriesPerPage: 200,
    });
    const pageStart = performance.now();
    for (let page = 1; page <= 20; page++)
      await h.client.getStockItemsFull({ pageNumber: page * 25, entriesPerPage: 200 });
    const perPageMs = (performance.now() - pageStart) / 20;

    expect(seedMs).toBeLessThan(15_000);
    expect(perPageMs).toBeLessThan(500);
    expect(last).toHaveLength(200);
    expect(last[199]?.ItemNumber).toBe(`SKU-${SKUS - 1}`);
    expect(last[199]?.StockLevels.map((l) => l.StockLevel)).toEqual([(SKUS - 1) % 7, 1, 2]);
    expect(pastEnd).toEqual([]);
  });
});
