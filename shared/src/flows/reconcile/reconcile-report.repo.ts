import type { StateStore } from '../../state/state-store';
import type { OrderDiscrepancy } from './order-discrepancies';
import type { Unavailable } from './reconcile.service';
import type { CompletedStockCycle, StockCycleState, StockCycleSummary } from './stock-cycle';
import type { StockDiscrepancy } from './stock-discrepancies';
import { CONTAINERS } from '../../state/connector-names';

export const RECONCILE_CONTAINER = CONTAINERS.reconcile;
const LATEST_KEY = 'latest';
/** Where the stock walk continues (deleting it starts a new cycle at the next run). */
const STOCK_CYCLE_KEY = 'stock-cycle';

/** Discrepancies kept per section in the stored report (counts cover all of them). */
export const MAX_STORED_DISCREPANCIES = 1000;

interface Section<D> {
  checked: number;
  discrepancies: D[];
  /** Discrepancies by kind, over all found (also those beyond the stored list). */
  counts: Record<string, number>;
  truncated?: boolean;
}

/**
 * What a scheduled reconciliation found: the orders of the whole window, and the next slice of
 * the SKUs (paged by cursors, continuing across runs: `stock.cycle`). Sections, `drift` and
 * `discrepancies` are this run's findings; `stock.cycle` sums up the cycle so far.
 */
export interface ScheduledReconcileReport {
  generatedAt: string;
  finishedAt: string;
  durationMs: number;
  /** `partial` when the time budget ended the paging (what was compared is reported). */
  status: 'completed' | 'partial';
  /** Discrepancies this run found in all, orders and stock. */
  drift: number;
  orders:
    | (Section<OrderDiscrepancy> & {
        window: { from: string; to: string };
        /** false: the orders' share of the time budget ended before the window's end. */
        complete?: boolean;
      })
    | Unavailable;
  stock:
    | (Section<StockDiscrepancy> & {
        checkedSkus: number;
        cycle?: StockCycleSummary;
        /** The last cycle that reached the end (before this one). */
        previousCycle?: CompletedStockCycle;
      })
    | Unavailable;
}

/** The latest scheduled report, in a custom object. */
export class ReconcileReportRepo {
  constructor(private readonly store: StateStore) {}

  async save(report: ScheduledReconcileReport): Promise<void> {
    await this.store.put(RECONCILE_CONTAINER, LATEST_KEY, report);
  }

  async latest(): Promise<ScheduledReconcileReport | undefined> {
    return (await this.store.get<ScheduledReconcileReport>(RECONCILE_CONTAINER, LATEST_KEY))?.value;
  }

  /** Where the stock walk stands, with the version its save compares against. */
  async stockCycle(): Promise<{ state?: StockCycleState; version?: number }> {
    const stored = await this.store.get<StockCycleState>(RECONCILE_CONTAINER, STOCK_CYCLE_KEY);

    return stored ? { state: stored.value, version: stored.version } : {};
  }

  /** Compare-and-set: a run racing another one fails (VersionConflictError) and stores nothing. */
  async saveStockCycle(state: StockCycleState, version: number | undefined): Promise<void> {
    await this.store.put(RECONCILE_CONTAINER, STOCK_CYCLE_KEY, state, version);
  }
}
