import type { FailureQueue } from '../../state/failure-queue';
import type { HotLaneReport } from './stock-run.hot-lane';
import type { StockRunLease } from './stock-run.lease';
import type { StockRunPlan } from './stock-run.plan';
import type { StockSyncDeps } from './stock-sync.deps';

/** One run in progress, as its steps (sweep, checkpoint, report) see it. */
export interface StockRun {
  deps: StockSyncDeps;
  plan: StockRunPlan;
  dryRun: boolean;
  /** When the run started (ms since epoch, from `now`). */
  started: number;
  now: () => number;
  lease: StockRunLease;
  failures: FailureQueue;
  pageSize: number;
}

/** Where a sweep is, across the runs it spans (the checkpoint), and what this run met. */
export interface SweepProgress {
  /** The page to read next. */
  page: number;
  /** When the sweep in progress started (ISO). */
  sweepStartedAt: string;
  /** Pairs or pages that failed so far in this sweep (across runs). */
  sweepFailures: number;
  /** When the last complete sweep started (ISO), if one ever completed. */
  lastSweepStartedAt?: string;
  /** Why the run stopped before the last page; undefined once the sweep read every page. */
  stopReason?: string;
  /** The first Linnworks SKUs met with no commercetools variant. */
  unknownSkus: string[];
  unmappedLocationIds: Set<string>;
  /** What the hot lane did in this run (all its passes), and when it last ran. */
  hot?: HotLaneReport;
  hotAt?: number;
}
