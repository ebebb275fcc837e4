import type { OverlayTexts, SnapshotItem, SnapshotTexts } from './stock-snapshot.repo';

/** A segment of the snapshot in memory, with what this run's sweep did with it. */
export interface LoadedSegment {
  texts: SnapshotTexts;
  dirty: boolean;
  /** This run entered the segment at its first page and read every page of it in order. */
  whole: boolean;
  /** The last page read while this segment was the sweep's (0: never). */
  lastPage: number;
  /** Keys the sweep met while this segment was its own. */
  seen: Set<string>;
}

export function loadedSegment(texts: SnapshotTexts): LoadedSegment {
  return { texts, dirty: false, whole: false, lastPage: 0, seen: new Set() };
}

export function parse(text: string | undefined): SnapshotItem | undefined {
  return text === undefined ? undefined : (JSON.parse(text) as SnapshotItem);
}

/**
 * The item for the sweep's page: moved into the page's segment (`home`) from a neighbour
 * (items shift between pages as the catalogue changes) or from the hot overlay (newer than any
 * segment: the lane wrote it after the sweep last passed).
 */
export function takeItem(
  window: ReadonlyMap<number, LoadedSegment>,
  home: number,
  overlay: OverlayTexts,
  key: string,
): { text: string | undefined; fromOverlay: boolean } {
  const own = window.get(home) as LoadedSegment;
  own.seen.add(key);
  let text = own.texts.get(key);
  for (const segment of window.values()) {
    const found = segment === own ? undefined : segment.texts.get(key);
    if (found === undefined) continue;
    segment.texts.delete(key);
    segment.dirty = true;
    text ??= found;
  }
  const hot = overlay.get(key);
  if (hot) {
    overlay.delete(key);
    text = hot[1];
  }
  if (text !== undefined && own.texts.get(key) !== text) {
    own.texts.set(key, text);
    own.dirty = true;
  }

  return { text, fromOverlay: hot !== undefined };
}

/**
 * After a whole pass over a segment: items the sweep did not meet are no longer in the
 * catalogue (or moved further than a neighbour segment: looked up again when met).
 */
export function forgetUnseen(segment: LoadedSegment): void {
  for (const key of segment.texts.keys()) {
    if (segment.seen.has(key)) continue;
    segment.texts.delete(key);
    segment.dirty = true;
  }
}
