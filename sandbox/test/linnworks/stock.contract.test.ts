import { PermanentUpstreamError, ValidationError } from 'shared';

import { type Harness, startHarness } from './emulator-harness';

const ZERO = '00000000-0000-0000-0000-000000000000';

describe('Linnworks stock: locations, SKU ids, levels and the catalogue sweep', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedLocations([{ name: 'Leeds', tag: 'LDS' }, { name: 'Bristol' }]);
    h.emulator.control.seedItems(
      Array.from({ length: 450 }, (_, i) => ({
        sku: `SKU-${i}`,
        title: `Item ${i}`,
        barcode: `50000${i}`,
        stock: { Default: i, Leeds: 1, Bristol: 0 },
      })),
    );
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when locations are read, then Default has the zero GUID and the seeded ones follow', async () => {
    const locations = await h.client.getStockLocations();

    expect(locations.map((l) => [l.LocationName, l.LocationTag])).toEqual([
      ['Default', ''],
      ['Leeds', 'LDS'],
      ['Bristol', ''],
    ]);
    expect(locations[0]?.StockLocationId).toBe(ZERO);
  });

  it('when SKUs are resolved, then only existing ones come back with their ids', async () => {
    const ids = await h.client.getStockItemIdsBySku({ skus: ['SKU-1', 'sku-2', 'MISSING'] });

    expect(ids.map((i) => i.SKU)).toEqual(['SKU-1', 'SKU-2']);
    expect(ids[0]?.StockItemId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the catalogue is swept 200 at a time, then three pages cover it and the page past the end reads as empty', async () => {
    const pages = [];
    for (let pageNumber = 1; pageNumber <= 4; pageNumber++) {
      pages.push(await h.client.getStockItemsFull({ pageNumber, entriesPerPage: 200 }));
    }

    expect(pages.map((p) => p.length)).toEqual([200, 200, 50, 0]);
    const first = pages[0]?.[3];
    expect(first).toMatchObject({
      ItemNumber: 'SKU-3',
      ItemTitle: 'Item 3',
      BarcodeNumber: '500003',
    });
    expect(
      first?.StockLevels.map((l) => [
        l.Location.LocationName,
        l.StockLevel,
        l.InOrders,
        l.Available,
      ]),
    ).toEqual([
      ['Default', 3, 0, 3],
      ['Leeds', 1, 0, 1],
      ['Bristol', 0, 0, 0],
    ]);
  });

  it('when the page past the end is read raw, then Linnworks answers 400 "No items found with given filter"', async () => {
    const token = await h.sessionToken();

    const res = await h.raw('/api/Stock/GetStockItemsFull', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({
        keyword: '',
        entriesPerPage: 200,
        pageNumber: 4,
        dataRequirements: ['StockLevels'],
        searchTypes: ['SKU'],
      }),
    });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ Message: 'No items found with given filter' });
  });

  it('when more than 200 entries per page are asked, then the client refuses and Linnworks answers 400', async () => {
    await expect(
      h.client.getStockItemsFull({ pageNumber: 1, entriesPerPage: 201 }),
    ).rejects.toBeInstanceOf(ValidationError);
    const token = await h.sessionToken();

    const res = await h.raw('/api/Stock/GetStockItemsFull', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ entriesPerPage: 201, pageNumber: 1 }),
    });

    expect(res.json).toEqual({ Message: 'Number must be between 1 and 200' });
  });

  it('when a keyword is given, then only matching items are returned', async () => {
    const items = await h.client.getStockItemsFull({
      pageNumber: 1,
      entriesPerPage: 200,
      keyword: 'SKU-44',
      searchTypes: ['SKU'],
    });

    expect(items.map((i) => i.ItemNumber)).toEqual([
      'SKU-44',
      'SKU-440',
      'SKU-441',
      'SKU-442',
      'SKU-443',
      'SKU-444',
      'SKU-445',
      'SKU-446',
      'SKU-447',
      'SKU-448',
      'SKU-449',
    ]);
  });

  it('when levels are read in batch after stock and allocation are adjusted, then each location shows StockLevel, InOrders and Available', async () => {
    h.emulator.control.adjustStock({ sku: 'SKU-5', location: 'Leeds', set: 7 });
    h.emulator.control.adjustAllocation({ sku: 'SKU-5', location: 'Leeds', delta: 9 });
    const [item] = await h.client.getStockItemIdsBySku({ skus: ['SKU-5'] });

    const [entry] = await h.client.getStockLevelBatch({ stockItemIds: [item?.StockItemId ?? ''] });

    expect(entry?.pkStockItemId).toBe(item?.StockItemId);
    expect(
      entry?.StockItemLevels.map((l) => [
        l.Location.LocationName,
        l.StockLevel,
        l.InOrders,
        l.Available,
      ]),
    ).toEqual([
      ['Default', 5, 0, 5],
      ['Leeds', 7, 9, -2],
      ['Bristol', 0, 0, 0],
    ]);
  });

  it('when 250 stock item ids are read, then the client splits them into three calls', async () => {
    const ids = (
      await h.client.getStockItemIdsBySku({
        skus: Array.from({ length: 250 }, (_, i) => `SKU-${i}`),
      })
    ).map((i) => i.StockItemId);
    h.emulator.control.resetCallCounts();

    await expect(h.client.getStockLevelBatch({ stockItemIds: ids })).resolves.toHaveLength(250);
    expect(h.emulator.control.callCounts()['Stock/GetStockLevel_Batch']).toBe(3);
  });

  it('when GetStockLevel_Batch is sent unwrapped, then Linnworks answers 400', async () => {
    const token = await h.sessionToken();

    const res = await h.raw('/api/Stock/GetStockLevel_Batch', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ StockItemIds: [] }),
    });

    expect(res.status).toBe(400);
  });

  it('when the emulator fails a batch permanently, then the client surfaces the message', async () => {
    h.emulator.control.injectFault({
      kind: 'status',
      status: 400,
      message: 'Could not determine inventory item id from SKU',
      endpoint: 'Inventory/GetStockItemIdsBySKU',
    });

    const error = await h.client.getStockItemIdsBySku({ skus: ['X'] }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PermanentUpstreamError);
    expect((error as Error).message).toContain('Could not determine inventory item id from SKU');
  });
});
