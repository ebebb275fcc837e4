import type { StateStore } from '../../state/state-store';
import type { FeedName } from './fulfillment-sync.deps';
import { CONTAINERS } from '../../state/connector-names';

export const CURSOR_CONTAINER = CONTAINERS.fulfillmentCursors;

/** Where a feed stopped: a date (date-range feeds) or the last key swept (progress feed). */
export interface FeedCursor {
  at?: string;
  after?: string;
  updatedAt: string;
}

/** Per-feed cursors on custom objects; written only after the records up to them are applied. */
export class CursorRepo {
  constructor(private readonly store: StateStore) {}

  async get(feed: FeedName): Promise<FeedCursor | undefined> {
    return (await this.store.get<FeedCursor>(CURSOR_CONTAINER, feed))?.value;
  }

  async set(feed: FeedName, cursor: Omit<FeedCursor, 'updatedAt'>, now: Date): Promise<void> {
    await this.store.put<FeedCursor>(CURSOR_CONTAINER, feed, {
      ...cursor,
      updatedAt: now.toISOString(),
    });
  }
}

/** Window of a date-range feed: from the cursor less the overlap (or the first-run lookback) to now. */
export function windowFrom(
  cursor: FeedCursor | undefined,
  now: Date,
  overlapMinutes: number,
  initialLookbackHours: number,
): Date {
  if (cursor?.at) return new Date(Date.parse(cursor.at) - overlapMinutes * 60_000);

  return new Date(now.getTime() - initialLookbackHours * 3_600_000);
}
