/**
 * The stock walk of the scheduled reconciliation spans runs: a catalogue too large for one run's
 * time budget is compared slice by slice, each run continuing after the inventory entry id the
 * last one reached. One pass from the first entry to the last is a *cycle*; the run that reaches
 * the end completes it and the next run starts the next cycle from the beginning.
 */

/** A cycle under way (custom object `lw-reconcile/stock-cycle`, `current`). */
export interface StockCycleProgress {
  startedAt: string;
  /** The inventory entry id the next run continues after; '' is the cycle's start. */
  cursor: string;
  /** Runs that compared part of this cycle. */
  runs: number;
  /** SKUs compared so far (a SKU with entries in several channels may count in two runs). */
  skusChecked: number;
  /** Stock differences found so far in this cycle, in all and by kind. */
  drift: number;
  counts: Record<string, number>;
}

/** The last cycle that reached the end of the catalogue. */
export interface CompletedStockCycle extends Omit<StockCycleProgress, 'cursor'> {
  completedAt: string;
}

export interface StockCycleState {
  /** Absent: the next run starts a new cycle. */
  current?: StockCycleProgress;
  previous?: CompletedStockCycle;
}

/** What a report says of the cycle its run belongs to (`stock.cycle`). */
export interface StockCycleSummary {
  startedAt: string;
  runs: number;
  skusCheckedThisCycle: number;
  /** This run reached the end: the whole catalogue was compared in this cycle. */
  complete: boolean;
  completedAt?: string;
  /** This run continued a cycle an earlier run started. */
  resumed: boolean;
  /** Stock differences found in this cycle so far (this run's and its earlier runs'). */
  drift: number;
  counts: Record<string, number>;
}

/** What one run's stock walk did. */
export interface StockSlice {
  /** Where the walk stopped; undefined when it reached the end. */
  cursor: string | undefined;
  checked: number;
  drift: number;
  counts: Record<string, number>;
}

/** The cycle a run works on: the stored one, or a new one from the beginning. */
export function cycleToWalk(state: StockCycleState | undefined, now: Date) {
  const current = state?.current;

  return {
    progress: current ?? {
      startedAt: now.toISOString(),
      cursor: '',
      runs: 0,
      skusChecked: 0,
      drift: 0,
      counts: {},
    },
    resumed: current !== undefined,
  };
}

function added(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum = { ...a };
  for (const [kind, n] of Object.entries(b)) sum[kind] = (sum[kind] ?? 0) + n;

  return sum;
}

/** The cycle after this run's slice: what to store, and what the report says. */
export function afterSlice(
  before: { state: StockCycleState | undefined; progress: StockCycleProgress; resumed: boolean },
  slice: StockSlice,
  finishedAt: Date,
): { state: StockCycleState; summary: StockCycleSummary } {
  const progress = {
    startedAt: before.progress.startedAt,
    runs: before.progress.runs + 1,
    skusChecked: before.progress.skusChecked + slice.checked,
    drift: before.progress.drift + slice.drift,
    counts: added(before.progress.counts, slice.counts),
  };
  const complete = slice.cursor === undefined;
  const completedAt = finishedAt.toISOString();
  const previous: CompletedStockCycle | undefined = complete
    ? { ...progress, completedAt }
    : before.state?.previous;
  const state: StockCycleState = {
    ...(complete ? {} : { current: { ...progress, cursor: slice.cursor ?? '' } }),
    ...(previous ? { previous } : {}),
  };
  const { skusChecked, ...rest } = progress;

  return {
    state,
    summary: {
      ...rest,
      skusCheckedThisCycle: skusChecked,
      complete,
      ...(complete ? { completedAt } : {}),
      resumed: before.resumed,
    },
  };
}

/**
 * The stock differences the drift alert counts. A completed cycle's own figure; while a cycle is
 * under way, its earlier slices' and the last completed cycle's (the slices not compared again
 * yet may still differ), whichever is larger: a clean slice never resolves the alert while an
 * earlier slice of the same cycle, or the last complete cycle, found drift.
 */
export function stockDriftToAlert(
  summary: StockCycleSummary,
  previous: CompletedStockCycle | undefined,
): { drift: number; counts: Record<string, number> } {
  const known = summary.complete || !previous || summary.drift >= previous.drift;

  return known ? summary : previous;
}
