import { randomUUID } from 'node:crypto';

import type { StateStore } from '../../state/state-store';
import { CONTAINERS } from '../../state/connector-names';

export const STOCK_STATE_CONTAINER = CONTAINERS.stockState;
export const STOCK_SNAPSHOT_CONTAINER = CONTAINERS.stockSnapshot;
/**
 * Sweep positions one snapshot segment holds: the items of 5 pages of 200 in Linnworks'
 * `GetStockItemsFull` order, ≈ 200 KB stored with 3 locations. A run holds at most three
 * segments and the hot overlay, whatever the catalogue size.
 */
export const SEGMENT_ITEMS = 1000;
/** 3: segments by sweep position (#14). 2: 256 FNV hash buckets, all loaded whole (#12). */
const SNAPSHOT_FORMAT = 3;
const LEGACY_BUCKETS = 256;
const META_KEY = 'snapshot-meta';
const OVERLAY_KEY = 'hot-overlay';

/** `[quantityOnStock, version, inventory entry id]` as last written or read. */
export type SnapshotPair = [number, number, string];

/**
 * What was last written (or found) in commercetools for one Linnworks item, per slot (supply
 * channel key, or `*` for the aggregate), and under `@` the commercetools SKU when it differs
 * from the item's key (barcode matches). Keeping the entry's id and version lets a changed pair
 * be written without looking the entry up first.
 */
export type SnapshotItem = Record<string, SnapshotPair | string>;

/** Items by key, each held as its JSON text (≈ 5 times smaller on the heap than objects). */
export type SnapshotTexts = Map<string, string>;

/**
 * The snapshot's identity: segments and overlay of another generation (written before a reset
 * or by an interrupted first run of an earlier generation) read as empty.
 */
export interface SnapshotMeta {
  format: number;
  generation: string;
  segmentItems: number;
  /** Segment objects that may exist: `segment-0` … `segment-(segments − 1)`. */
  segments: number;
  createdAt: string;
}

interface GenerationValue {
  format: number;
  generation: string;
}

interface SegmentValue extends GenerationValue {
  segment: number;
  items: Record<string, SnapshotItem>;
}

interface OverlayValue extends GenerationValue {
  /** Per key: when the hot lane recorded it (ms) and the item. */
  items: Record<string, [number, SnapshotItem]>;
}

export interface OpenedMeta {
  /** The current format's meta for this segment size; undefined means start a new generation. */
  meta: SnapshotMeta | undefined;
  /** A format-2 snapshot (hash buckets) is stored: its objects are deleted on the first flush. */
  legacy: boolean;
}

export function segmentKey(segment: number): string {
  return `segment-${String(segment).padStart(5, '0')}`;
}

export async function openMeta(store: StateStore, segmentItems: number): Promise<OpenedMeta> {
  const stored = (await store.get<SnapshotMeta>(STOCK_STATE_CONTAINER, META_KEY))?.value;
  if (!stored) return { meta: undefined, legacy: false };
  if (stored.format !== SNAPSHOT_FORMAT) return { meta: undefined, legacy: true };
  if (stored.segmentItems !== segmentItems) return { meta: undefined, legacy: false };

  return { meta: stored, legacy: false };
}

export function newMeta(segmentItems: number, at: Date, segments = 0): SnapshotMeta {
  return {
    format: SNAPSHOT_FORMAT,
    generation: `${at.toISOString()}/${randomUUID().slice(0, 8)}`,
    segmentItems,
    segments,
    createdAt: at.toISOString(),
  };
}

export async function saveMeta(store: StateStore, meta: SnapshotMeta): Promise<void> {
  await store.put(STOCK_STATE_CONTAINER, META_KEY, meta);
}

function ofGeneration(value: GenerationValue | undefined, meta: SnapshotMeta): boolean {
  return value?.format === SNAPSHOT_FORMAT && value.generation === meta.generation;
}

function toTexts(items: Record<string, SnapshotItem>): SnapshotTexts {
  const texts: SnapshotTexts = new Map();
  for (const [key, item] of Object.entries(items)) texts.set(key, JSON.stringify(item));

  return texts;
}

function fromTexts(texts: SnapshotTexts): Record<string, SnapshotItem> {
  const items: Record<string, SnapshotItem> = {};
  for (const [key, text] of texts) items[key] = JSON.parse(text) as SnapshotItem;

  return items;
}

/** One segment's items (empty when it was never written in this generation). */
export async function loadSegment(
  store: StateStore,
  meta: SnapshotMeta,
  segment: number,
): Promise<SnapshotTexts> {
  const stored = await store.get<SegmentValue>(STOCK_SNAPSHOT_CONTAINER, segmentKey(segment));

  return stored && ofGeneration(stored.value, meta) ? toTexts(stored.value.items) : new Map();
}

export async function saveSegment(
  store: StateStore,
  meta: SnapshotMeta,
  segment: number,
  texts: SnapshotTexts,
): Promise<void> {
  const value: SegmentValue = {
    format: SNAPSHOT_FORMAT,
    generation: meta.generation,
    segment,
    items: fromTexts(texts),
  };
  await store.put(STOCK_SNAPSHOT_CONTAINER, segmentKey(segment), value);
}

/** Segments from `from` up to the meta's count: past the end of the catalogue. */
export async function dropSegments(store: StateStore, from: number, upTo: number): Promise<number> {
  for (let segment = from; segment < upTo; segment++) {
    await store.delete(STOCK_SNAPSHOT_CONTAINER, segmentKey(segment));
  }

  return Math.max(0, upTo - from);
}

/** What the hot lane recorded since the sweep last passed those items: key → [at, text]. */
export type OverlayTexts = Map<string, [number, string]>;

export async function loadOverlay(store: StateStore, meta: SnapshotMeta): Promise<OverlayTexts> {
  const stored = await store.get<OverlayValue>(STOCK_SNAPSHOT_CONTAINER, OVERLAY_KEY);
  const overlay: OverlayTexts = new Map();
  if (!stored || !ofGeneration(stored.value, meta)) return overlay;
  for (const [key, [at, item]] of Object.entries(stored.value.items)) {
    overlay.set(key, [at, JSON.stringify(item)]);
  }

  return overlay;
}

export async function saveOverlay(
  store: StateStore,
  meta: SnapshotMeta,
  overlay: OverlayTexts,
): Promise<void> {
  const items: OverlayValue['items'] = {};
  for (const [key, [at, text]] of overlay) items[key] = [at, JSON.parse(text) as SnapshotItem];
  const value: OverlayValue = { format: SNAPSHOT_FORMAT, generation: meta.generation, items };
  await store.put(STOCK_SNAPSHOT_CONTAINER, OVERLAY_KEY, value);
}

/** Deletes the 256 hash buckets of a format-2 snapshot (the upgrade from #12). */
export async function dropLegacyBuckets(store: StateStore): Promise<number> {
  for (let bucket = 0; bucket < LEGACY_BUCKETS; bucket++) {
    await store.delete(STOCK_SNAPSHOT_CONTAINER, `bucket-${String(bucket).padStart(3, '0')}`);
  }

  return LEGACY_BUCKETS;
}

/** Forgets the snapshot: the next run compares every pair against commercetools itself. */
export async function resetStockSnapshot(store: StateStore): Promise<void> {
  await store.delete(STOCK_STATE_CONTAINER, META_KEY);
}
