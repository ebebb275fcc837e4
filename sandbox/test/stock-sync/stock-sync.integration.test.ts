import {
  CtStateStore,
  FailureQueue,
  LeaseLock,
  STOCK_SNAPSHOT_CONTAINER,
  SEGMENT_ITEMS,
  STOCK_SYNC_LOCK,
} from 'shared';
import { captureLogger, ctTestConfig } from 'shared/testing';
import { createApp } from 'stock-sync';
import request from 'supertest';

import {
  CHANNELS,
  inventorySnapshot,
  otherChannelOrder,
  seededLevel,
  skuOf,
  startStockWorld,
  type StockWorld,
  updatesApplied,
} from './stock-world';

const SKUS = 450;

describe('stock-sync against the commercetools test server and the Linnworks emulator', () => {
  let world: StockWorld;
  const log = captureLogger();

  beforeAll(async () => {
    world = await startStockWorld({ ct: ctTestConfig(), skus: SKUS, logger: log.logger });
  }, 120_000);

  afterAll(async () => {
    await world.close();
  });

  it('when the first run meets an empty inventory, then it creates one entry per SKU and location holding Linnworks Available', async () => {
    world.emulator.control.resetCallCounts();

    const report = await world.flow().run({ dryRun: false });

    expect(report.status).toBe('completed');
    expect(report.counts).toMatchObject({ itemsRead: SKUS, created: SKUS * 3, failed: 0 });
    const entries = await inventorySnapshot(world.ctApi);
    expect(entries.size).toBe(SKUS * 3);
    const leeds = (await world.ctApi.channels().withKey({ key: CHANNELS.Leeds }).get().execute())
      .body.id;
    expect(entries.get(`${skuOf(17)}|${leeds}`)?.quantity).toBe(seededLevel(17, 1));
    // ceil(450 / 200) sweep pages, plus the location list.
    expect(world.emulator.control.callCounts()['Stock/GetStockItemsFull']).toBe(3);
  }, 120_000);

  it('when nothing changed in Linnworks, then the run makes zero commercetools inventory writes', async () => {
    const before = updatesApplied(await inventorySnapshot(world.ctApi));

    const report = await world.flow().run({ dryRun: false });

    const after = await inventorySnapshot(world.ctApi);
    expect(after.size).toBe(SKUS * 3);
    expect(updatesApplied(after) - before).toBe(0);
    expect(report.counts).toMatchObject({ ctInventoryWrites: 0, unchanged: SKUS * 3, changed: 0 });
  }, 60_000);

  it('when N (SKU, location) levels changed, then the run makes exactly N writes with the new quantities', async () => {
    const control = world.emulator.control;
    control.adjustStock({ sku: skuOf(3), location: 'Default', set: 40 });
    control.adjustStock({ sku: skuOf(250), location: 'Bristol', delta: 5 });
    control.adjustAllocation({ sku: skuOf(449), location: 'Leeds', delta: 2 });
    control.adjustStock({ sku: skuOf(3), location: 'Leeds', delta: 0 }); // touched, same value
    const before = await inventorySnapshot(world.ctApi);

    const report = await world.flow().run({ dryRun: false });

    const after = await inventorySnapshot(world.ctApi);
    expect(updatesApplied(after) - updatesApplied(before)).toBe(3);
    expect(report.counts).toMatchObject({
      changed: 3,
      written: 3,
      created: 0,
      ctInventoryWrites: 3,
    });
    const byKey = async (key: string) =>
      (await world.ctApi.channels().withKey({ key }).get().execute()).body.id;
    expect(after.get(`${skuOf(3)}|${await byKey(CHANNELS.Default)}`)?.quantity).toBe(40);
    expect(after.get(`${skuOf(250)}|${await byKey(CHANNELS.Bristol)}`)?.quantity).toBe(
      seededLevel(250, 2) + 5,
    );
    expect(after.get(`${skuOf(449)}|${await byKey(CHANNELS.Leeds)}`)?.quantity).toBe(
      Math.max(0, seededLevel(449, 1) - 2),
    );
  }, 60_000);

  it('when the job endpoint is called with ?dryRun=true, then it reports the change and writes nothing', async () => {
    world.emulator.control.adjustStock({ sku: skuOf(10), location: 'Default', set: 0 });
    const before = updatesApplied(await inventorySnapshot(world.ctApi));
    const app = createApp({ logger: log.logger, run: world.flow().run });

    const res = await request(app).post('/job?dryRun=true');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ flow: 'stock-sync', dryRun: true, status: 'completed' });
    expect(res.body.counts).toMatchObject({ changed: 1, ctInventoryWrites: 0, ctStateWrites: 0 });
    expect(updatesApplied(await inventorySnapshot(world.ctApi))).toBe(before);

    const real = await request(app).post('/job');
    expect(real.body.counts).toMatchObject({ changed: 1, written: 1 });
  }, 60_000);

  it('when the lock is held by another run, then POST /job answers 200 with a skipped report', async () => {
    const store = new CtStateStore(world.ctApi);
    const lock = new LeaseLock(store);
    const held = await lock.acquire(STOCK_SYNC_LOCK, 60_000, 'other-run');
    const app = createApp({ logger: log.logger, run: world.flow().run });

    const res = await request(app).post('/job');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'skipped', reason: 'lock-held' });
    if (held.acquired) await lock.release(held.lease);
  }, 30_000);

  it('when Linnworks fails a sweep page after retries, then the page is in the failure queue and the next run resolves it', async () => {
    const control = world.emulator.control;
    const fault = control.injectFault({
      kind: 'status',
      endpoint: 'Stock/GetStockItemsFull',
      status: 503,
      times: 3,
    });
    control.adjustStock({ sku: skuOf(5), location: 'Default', set: 33 });

    const first = await world.flow().run({ dryRun: false });

    control.removeFault(fault);
    expect(first).toMatchObject({ status: 'partial', reason: 'failures-recorded' });
    expect(first.counts.failedPages).toBe(1);
    const queue = new FailureQueue(new CtStateStore(world.ctApi));
    expect((await queue.get('stock-sync.stock-page.page-1'))?.status).toBe('pending');

    const second = await world.flow().run({ dryRun: false });

    expect(second.status).toBe('completed');
    expect(second.counts.written).toBe(1);
    expect((await queue.get('stock-sync.stock-page.page-1'))?.status).toBe('resolved');
  }, 60_000);

  it('when state is stored, then the snapshot is one object per segment of sweep positions and the hot overlay', async () => {
    const objects = await world.ctApi
      .customObjects()
      .withContainer({ container: STOCK_SNAPSHOT_CONTAINER })
      .get({ queryArgs: { limit: 500 } })
      .execute();

    const segments = objects.body.results.filter((o) => o.key.startsWith('segment-'));
    expect(segments).toHaveLength(Math.ceil(SKUS / SEGMENT_ITEMS));
    expect(objects.body.total).toBeLessThanOrEqual(segments.length + 1);
  }, 30_000);

  it('when a mapped supply channel is missing in commercetools, then the run fails with a message naming it', async () => {
    const stockSync = world.flow({
      mapping: {
        locations: [
          {
            location: 'Leeds',
            channel: 'lw-nowhere',
            quantity: 'available',
            safetyBuffer: 0,
            enabled: true,
          },
        ],
      },
    });
    const app = createApp({ logger: log.logger, run: stockSync.run });

    const res = await request(app).post('/job');

    expect(res.status).toBe(500);
    expect(res.body.message).toContain(
      'supply channel "lw-nowhere" does not exist in commercetools',
    );
  }, 30_000);

  it('when a SKU sells on another channel, then the next run refreshes it through the hot lane even when the sweep cannot read a page', async () => {
    const control = world.emulator.control;
    const sku = skuOf(430); // on the sweep's last page
    const before = (await world.flow().run({ dryRun: false })).hot;
    await world.linnworks.createOrders({
      location: 'Leeds',
      orders: [otherChannelOrder(sku, 3)],
    });
    const fault = control.injectFault({
      kind: 'status',
      endpoint: 'Stock/GetStockItemsFull',
      status: 503,
    });
    control.resetCallCounts();

    const report = await world.flow().run({ dryRun: false });

    control.removeFault(fault);
    expect(before).toMatchObject({ skus: 0 });
    expect(report.hot).toMatchObject({ openOrders: 1, skus: 1, changed: 1 });
    expect(report.sweep).toMatchObject({ finished: false });
    const leeds = (await world.ctApi.channels().withKey({ key: CHANNELS.Leeds }).get().execute())
      .body.id;
    const entries = await inventorySnapshot(world.ctApi);
    expect(entries.get(`${sku}|${leeds}`)?.quantity).toBe(Math.max(0, seededLevel(430, 1) - 3));
    const calls = control.callCounts();
    // One GetOpenOrders per mapped location, one GetStockLevel_Batch for the hot SKU.
    expect(calls['Orders/GetOpenOrders']).toBe(3);
    expect(calls['Stock/GetStockLevel_Batch']).toBe(1);
    await world.flow().run({ dryRun: false });
  }, 60_000);
});
