import type { StateStore } from '../../state/state-store';
import type { OrderDiscrepancy } from './order-discrepancies';
import type { Unavailable } from './reconcile.service';
import type { StockDiscrepancy } from './stock-discrepancies';
import { CONTAINERS } from '../../state/connector-names';

export const RECONCILE_CONTAINER = CONTAINERS.reconcile;
const LATEST_KEY = 'latest';

/** Discrepancies kept per section in the stored report (counts cover all of them). */
export const MAX_STORED_DISCREPANCIES = 1000;

interface Section<D> {
  checked: number;
  discrepancies: D[];
  /** Discrepancies by kind, over all found (also those beyond the stored list). */
  counts: Record<string, number>;
  truncated?: boolean;
}

/** What a scheduled reconciliation found: the whole window and every SKU, paged by cursors. */
export interface ScheduledReconcileReport {
  generatedAt: string;
  finishedAt: string;
  durationMs: number;
  /** `partial` when the time budget ended the paging (what was compared is reported). */
  status: 'completed' | 'partial';
  /** Discrepancies found in all, orders and stock. */
  drift: number;
  orders: (Section<OrderDiscrepancy> & { window: { from: string; to: string } }) | Unavailable;
  stock: (Section<StockDiscrepancy> & { checkedSkus: number }) | Unavailable;
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
}
