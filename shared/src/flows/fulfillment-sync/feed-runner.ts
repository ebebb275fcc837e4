import type { ApplyContext, FeedName } from './fulfillment-context';
import type { CursorRepo } from './cursor.repo';
import type { StateInfo } from './fulfillment-states';

/** What a run hands each feed: its cursors, the clock, paging and the time budget. */
export interface FeedRun extends ApplyContext {
  cursors: CursorRepo;
  now: () => Date;
  pageSize: number;
  overlapMinutes: number;
  initialLookbackHours: number;
  /** True once the run's time budget is spent: the feed saves its cursor and stops. */
  outOfTime: () => boolean;
  /** Id of the line-item state of cancelled quantities, if it exists. */
  cancelledStateId: string | undefined;
  /** The flow's custom states by key (progress order states, the cancelled line-item state). */
  states: Map<string, StateInfo>;
}

/** How a feed ended: done, or stopped by the time budget (the run is then `partial`). */
export type FeedOutcome = 'done' | 'time-budget';

export type Feed = (run: FeedRun) => Promise<FeedOutcome>;

export async function saveCursor(
  run: FeedRun,
  feed: FeedName,
  cursor: { at?: string; after?: string },
): Promise<void> {
  if (run.dryRun) return;
  await run.cursors.set(feed, cursor, run.now());
}
