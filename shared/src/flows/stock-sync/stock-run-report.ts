import type { JobRunReport } from '../../http/job-app';
import type { HotLaneReport } from './stock-run.hot-lane';
import type { StockRunCalls } from './stock-run.meter';

/** What happened to the items of one run (or one replay), counted as it happens. */
export interface StockItemCounts {
  /** Linnworks items read (sweep pages, or the SKUs of a replay). */
  itemsRead: number;
  /** Sweep pages read from Linnworks. */
  pagesRead: number;
  /** (SKU, slot) pairs whose desired quantity differed from commercetools (written, or would be in a dry run). */
  changed: number;
  /** `changeQuantity` updates made. */
  written: number;
  /** Inventory entries created. */
  created: number;
  /** Pairs the snapshot said were already right (no commercetools read). */
  unchanged: number;
  /** Pairs looked up in commercetools that already held the desired quantity. */
  alreadyInSync: number;
  skippedUnknownSku: number;
  /** Level rows of Linnworks locations the mapping does not mention. */
  skippedUnmappedLocation: number;
  /** Pairs that could not be written (recorded in the failure queue). */
  failed: number;
  /** Sweep pages that could not be read from Linnworks (recorded in the failure queue). */
  failedPages: number;
  /** Retries after a 409 on changeQuantity. */
  conflictsRetried: number;
}

/** Counters of one run; stored and logged with the report. Calls come from the adapters. */
export type StockSyncCounts = StockItemCounts & StockRunCalls;

export function emptyCounts(): StockItemCounts {
  return {
    itemsRead: 0,
    pagesRead: 0,
    changed: 0,
    written: 0,
    created: 0,
    unchanged: 0,
    alreadyInSync: 0,
    skippedUnknownSku: 0,
    skippedUnmappedLocation: 0,
    failed: 0,
    failedPages: 0,
    conflictsRetried: 0,
  };
}

/** A run that made no calls (a skipped run). */
export function noRunCalls(): StockRunCalls {
  return { linnworksCalls: 0, ctCalls: 0, ctReads: 0, ctInventoryWrites: 0, ctStateWrites: 0 };
}

/** First N unknown SKUs listed in a report. */
export const UNKNOWN_SKUS_LISTED = 50;

/** Where the full sweep stands after a run (the report's `sweep`; sync-admin's sweep lag). */
export interface SweepReport {
  /** True when this run read the last page (the next run starts a new pass). */
  finished: boolean;
  /** The page the next run reads first. */
  nextPage: number;
  pagesRead: number;
  /** When the pass in progress (or just finished) started. */
  startedAt: string;
  /** Upper bound of how long ago the least recently read SKU was read; null before a first pass. */
  oldestUnsweptAgeSeconds: number | null;
}

export interface StockSyncReport extends JobRunReport {
  flow: 'stock-sync';
  counts: StockSyncCounts & Record<string, number>;
  /** Page the sweep starts from next run (a checkpoint), absent when the sweep finished. */
  nextPage?: number;
  /** The first `UNKNOWN_SKUS_LISTED` Linnworks SKUs with no commercetools variant. */
  unknownSkus: string[];
  /** Linnworks locations seen in stock levels that the mapping does not mention. */
  unmappedLocations: Array<{ id: string; name: string }>;
  /** What the hot lane refreshed (absent in a skipped run). */
  hot?: HotLaneReport;
  sweep?: SweepReport;
}

/** The report of a run that started at `started` and ends now. */
export function stockRunReport(input: {
  status: StockSyncReport['status'];
  reason: string | undefined;
  dryRun: boolean;
  started: number;
  finished: number;
  counts: StockSyncCounts;
  extra?: Partial<StockSyncReport>;
}): StockSyncReport {
  return {
    flow: 'stock-sync',
    status: input.status,
    ...(input.reason ? { reason: input.reason } : {}),
    dryRun: input.dryRun,
    startedAt: new Date(input.started).toISOString(),
    finishedAt: new Date(input.finished).toISOString(),
    durationMs: input.finished - input.started,
    counts: { ...input.counts },
    unknownSkus: [],
    unmappedLocations: [],
    ...input.extra,
  };
}
