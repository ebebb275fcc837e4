import type { StateStore } from '../../state/state-store';
import {
  dropLegacyBuckets,
  dropSegments,
  loadOverlay,
  loadSegment,
  newMeta,
  openMeta,
  type OverlayTexts,
  saveMeta,
  saveOverlay,
  saveSegment,
  SEGMENT_ITEMS,
  type SnapshotItem,
  type SnapshotMeta,
} from './stock-snapshot.repo';
import {
  forgetUnseen,
  type LoadedSegment,
  loadedSegment,
  parse,
  takeItem,
} from './stock-snapshot.window';

/** Most items the hot overlay keeps; past it, the lane's items are looked up again. */
export const OVERLAY_MAX = 5000;

export interface SnapshotIo {
  store: StateStore;
  /** Sweep positions per segment (tests use small ones). */
  segmentItems: number;
  /** A dry run: nothing is written back. */
  readOnly: boolean;
  now: () => Date;
}

/**
 * What stock-sync last wrote, held a few segments at a time (ADR 4). The sweep says which page
 * it is on (`enterPage`): the snapshot holds that page's segment and its two neighbours (items
 * shift between pages as the catalogue changes), writes back and drops the one it leaves, and
 * keeps an item where the sweep met it last. Outside the sweep (hot lane, replays) items come
 * from the hot overlay or the segments in hand, and what is learnt goes to the overlay, which
 * the sweep folds into the segments as it passes. An item found nowhere is looked up in
 * commercetools by the caller, so a miss costs a read, never a wrong write.
 */
export class StockSnapshot {
  private readonly window = new Map<number, LoadedSegment>();
  /** The segment of the sweep's page; undefined outside the sweep (lane). */
  private home: number | undefined;
  private lastPage = 0;
  private lastHome: number | undefined;
  private overlayDirty = false;
  private metaSaved: boolean;

  private constructor(
    private readonly io: SnapshotIo | undefined,
    private readonly meta: SnapshotMeta,
    private readonly overlay: OverlayTexts,
    /** True when no usable snapshot existed: every item is compared against commercetools. */
    readonly fresh: boolean,
    private legacy: boolean,
  ) {
    this.metaSaved = !fresh;
  }

  /** A snapshot that starts empty and is never stored (replays). */
  static empty(): StockSnapshot {
    return new StockSnapshot(
      undefined,
      newMeta(SEGMENT_ITEMS, new Date(0)),
      new Map(),
      true,
      false,
    );
  }

  static async open(io: SnapshotIo): Promise<StockSnapshot> {
    const { meta, legacy } = await openMeta(io.store, io.segmentItems);
    if (!meta) {
      return new StockSnapshot(io, newMeta(io.segmentItems, io.now()), new Map(), true, legacy);
    }

    return new StockSnapshot(io, meta, await loadOverlay(io.store, meta), false, false);
  }

  /** Items in hand: the overlay and the segments loaded (for tests and reports). */
  get size(): number {
    let size = this.overlay.size;
    for (const segment of this.window.values()) size += segment.texts.size;

    return size;
  }

  /** Segments held in memory now (never more than three). */
  get segmentsHeld(): number {
    return this.window.size;
  }

  get(key: string): SnapshotItem | undefined {
    if (this.home === undefined) return parse(this.peek(key));
    const taken = takeItem(this.window, this.home, this.overlay, key);
    this.overlayDirty ||= taken.fromOverlay;

    return parse(taken.text);
  }

  set(key: string, item: SnapshotItem): void {
    const text = JSON.stringify(item);
    const home = this.home === undefined ? undefined : this.window.get(this.home);
    if (!home) {
      if (this.overlay.size >= OVERLAY_MAX && !this.overlay.has(key)) return;
      this.overlay.set(key, [this.io?.now().getTime() ?? 0, text]);
      this.overlayDirty = true;

      return;
    }
    home.texts.set(key, text);
    home.seen.add(key);
    home.dirty = true;
  }

  /** Outside the sweep (the hot lane): reads peek, writes go to the overlay. */
  leaveSweep(): void {
    this.home = undefined;
  }

  /**
   * The sweep is on `page`: hold its segment and both neighbours, writing back (and dropping)
   * any other. A segment the sweep read whole in this run loses the items it did not meet
   * (archived in Linnworks, or moved more than a segment away: looked up again when met).
   */
  async enterPage(page: number, pageSize: number): Promise<void> {
    const items = this.meta.segmentItems;
    const segment = Math.floor(((page - 1) * pageSize) / items);
    if (this.lastHome !== undefined && page !== this.lastPage + 1) {
      const previous = this.window.get(this.lastHome);
      if (previous) previous.whole = false;
    }
    for (const held of [...this.window.keys()]) {
      if (held < segment - 1 || held > segment + 1) await this.evict(held);
    }
    for (const wanted of [segment - 1, segment, segment + 1]) {
      if (wanted >= 0 && !this.window.has(wanted)) this.window.set(wanted, await this.load(wanted));
    }
    const home = this.window.get(segment) as LoadedSegment;
    if (home.lastPage === 0) home.whole = page === Math.ceil((segment * items) / pageSize) + 1;
    else if (page !== home.lastPage + 1) home.whole = false;
    home.lastPage = page;
    this.home = segment;
    this.lastHome = segment;
    this.lastPage = page;
  }

  /**
   * The sweep read the last page: segments past it hold only items no longer in the catalogue
   * (dropped), and overlay items recorded before the sweep started were met or are gone.
   */
  async finishSweep(sweepStartedAt: number): Promise<void> {
    if (!this.io || this.io.readOnly || this.lastHome === undefined) return;
    const end = this.lastHome;
    for (const held of [...this.window.keys()]) if (held > end) this.window.delete(held);
    for (const held of [...this.window.keys()]) await this.evict(held);
    await dropSegments(this.io.store, end + 1, this.meta.segments);
    if (this.meta.segments !== end + 1) {
      this.meta.segments = end + 1;
      this.metaSaved = false;
    }
    for (const [key, [at]] of this.overlay) {
      if (at >= sweepStartedAt) continue;
      this.overlay.delete(key);
      this.overlayDirty = true;
    }
  }

  /** Writes back what changed (segments in hand, overlay, meta). Returns objects written. */
  async flush(): Promise<number> {
    if (!this.io || this.io.readOnly) return 0;
    let written = 0;
    for (const [index, segment] of this.window) {
      if (segment.dirty) written += await this.save(index, segment);
    }
    if (this.overlayDirty) {
      await saveOverlay(this.io.store, this.meta, this.overlay);
      this.overlayDirty = false;
      written++;
    }
    if (this.legacy) {
      this.legacy = false;
      await dropLegacyBuckets(this.io.store);
    }
    if (!this.metaSaved) {
      await saveMeta(this.io.store, this.meta);
      this.metaSaved = true;
      written++;
    }

    return written;
  }

  private peek(key: string): string | undefined {
    const hot = this.overlay.get(key);
    if (hot) return hot[1];
    for (const segment of this.window.values()) {
      const text = segment.texts.get(key);
      if (text !== undefined) return text;
    }

    return undefined;
  }

  private async load(index: number): Promise<LoadedSegment> {
    const texts = this.io ? await loadSegment(this.io.store, this.meta, index) : new Map();

    return loadedSegment(texts);
  }

  private async evict(index: number): Promise<void> {
    const segment = this.window.get(index) as LoadedSegment;
    this.window.delete(index);
    if (segment.whole) forgetUnseen(segment);
    if (segment.dirty) await this.save(index, segment);
  }

  private async save(index: number, segment: LoadedSegment): Promise<number> {
    segment.dirty = false;
    if (!this.io || this.io.readOnly) return 0;
    await saveSegment(this.io.store, this.meta, index, segment.texts);
    if (index >= this.meta.segments) {
      this.meta.segments = index + 1;
      this.metaSaved = false;
    }

    return 1;
  }
}
