import { StockSnapshot } from '../../../src/flows/stock-sync/stock-snapshot';
import {
  resetStockSnapshot,
  segmentKey,
  STOCK_SNAPSHOT_CONTAINER,
  STOCK_STATE_CONTAINER,
} from '../../../src/flows/stock-sync/stock-snapshot.repo';
import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';

const PAGE = 2;
/** Two pages of two items a segment. */
const SEGMENT = 4;
let clock = Date.parse('2026-11-26T10:00:00Z');

function open(store: InMemoryStateStore, readOnly = false) {
  return StockSnapshot.open({
    store,
    segmentItems: SEGMENT,
    readOnly,
    now: () => new Date(clock),
  });
}

const item = (qty: number) => ({ 'wh-a': [qty, 1, `id-${qty}`] as [number, number, string] });

/** A whole sweep: page p holds SKU-(2p-1) and SKU-2p; `set` records each at `qty(sku)`. */
async function sweep(snapshot: StockSnapshot, skus: string[], qty: (sku: string) => number) {
  const seen = new Map<string, unknown>();
  for (let page = 1; (page - 1) * PAGE < skus.length; page++) {
    await snapshot.enterPage(page, PAGE);
    for (const sku of skus.slice((page - 1) * PAGE, page * PAGE)) {
      seen.set(sku, snapshot.get(sku));
      snapshot.set(sku, item(qty(sku)));
    }
  }
  await snapshot.finishSweep(Date.parse('2026-11-26T09:00:00Z'));

  return seen;
}

const skus = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `SKU-${from + i}`);

async function segmentObjects(store: InMemoryStateStore) {
  return (await store.query(STOCK_SNAPSHOT_CONTAINER, { limit: 500 })).results
    .map((o) => o.key)
    .filter((k) => k.startsWith('segment-'))
    .sort();
}

describe('StockSnapshot (segments by sweep position)', () => {
  it('when a sweep records items, then each segment is stored once and read back by the next sweep', async () => {
    const store = new InMemoryStateStore();
    const first = await open(store);
    await sweep(first, skus(20), () => 5);
    await first.flush();

    const second = await open(store);
    const seen = await sweep(second, skus(20), () => 5);

    expect(first.fresh).toBe(true);
    expect(second.fresh).toBe(false);
    expect(await segmentObjects(store)).toEqual([0, 1, 2, 3, 4].map(segmentKey));
    expect([...seen.values()].every((v) => JSON.stringify(v) === JSON.stringify(item(5)))).toBe(
      true,
    );
  });

  it('when the sweep moves on, then at most three segments are held and only changed ones are written', async () => {
    const store = new InMemoryStateStore();
    const first = await open(store);
    await sweep(first, skus(40), () => 5);
    await first.flush();
    const snapshot = await open(store);
    const writesBefore = store.calls.writes;
    let held = 0;
    for (let page = 1; page <= 20; page++) {
      await snapshot.enterPage(page, PAGE);
      held = Math.max(held, snapshot.segmentsHeld);
      for (const sku of skus(PAGE, 2 * page - 1)) {
        snapshot.get(sku);
        if (sku === 'SKU-17') snapshot.set(sku, item(6));
      }
    }
    await snapshot.finishSweep(0);
    await snapshot.flush();

    expect(held).toBe(3);
    expect(store.calls.writes - writesBefore).toBe(1);
    expect((await open(store)).fresh).toBe(false);
  });

  it('when items shift by up to a segment between sweeps, then each is still found and kept where it is now', async () => {
    const store = new InMemoryStateStore();
    const first = await open(store);
    await sweep(first, skus(16), (sku) => Number(sku.slice(4)));
    await first.flush();

    // Three new items ahead of all others push every item three positions on.
    const shifted = [...skus(3, 100), ...skus(16)];
    const seen = await sweep(await open(store), shifted, (sku) => Number(sku.slice(4)));

    for (const sku of skus(16)) expect(seen.get(sku)).toEqual(item(Number(sku.slice(4))));
    expect(seen.get('SKU-100')).toBeUndefined();
  });

  it('when an item left the catalogue, then a whole sweep forgets it and drops segments past the end', async () => {
    const store = new InMemoryStateStore();
    const first = await open(store);
    await sweep(first, skus(20), () => 5);
    await first.flush();

    const second = await open(store);
    await sweep(second, skus(6), () => 5);
    await second.flush();
    const third = await open(store);
    const seen = await sweep(third, [...skus(6), 'SKU-7'], () => 5);

    expect(await segmentObjects(store)).toEqual([segmentKey(0), segmentKey(1)]);
    expect(seen.get('SKU-7')).toBeUndefined();
  });

  it('when the hot lane records an item, then it is kept in the overlay and the sweep takes it over', async () => {
    const store = new InMemoryStateStore();
    const first = await open(store);
    await sweep(first, skus(8), () => 5);
    await first.flush();
    const lane = await open(store);
    expect(lane.get('SKU-7')).toBeUndefined();
    lane.set('SKU-7', item(4));
    await lane.flush();

    const next = await open(store);
    expect(next.get('SKU-7')).toEqual(item(4));
    const seen = await sweep(next, skus(8), () => 4);
    await next.flush();

    expect(seen.get('SKU-7')).toEqual(item(4));
    expect(seen.get('SKU-6')).toEqual(item(5));
    const overlay = await store.get<{ items: object }>(STOCK_SNAPSHOT_CONTAINER, 'hot-overlay');
    expect(overlay?.value.items).toEqual({});
  });

  it('when a format-2 snapshot (hash buckets) is stored, then the run starts fresh and deletes the buckets', async () => {
    const store = new InMemoryStateStore();
    await store.put(STOCK_STATE_CONTAINER, 'snapshot-meta', { format: 2, buckets: 256 });
    await store.put(STOCK_SNAPSHOT_CONTAINER, 'bucket-007', { format: 2, bucket: 7, items: {} });

    const snapshot = await open(store);
    await sweep(snapshot, skus(4), () => 5);
    await snapshot.flush();

    expect(snapshot.fresh).toBe(true);
    expect(await store.get(STOCK_SNAPSHOT_CONTAINER, 'bucket-007')).toBeUndefined();
    expect((await open(store)).fresh).toBe(false);
  });

  it('when the snapshot is reset, then segments of the earlier generation read as empty', async () => {
    const store = new InMemoryStateStore();
    const first = await open(store);
    await sweep(first, skus(8), () => 5);
    await first.flush();
    await resetStockSnapshot(store);
    clock += 60_000;

    const fresh = await open(store);
    const seen = await sweep(fresh, skus(8), () => 5);

    expect(fresh.fresh).toBe(true);
    expect([...seen.values()].every((v) => v === undefined)).toBe(true);
  });

  it('when the run is a dry run, then nothing is written back', async () => {
    const store = new InMemoryStateStore();
    const snapshot = await open(store, true);
    await sweep(snapshot, skus(20), () => 5);
    snapshot.leaveSweep();
    snapshot.set('SKU-99', item(1));

    expect(await snapshot.flush()).toBe(0);
    expect(store.calls.writes).toBe(0);
  });
});
