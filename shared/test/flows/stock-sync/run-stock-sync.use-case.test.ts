import { FAILURE_CONTAINER, FailureQueue } from '../../../src/state/failure-queue';
import { LeaseLock } from '../../../src/state/lease-lock';
import { ValidationError } from '../../../src/errors/errors';
import {
  STOCK_SNAPSHOT_CONTAINER,
  STOCK_STATE_CONTAINER,
  resetStockSnapshot,
} from '../../../src/flows/stock-sync/stock-snapshot.repo';
import { STOCK_SYNC_LOCK } from '../../../src/flows/stock-sync/stock-sync.deps';
import { DEFAULT_LOCATION } from '../../../testing/stand-ins/stock-sync.fakes';

import { DROP, EAST, seed, setup } from './stock-run.fixture';

describe('stock-sync run', () => {
  it('when commercetools has no entries yet, then the first run creates one per SKU and channel with the mapped quantities', async () => {
    const t = setup();
    seed(t, 3);
    t.linnworks.setLevel('SKU-1', DEFAULT_LOCATION, { inOrders: 4 });

    const report = await t.sync.run({ dryRun: false });

    expect(report.status).toBe('completed');
    expect(t.ct.quantityOf('SKU-1', 'wh-main')).toBe(11 - 4);
    expect(t.ct.quantityOf('SKU-1', 'wh-east')).toBe(5 - 1);
    expect(t.ct.quantityOf('SKU-3', 'wh-main')).toBe(13);
    expect(report.counts).toMatchObject({
      itemsRead: 3,
      created: 6,
      written: 0,
      changed: 6,
      failed: 0,
    });
    expect(report.counts.ctInventoryWrites).toBe(6);
  });

  it('when an entry already holds the desired quantity on the first run, then it is not written', async () => {
    const t = setup();
    seed(t, 1);
    t.ct.addEntry('SKU-1', 'wh-main', 11);
    t.ct.addEntry('SKU-1', 'wh-east', 99);

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.writes).toEqual([{ sku: 'SKU-1', channelKey: 'wh-east', quantity: 4 }]);
    expect(report.counts).toMatchObject({ alreadyInSync: 1, written: 1, created: 0 });
  });

  it('when nothing changed since the last run, then the next run writes and looks up nothing in commercetools inventory', async () => {
    const t = setup();
    seed(t, 5);
    await t.sync.run({ dryRun: false });
    const readsBefore = t.ct.calls.reads;

    const report = await t.sync.run({ dryRun: false });

    expect(report.counts.ctInventoryWrites).toBe(0);
    expect(report.counts.unchanged).toBe(10);
    // Only the channel check and the hot lane's read of new orders (none); no inventory or
    // product lookups.
    expect(t.ct.calls.reads - readsBefore).toBe(2);
  });

  it('when N (SKU, location) levels changed, then the next run makes exactly N writes', async () => {
    const t = setup();
    seed(t, 6);
    await t.sync.run({ dryRun: false });
    t.ct.writes.length = 0;
    t.linnworks.setLevel('SKU-2', DEFAULT_LOCATION, { stockLevel: 1 });
    t.linnworks.setLevel('SKU-5', EAST, { stockLevel: 30 });
    t.linnworks.setLevel('SKU-6', DEFAULT_LOCATION, { inOrders: 3 });

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.writes).toEqual(
      expect.arrayContaining([
        { sku: 'SKU-2', channelKey: 'wh-main', quantity: 1 },
        { sku: 'SKU-5', channelKey: 'wh-east', quantity: 29 },
        { sku: 'SKU-6', channelKey: 'wh-main', quantity: 13 },
      ]),
    );
    expect(t.ct.writes).toHaveLength(3);
    expect(report.counts).toMatchObject({ changed: 3, written: 3, ctInventoryWrites: 3 });
  });

  it('when another run holds the lock, then the run is skipped with a report saying so and writes nothing', async () => {
    const t = setup();
    seed(t, 1);
    await new LeaseLock(t.store, () => new Date('2026-11-26T10:00:00Z')).acquire(
      STOCK_SYNC_LOCK,
      60_000,
      'other-run',
    );

    const report = await t.sync.run({ dryRun: false });

    expect(report).toMatchObject({ status: 'skipped', reason: 'lock-held' });
    expect(t.ct.writes).toEqual([]);
  });

  it('when the time budget runs low, then the run checkpoints and the next run continues from that page', async () => {
    const t = setup({ timeBudgetMs: 10_000 });
    seed(t, 6);
    t.linnworks.beforePage = () => t.advance(5_000);
    const sync = t.sync;

    const first = await sync.run({ dryRun: false });

    expect(first).toMatchObject({ status: 'partial', reason: 'time-budget', nextPage: 3 });
    expect(first.counts.itemsRead).toBe(4);
    expect(t.ct.quantityOf('SKU-5', 'wh-main')).toBeUndefined();

    const second = await sync.run({ dryRun: false });

    expect(second.status).toBe('completed');
    expect(second.counts.itemsRead).toBe(2);
    expect(t.ct.quantityOf('SKU-6', 'wh-main')).toBe(16);
    expect(second.counts.ctInventoryWrites).toBe(4);
  });

  it('when a Linnworks page keeps failing, then the run records it, carries on, and a later clean sweep resolves it', async () => {
    const t = setup();
    seed(t, 6);
    t.linnworks.failingPages.add(2);

    const first = await t.sync.run({ dryRun: false });

    expect(first).toMatchObject({ status: 'partial', reason: 'failures-recorded' });
    expect(first.counts.failedPages).toBe(1);
    expect(t.ct.quantityOf('SKU-5', 'wh-main')).toBe(15);
    const queue = new FailureQueue(t.store);
    const recorded = await queue.get('stock-sync.stock-page.page-2');
    expect(recorded).toMatchObject({ flow: 'stock-sync', status: 'pending', retryable: true });

    t.linnworks.failingPages.clear();
    t.advance(60_000);
    const second = await t.sync.run({ dryRun: false });

    expect(second.status).toBe('completed');
    expect(t.ct.quantityOf('SKU-3', 'wh-main')).toBe(13);
    expect((await queue.get('stock-sync.stock-page.page-2'))?.status).toBe('resolved');
  });

  it('when commercetools refuses writes for a SKU, then its chunk is recorded with the SKU and the next run writes it', async () => {
    const t = setup();
    seed(t, 2);
    t.ct.failingSkus.add('SKU-2');

    const first = await t.sync.run({ dryRun: false });

    expect(first.counts.failed).toBe(2);
    const failure = await new FailureQueue(t.store).get('stock-sync.stock-skus.page-1');
    expect(failure?.ref).toMatchObject({ type: 'stock-skus', skus: 'SKU-2' });
    expect(failure?.reasonCode).toBe('CT_UNAVAILABLE');

    t.ct.failingSkus.clear();
    t.advance(60_000);
    const second = await t.sync.run({ dryRun: false });

    expect(t.ct.quantityOf('SKU-2', 'wh-main')).toBe(12);
    expect(second.counts).toMatchObject({ created: 2, unchanged: 2 });
  });

  it('when changeQuantity meets a 409, then the entry is re-read and written with its fresh version', async () => {
    const t = setup();
    seed(t, 1);
    const entry = t.ct.addEntry('SKU-1', 'wh-main', 3);
    t.ct.addEntry('SKU-1', 'wh-east', 4);
    t.ct.conflictOnce.add(entry.id);

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.quantityOf('SKU-1', 'wh-main')).toBe(11);
    expect(report.counts).toMatchObject({ conflictsRetried: 1, written: 1, failed: 0 });
  });

  it('when the run is a dry run, then it reports the changes and writes nothing, not even state', async () => {
    const t = setup();
    seed(t, 2);

    const report = await t.sync.run({ dryRun: true });

    expect(report).toMatchObject({ status: 'completed', dryRun: true });
    expect(report.counts.changed).toBe(4);
    expect(t.ct.writes).toEqual([]);
    expect(report.counts.ctStateWrites).toBe(0);
    expect((await t.store.query(STOCK_SNAPSHOT_CONTAINER)).total).toBe(0);
  });

  it('when Linnworks has SKUs without a variant and stock at unmapped locations, then the report lists them and one warning names the locations', async () => {
    const t = setup();
    seed(t, 2);
    t.linnworks.addItem('GHOST-1', { [DEFAULT_LOCATION]: 1 });
    t.linnworks.setLevel('SKU-1', DROP, { stockLevel: 3 });

    const report = await t.sync.run({ dryRun: false });

    expect(report.unknownSkus).toEqual(['GHOST-1']);
    expect(report.counts.skippedUnknownSku).toBe(1);
    expect(report.unmappedLocations).toEqual([{ id: DROP, name: 'Dropship' }]);
    expect(report.counts.skippedUnmappedLocation).toBe(3);
    const warnings = t.log
      .lines()
      .filter((l) => String(l.message).includes('ignored Linnworks locations'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.locations).toEqual(['Dropship']);
  });

  it('when a mapped supply channel does not exist in commercetools, then the run fails validation naming it', async () => {
    const t = setup({
      mapping: {
        locations: [
          {
            location: 'Default',
            channel: 'wh-missing',
            quantity: 'available',
            safetyBuffer: 0,
            enabled: true,
          },
        ],
      },
    });
    seed(t, 1);

    const run = t.sync.run({ dryRun: false });

    await expect(run).rejects.toThrow(ValidationError);
    await expect(t.sync.run({ dryRun: false })).rejects.toThrow(
      /supply channel "wh-missing" does not exist/,
    );
    expect(t.ct.writes).toEqual([]);
  });

  it('when SKUs match only through the barcode attribute, then the variant found by EAN receives the stock', async () => {
    const t = setup({ skuMatching: { trim: true, case: 'upper', barcodeAttribute: 'ean' } });
    t.linnworks.addItem(' lw-a ', { [DEFAULT_LOCATION]: 7 }, '4006381333931');
    t.linnworks.addItem('ct-b', { [DEFAULT_LOCATION]: 2 });
    t.ct.addVariant('CT-A', { ean: '4006381333931' });
    t.ct.addVariant('CT-B');

    await t.sync.run({ dryRun: false });
    const second = await t.sync.run({ dryRun: false });

    expect(t.ct.quantityOf('CT-A', 'wh-main')).toBe(7);
    expect(t.ct.quantityOf('CT-B', 'wh-main')).toBe(2);
    expect(second.counts).toMatchObject({
      unchanged: 4,
      skippedUnknownSku: 0,
      ctInventoryWrites: 0,
    });
  });

  it('when the aggregate is configured, then a channel-less entry holds the sum', async () => {
    const t = setup({
      mapping: {
        locations: [
          {
            location: 'Default',
            channel: 'wh-main',
            quantity: 'available',
            safetyBuffer: 0,
            enabled: true,
          },
          { location: 'East', quantity: 'available', safetyBuffer: 0, enabled: true },
        ],
        aggregate: { enabled: true, safetyBuffer: 2 },
      },
    });
    seed(t, 1);

    await t.sync.run({ dryRun: false });

    expect(t.ct.quantityOf('SKU-1', undefined)).toBe(11 + 5 - 2);
    expect(t.ct.quantityOf('SKU-1', 'wh-east')).toBeUndefined();
  });

  it('when the snapshot is reset, then the run compares against commercetools and rewrites only real differences', async () => {
    const t = setup();
    seed(t, 3);
    await t.sync.run({ dryRun: false });
    t.ct.writes.length = 0;
    await resetStockSnapshot(t.store);

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.writes).toEqual([]);
    expect(report.counts.alreadyInSync).toBe(6);
  });

  it('when runs store state, then the snapshot is one object per segment of the sweep and the overlay', async () => {
    const t = setup({ pageSize: 200, snapshotSegmentItems: 200 });
    seed(t, 600);

    await t.sync.run({ dryRun: false });

    const stored = await t.store.query(STOCK_SNAPSHOT_CONTAINER, { limit: 1000 });
    expect(stored.results.filter((o) => o.key.startsWith('segment-'))).toHaveLength(3);
    expect(stored.total).toBeLessThanOrEqual(3 + 1);
    expect((await t.store.query(FAILURE_CONTAINER)).total).toBe(0);
  });

  it('when a format-2 snapshot is stored (upgrade from hash buckets), then the first run writes only the pairs that changed', async () => {
    const t = setup({ snapshotSegmentItems: 4 });
    seed(t, 10);
    await t.sync.run({ dryRun: false });
    await t.store.put(STOCK_STATE_CONTAINER, 'snapshot-meta', { format: 2, buckets: 256 });
    await t.store.put(STOCK_SNAPSHOT_CONTAINER, 'bucket-042', { format: 2, bucket: 42, items: {} });
    t.ct.writes.length = 0;
    t.linnworks.setLevel('SKU-4', DEFAULT_LOCATION, { stockLevel: 1 });

    const upgrade = await t.sync.run({ dryRun: false });
    const after = await t.sync.run({ dryRun: false });

    expect(t.ct.writes).toHaveLength(1);
    expect(t.ct.quantityOf('SKU-4', 'wh-main')).toBe(1);
    expect(upgrade.counts).toMatchObject({ alreadyInSync: 19, ctInventoryWrites: 1 });
    expect(await t.store.get(STOCK_SNAPSHOT_CONTAINER, 'bucket-042')).toBeUndefined();
    expect(after.counts).toMatchObject({ unchanged: 20, alreadyInSync: 0, ctInventoryWrites: 0 });
  });

  it('when items are added ahead of others, then the shifted items are neither written nor lost from the snapshot', async () => {
    const t = setup({ snapshotSegmentItems: 4 });
    seed(t, 12);
    await t.sync.run({ dryRun: false });
    for (let i = 0; i < 3; i++) {
      t.linnworks.addItem(`NEW-${i}`, { [DEFAULT_LOCATION]: 1 });
      t.ct.addVariant(`NEW-${i}`);
    }
    t.linnworks.items.unshift(...t.linnworks.items.splice(12, 3));
    t.ct.writes.length = 0;

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.writes).toHaveLength(3 * 2);
    expect(report.counts).toMatchObject({ unchanged: 24, created: 6 });
  });

  it('when the project holds no inventory on the first run, then entries are created without any lookup', async () => {
    const t = setup();
    seed(t, 4);

    await t.sync.run({ dryRun: false });

    expect(t.ct.lookups).toBe(0);
    expect(t.ct.entries.size).toBe(8);
  });

  it('when a recorded pair changes, then it is written with the recorded version and no lookup', async () => {
    const t = setup();
    seed(t, 4);
    await t.sync.run({ dryRun: false });
    t.linnworks.setLevel('SKU-4', EAST, { stockLevel: 9 });

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.lookups).toBe(0);
    expect(t.ct.quantityOf('SKU-4', 'wh-east')).toBe(8);
    expect(report.counts).toMatchObject({ written: 1, ctInventoryWrites: 1 });
  });

  it('when someone else already wrote the new quantity, then the 409 re-read finds it and nothing is written', async () => {
    const t = setup();
    seed(t, 1);
    await t.sync.run({ dryRun: false });
    t.linnworks.setLevel('SKU-1', DEFAULT_LOCATION, { stockLevel: 2 });
    const entry = [...t.ct.entries.values()].find((e) => e.quantityOnStock === 11);
    if (!entry) throw new Error('entry missing');
    entry.version += 1;
    entry.quantityOnStock = 2;
    t.ct.writes.length = 0;

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.writes).toEqual([]);
    expect(report.counts).toMatchObject({ conflictsRetried: 1, written: 0, failed: 0 });
  });

  it('when a recorded entry was deleted in commercetools, then the pair is looked up and created again', async () => {
    const t = setup();
    seed(t, 1);
    await t.sync.run({ dryRun: false });
    const east = [...t.ct.entries.values()].find((e) => e.quantityOnStock === 4);
    if (!east) throw new Error('entry missing');
    t.ct.entries.delete(east.id);
    t.linnworks.setLevel('SKU-1', EAST, { stockLevel: 7 });

    const report = await t.sync.run({ dryRun: false });

    expect(t.ct.quantityOf('SKU-1', 'wh-east')).toBe(6);
    expect(report.counts).toMatchObject({ created: 1, failed: 0 });
  });

  it('when a long run renews its lease, then it still frees the lock so the next run is not skipped', async () => {
    const t = setup({ timeBudgetMs: 30 * 60_000 });
    seed(t, 8);
    t.linnworks.beforePage = () => t.advance(6 * 60_000);

    const first = await t.sync.run({ dryRun: false });
    t.linnworks.beforePage = undefined;
    const second = await t.sync.run({ dryRun: false });

    expect(first.status).toBe('completed');
    expect(second.status).toBe('completed');
  });
});
