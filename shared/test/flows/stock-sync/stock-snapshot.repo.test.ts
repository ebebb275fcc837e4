import {
  resetStockSnapshot,
  SNAPSHOT_BUCKETS,
  snapshotBucketOf,
  StockSnapshot,
} from '../../../src/flows/stock-sync/stock-snapshot.repo';
import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';

const now = () => new Date('2026-11-26T10:00:00Z');

describe('StockSnapshot', () => {
  it('when a fresh snapshot is flushed, then every bucket and the meta object are written once', async () => {
    const store = new InMemoryStateStore();
    const snapshot = StockSnapshot.empty();
    snapshot.set('SKU-1', { 'wh-a': [3, 2, 'id-1'] });

    expect(await snapshot.flush(store, now)).toBe(SNAPSHOT_BUCKETS + 1);
    expect(await snapshot.flush(store, now)).toBe(0);
  });

  it('when loaded again, then items read back as written and only changed buckets are rewritten', async () => {
    const store = new InMemoryStateStore();
    const first = StockSnapshot.empty();
    first.set('SKU-1', { 'wh-a': [3, 2, 'id-1'], '@': 'CT-1' });
    first.set('SKU-2', { '*': [9, 1, 'id-2'] });
    await first.flush(store, now);

    const loaded = await StockSnapshot.load(store);
    loaded.set('SKU-2', { '*': [8, 2, 'id-2'] });

    expect(loaded.fresh).toBe(false);
    expect(loaded.size).toBe(2);
    expect(loaded.get('SKU-1')).toEqual({ 'wh-a': [3, 2, 'id-1'], '@': 'CT-1' });
    expect(await loaded.flush(store, now)).toBe(1);
    expect((await StockSnapshot.load(store)).get('SKU-2')).toEqual({ '*': [8, 2, 'id-2'] });
  });

  it('when the snapshot is reset, then the next load is fresh and empty', async () => {
    const store = new InMemoryStateStore();
    const first = StockSnapshot.empty();
    first.set('SKU-1', { 'wh-a': [3, 2, 'id-1'] });
    await first.flush(store, now);

    await resetStockSnapshot(store);
    const loaded = await StockSnapshot.load(store);

    expect(loaded.fresh).toBe(true);
    expect(loaded.get('SKU-1')).toBeUndefined();
  });

  it('when keys are hashed, then buckets are stable and spread over the whole range', () => {
    const used = new Set(Array.from({ length: 5000 }, (_, i) => snapshotBucketOf(`SKU-${i}`)));

    expect(snapshotBucketOf('SKU-42')).toBe(snapshotBucketOf('SKU-42'));
    expect(used.size).toBe(SNAPSHOT_BUCKETS);
  });
});
