import { DEFAULT_LOCATION } from '../../../testing/stand-ins/stock-sync.fakes';

import { EAST, seed, setup } from './stock-run.fixture';

const MINUTE = 60_000;

describe('stock-sync hot lane', () => {
  it('when a SKU sold on any channel since the last run, then the next run refreshes it first, even while the sweep is far from its page', async () => {
    const t = setup({ pageSize: 2, timeBudgetMs: 1_500_000 });
    seed(t, 10);
    await t.sync.run({ dryRun: false });
    // Next run: the sweep stops after its first page (time budget), far from SKU-9's page.
    t.advance(5 * MINUTE);
    t.linnworks.setLevel('SKU-9', DEFAULT_LOCATION, { inOrders: 3 });
    t.linnworks.openOrders.push({
      id: 'o-1',
      location: DEFAULT_LOCATION,
      receivedDate: new Date(t.deps.now!() - MINUTE).toISOString(),
      skus: ['SKU-9'],
    });
    t.linnworks.beforePage = () => t.advance(1_500_000);

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.quantityOf('SKU-9', 'wh-main')).toBe(19 - 3);
    expect(report.hot).toMatchObject({ openOrders: 1, skus: 1, changed: 1 });
    expect(report.status).toBe('partial');
    // SKU-9 sits on page 5; the sweep read page 1 only.
    expect(report.sweep).toMatchObject({ finished: false, nextPage: 2 });
    expect(t.linnworks.calls.getStockLevelBatch).toBe(1);
  });

  it('when the lane refreshed a SKU, then the sweep of the same run does not write it again and the next lane pass needs no lookup', async () => {
    const t = setup({ pageSize: 2, snapshotSegmentItems: 4 });
    seed(t, 10);
    await t.sync.run({ dryRun: false });
    t.advance(5 * MINUTE);
    t.linnworks.setLevel('SKU-9', DEFAULT_LOCATION, { inOrders: 3 });
    const sale = (id: string) =>
      t.linnworks.openOrders.push({
        id,
        location: DEFAULT_LOCATION,
        receivedDate: new Date(t.deps.now!() - MINUTE).toISOString(),
        skus: ['SKU-9'],
      });
    sale('o-1');
    t.ct.writes.length = 0;

    const report = await t.sync.run({ dryRun: false });
    // Two more sales; the sweeps are cut short far from SKU-9's page, so the second lane pass
    // finds what the first learnt in the overlay.
    t.linnworks.beforePage = () => t.advance(1_500_000);
    const again = async (inOrders: number, id: string) => {
      t.advance(5 * MINUTE);
      t.linnworks.setLevel('SKU-9', DEFAULT_LOCATION, { inOrders });
      sale(id);

      return t.sync.run({ dryRun: false });
    };
    await again(4, 'o-2');
    const lookupsBefore = t.ct.lookups;
    const last = await again(5, 'o-3');

    expect(report.hot).toMatchObject({ skus: 1, changed: 1 });
    expect(report.sweep).toMatchObject({ finished: true });
    expect(report.counts.ctInventoryWrites).toBe(1);
    expect(last.hot).toMatchObject({ skus: 1, changed: 1 });
    expect(t.ct.lookups - lookupsBefore).toBe(0);
    expect(t.ct.writes).toHaveLength(3);
    expect(t.ct.quantityOf('SKU-9', 'wh-main')).toBe(19 - 5);
  });

  it('when the connector created orders, then their SKUs are refreshed too, looked up by SKU', async () => {
    const t = setup();
    seed(t, 4);
    await t.sync.run({ dryRun: false });
    t.advance(5 * MINUTE);
    t.linnworks.setLevel('SKU-2', EAST, { stockLevel: 1 });
    t.ct.newOrders.push({
      createdAt: new Date(t.deps.now!() - MINUTE).toISOString(),
      skus: ['SKU-2'],
    });
    t.linnworks.beforePage = () => {
      throw new Error('the sweep is not needed to find SKU-2');
    };

    const report = await t.sync.run({ dryRun: false });

    expect(report.hot).toMatchObject({ ownOrders: 1, skus: 1, changed: 1 });
    expect(t.ct.quantityOf('SKU-2', 'wh-east')).toBe(0);
    expect(t.linnworks.calls.getStockItemIdsBySku).toBe(1);
  });

  it('when the previous run read orders up to its start, then the next run reads from there less the overlap, and an order seen twice is refreshed once', async () => {
    const t = setup();
    seed(t, 2);
    const first = await t.sync.run({ dryRun: false });
    t.advance(5 * MINUTE);

    const second = await t.sync.run({ dryRun: false });

    expect(Date.parse(second.hot!.from)).toBe(Date.parse(first.hot!.to) - 2 * MINUTE);
    // Two mapped locations: one GetOpenOrders each.
    expect(second.hot!.openOrderPages).toBe(2);
  });

  it('when the sweep is in progress, then the report bounds the age of the oldest unswept SKU by the start of the last complete pass', async () => {
    const t = setup({ pageSize: 2 });
    seed(t, 6);
    const first = await t.sync.run({ dryRun: false });
    expect(first.sweep).toMatchObject({ finished: true, oldestUnsweptAgeSeconds: 0 });
    t.advance(10 * MINUTE);
    let pages = 0;
    t.linnworks.beforePage = () => {
      if (++pages === 2) t.advance(1_500_000);
    };

    const cut = await t.sync.run({ dryRun: false });

    expect(cut.sweep).toMatchObject({ finished: false });
    expect(cut.sweep!.oldestUnsweptAgeSeconds).toBe(10 * 60 + 1_500);
  });

  it('when a sweep runs long, then the lane runs again every interval, so a SKU sold mid-run is fresh before the run ends', async () => {
    const t = setup({ pageSize: 2, hotIntervalMs: 2 * MINUTE });
    seed(t, 10);
    await t.sync.run({ dryRun: false });
    t.advance(5 * MINUTE);
    t.linnworks.calls.getOpenOrders = 0;
    let pages = 0;
    t.linnworks.beforePage = () => {
      t.advance(MINUTE);
      if (++pages !== 2) return;
      // SKU-1 (page 1, read already) sells on another channel while the sweep is on page 2.
      t.linnworks.setLevel('SKU-1', DEFAULT_LOCATION, { inOrders: 5 });
      t.linnworks.openOrders.push({
        id: 'o-mid',
        location: DEFAULT_LOCATION,
        receivedDate: new Date(t.deps.now!()).toISOString(),
        skus: ['SKU-1'],
      });
    };

    const report = await t.sync.run({ dryRun: false });

    expect(report.status).toBe('completed');
    expect(t.ct.quantityOf('SKU-1', 'wh-main')).toBe(11 - 5);
    // The order falls in two passes' windows (the overlap): read twice, written once.
    expect(report.hot).toMatchObject({ openOrders: 2, skus: 2, changed: 1 });
    // One pass at the start, then one every two minutes of a six-minute sweep.
    expect(t.linnworks.calls.getOpenOrders).toBe(3 * 2);
  });
});
