import type { StateStore } from '../../state/state-store';
import { CONTAINERS } from '../../state/connector-names';

export const STOCK_STATE_CONTAINER = CONTAINERS.stockState;
export const STOCK_SNAPSHOT_CONTAINER = CONTAINERS.stockSnapshot;
/** Fixed, so state stays at most this many objects; 100k SKUs × 3 slots ≈ 80 KB each. */
export const SNAPSHOT_BUCKETS = 256;
const SNAPSHOT_FORMAT = 2;
const META_KEY = 'snapshot-meta';
const FLUSH_CONCURRENCY = 8;

/** `[quantityOnStock, version, inventory entry id]` as last written or read. */
export type SnapshotPair = [number, number, string];

/**
 * What was last written (or found) in commercetools for one Linnworks item, per slot (supply
 * channel key, or `*` for the aggregate), and under `@` the commercetools SKU when it differs
 * from the item's key (barcode matches). Keeping the entry's id and version lets a changed pair
 * be written without looking the entry up first.
 */
export type SnapshotItem = Record<string, SnapshotPair | string>;

interface SnapshotBucket {
  format: number;
  bucket: number;
  items: Record<string, SnapshotItem>;
}

interface SnapshotMeta {
  format: number;
  buckets: number;
  createdAt: string;
}

/** FNV-1a: a stable bucket per item key, independent of page order in Linnworks. */
export function snapshotBucketOf(key: string, buckets = SNAPSHOT_BUCKETS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }

  return (hash >>> 0) % buckets;
}

function bucketKey(bucket: number): string {
  return `bucket-${String(bucket).padStart(3, '0')}`;
}

/**
 * The compact record of what stock-sync last wrote, held in memory for a run and stored as
 * `SNAPSHOT_BUCKETS` custom objects (only changed buckets are written back). Without its meta
 * object the snapshot counts as empty, so the run compares against commercetools itself; that
 * is also how a reset works (`resetStockSnapshot`).
 */
export class StockSnapshot {
  private readonly dirty = new Set<number>();

  /**
   * Items are held as their JSON text, not as objects: 100k SKUs × 3 pairs take about 36 MB
   * of heap this way against about 180 MB as objects (measured), which keeps memory bounded.
   */
  private constructor(
    private readonly buckets: Map<number, Map<string, string>>,
    /** True when no usable snapshot existed: every bucket is rewritten on the first flush. */
    readonly fresh: boolean,
  ) {
    if (fresh) for (let b = 0; b < SNAPSHOT_BUCKETS; b++) this.dirty.add(b);
  }

  static empty(): StockSnapshot {
    return new StockSnapshot(new Map(), true);
  }

  static async load(store: StateStore): Promise<StockSnapshot> {
    const meta = await store.get<SnapshotMeta>(STOCK_STATE_CONTAINER, META_KEY);
    if (!meta || meta.value.format !== SNAPSHOT_FORMAT || meta.value.buckets !== SNAPSHOT_BUCKETS) {
      return StockSnapshot.empty();
    }
    const buckets = new Map<number, Map<string, string>>();
    for await (const page of store.scan<SnapshotBucket>(STOCK_SNAPSHOT_CONTAINER, {
      pageSize: 20,
    })) {
      for (const object of page) {
        if (object.value.format !== SNAPSHOT_FORMAT) continue;
        const items = new Map<string, string>();
        for (const [key, item] of Object.entries(object.value.items)) {
          items.set(key, JSON.stringify(item));
        }
        buckets.set(object.value.bucket, items);
      }
    }

    return new StockSnapshot(buckets, false);
  }

  get(key: string): SnapshotItem | undefined {
    const text = this.buckets.get(snapshotBucketOf(key))?.get(key);

    return text === undefined ? undefined : (JSON.parse(text) as SnapshotItem);
  }

  set(key: string, item: SnapshotItem): void {
    const bucket = snapshotBucketOf(key);
    let items = this.buckets.get(bucket);
    if (!items) {
      items = new Map();
      this.buckets.set(bucket, items);
    }
    items.set(key, JSON.stringify(item));
    this.dirty.add(bucket);
  }

  /** Items held (for tests and reports). */
  get size(): number {
    let size = 0;
    for (const items of this.buckets.values()) size += items.size;

    return size;
  }

  private bucketItems(bucket: number): Record<string, SnapshotItem> {
    const items: Record<string, SnapshotItem> = {};
    for (const [key, text] of this.buckets.get(bucket) ?? []) {
      items[key] = JSON.parse(text) as SnapshotItem;
    }

    return items;
  }

  get dirtyBuckets(): number {
    return this.dirty.size;
  }

  /** Writes the changed buckets (and, the first time, the meta object). Returns objects written. */
  async flush(store: StateStore, now: () => Date): Promise<number> {
    const pending = [...this.dirty];
    this.dirty.clear();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pending.length) {
        const bucket = pending[next++] as number;
        const value: SnapshotBucket = {
          format: SNAPSHOT_FORMAT,
          bucket,
          items: this.bucketItems(bucket),
        };
        await store.put(STOCK_SNAPSHOT_CONTAINER, bucketKey(bucket), value);
      }
    };
    await Promise.all(Array.from({ length: FLUSH_CONCURRENCY }, worker));
    let written = pending.length;
    if (this.fresh && pending.length > 0) {
      const existing = await store.get<SnapshotMeta>(STOCK_STATE_CONTAINER, META_KEY);
      if (!existing || existing.value.format !== SNAPSHOT_FORMAT) {
        await store.put<SnapshotMeta>(STOCK_STATE_CONTAINER, META_KEY, {
          format: SNAPSHOT_FORMAT,
          buckets: SNAPSHOT_BUCKETS,
          createdAt: now().toISOString(),
        });
        written++;
      }
    }

    return written;
  }
}

/** Forgets the snapshot: the next run compares every pair against commercetools itself. */
export async function resetStockSnapshot(store: StateStore): Promise<void> {
  await store.delete(STOCK_STATE_CONTAINER, META_KEY);
}
