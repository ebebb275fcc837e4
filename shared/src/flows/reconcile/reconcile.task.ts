import type { ConnectorAlerts } from '../../alerts/connector-alerts';
import type { CtApi } from '../../commercetools/client';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import type { Logger } from '../../logging/logger';
import type { OrderSyncReconciler } from '../order-sync/order-sync.flow';
import type { StockSyncReconciler } from '../stock-sync/stock-sync.flow';
import type { OrderDiscrepancy } from './order-discrepancies';
import { reconcileOrders } from './order-reconcile';
import {
  MAX_STORED_DISCREPANCIES,
  type ReconcileReportRepo,
  type ScheduledReconcileReport,
} from './reconcile-report.repo';
import type { ReconcileSettings } from './reconcile.settings';
import { afterSlice, cycleToWalk, type StockSlice, stockDriftToAlert } from './stock-cycle';
import type { StockDiscrepancy } from './stock-discrepancies';
import { reconcileStock, skuPage } from './stock-reconcile';

const PAGE = 200;
const DEFAULT_TIME_BUDGET_MS = 25 * 60_000;
/**
 * The orders may use this part of the time budget; the stock walk gets the rest (at least the
 * other half), so a busy order window never starves the stock walk run after run.
 */
export const ORDERS_BUDGET_SHARE = 0.5;

export interface ScheduledReconcileDeps {
  ct: CtApi;
  linnworks: LinnworksApi;
  orderSync: OrderSyncReconciler;
  /** Without it (no STOCK_LOCATION_MAPPING) the stock section is unavailable. */
  stockSync?: StockSyncReconciler;
  reports: ReconcileReportRepo;
  settings: ReconcileSettings;
  logger: Logger;
  alerts?: ConnectorAlerts;
  now: () => Date;
}

/** Discrepancies of one section: all counted by kind, the first ones kept. */
class Findings<D extends { kind: string }> {
  readonly kept: D[] = [];
  readonly counts: Record<string, number> = {};
  total = 0;
  checked = 0;

  add(found: D[]): void {
    for (const d of found) {
      this.total += 1;
      this.counts[d.kind] = (this.counts[d.kind] ?? 0) + 1;
      if (this.kept.length < MAX_STORED_DISCREPANCIES) this.kept.push(d);
    }
  }

  section() {
    const truncated = this.total > this.kept.length;

    return {
      checked: this.checked,
      discrepancies: this.kept,
      counts: this.counts,
      ...(truncated ? { truncated } : {}),
    };
  }
}

async function walkOrders(
  deps: ScheduledReconcileDeps,
  window: { from: string; to: string },
  inTime: () => boolean,
) {
  const findings = new Findings<OrderDiscrepancy>();
  let cursor: string | undefined = '';
  while (cursor !== undefined && inTime()) {
    const page = await reconcileOrders(deps, { ...window, limit: pageOf(deps), offset: 0, cursor });
    findings.checked += page.checked;
    findings.add(page.discrepancies);
    cursor = page.nextCursor;
  }

  return { findings, complete: cursor === undefined };
}

function pageOf(deps: ScheduledReconcileDeps): number {
  return deps.settings.pageSize ?? PAGE;
}

/** One run's slice of the stock walk: from `from` (an inventory entry id, '' = the start). */
async function walkStock(
  deps: ScheduledReconcileDeps,
  stockSync: StockSyncReconciler,
  from: string,
  inTime: () => boolean,
) {
  const findings = new Findings<StockDiscrepancy>();
  const desiredSlots = await stockSync.desiredSlots();
  const seen = new Set<string>();
  const limit = pageOf(deps);
  let cursor: string | undefined = from;
  while (cursor !== undefined && inTime()) {
    const page: { skus: string[]; nextCursor?: string | undefined } = await skuPage(
      deps.ct,
      limit,
      0,
      cursor,
    );
    // One SKU has an entry per channel: compare it once per run, on the page where it first appears.
    const fresh = page.skus.filter((sku) => !seen.has(sku));
    for (const sku of fresh) seen.add(sku);
    if (fresh.length > 0) {
      const result = await reconcileStock(
        { ...deps, desiredSlots, tolerance: deps.settings.stockTolerance },
        { skus: fresh, limit, offset: 0 },
      );
      findings.add(result.discrepancies);
    }
    cursor = page.nextCursor;
  }
  findings.checked = seen.size;
  const slice: StockSlice = {
    cursor,
    checked: findings.checked,
    drift: findings.total,
    counts: findings.counts,
  };

  return { findings, slice };
}

/** The stock section: this run's slice of the cycle the stored cursor says, and the cycle after it. */
async function stockSection(
  deps: ScheduledReconcileDeps,
  stockSync: StockSyncReconciler,
  started: Date,
  inTime: () => boolean,
) {
  const stored = await deps.reports.stockCycle();
  const walk = cycleToWalk(stored.state, started);
  const { findings, slice } = await walkStock(deps, stockSync, walk.progress.cursor, inTime);
  const { state, summary } = afterSlice({ ...walk, state: stored.state }, slice, deps.now());
  await deps.reports.saveStockCycle(state, stored.version);
  const previous = stored.state?.previous;

  return {
    section: {
      checkedSkus: findings.checked,
      ...findings.section(),
      cycle: summary,
      ...(previous ? { previousCycle: previous } : {}),
    },
    drift: findings.total,
    complete: summary.complete,
    progressed: slice.cursor !== walk.progress.cursor,
    alerted: stockDriftToAlert(summary, previous),
  };
}

/**
 * The scheduled reconciliation: every order created in the lookback window (within its share of
 * the time budget), then the SKUs commercetools holds inventory for, paged by inventory entry id
 * from where the last run stopped (`stock-cycle.ts`), compared with Linnworks as
 * `POST /reconcile` does; the report is stored (`GET /reconcile/latest`) and drift raises an
 * alert, resolved by a later run that finds none (stock: a complete cycle that finds none).
 */
export async function runScheduledReconcile(
  deps: ScheduledReconcileDeps,
): Promise<ScheduledReconcileReport> {
  const started = deps.now();
  const budget = deps.settings.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const before = (ms: number) => () => deps.now().getTime() < started.getTime() + ms;
  const window = {
    from: new Date(started.getTime() - deps.settings.orderLookbackMs).toISOString(),
    to: started.toISOString(),
  };
  const orders = await walkOrders(deps, window, before(budget * ORDERS_BUDGET_SHARE));
  const stock = deps.stockSync
    ? await stockSection(deps, deps.stockSync, started, before(budget))
    : undefined;
  const finished = deps.now();
  const report: ScheduledReconcileReport = {
    generatedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    status: orders.complete && (stock?.complete ?? true) ? 'completed' : 'partial',
    drift: orders.findings.total + (stock?.drift ?? 0),
    orders: { window, ...orders.findings.section(), complete: orders.complete },
    stock: stock?.section ?? { unavailable: 'no STOCK_LOCATION_MAPPING: stock is not reconciled' },
  };
  await deps.reports.save(report);
  deps.logger.info(
    { status: report.status, drift: report.drift, durationMs: report.durationMs },
    'reconciliation stored',
  );
  await alertOnDrift(deps, {
    orders: orders.findings,
    stock: stock?.alerted,
    // Cut by its budget, yet a resumable walk that moved on: the job was not cut short.
    jobStatus: orders.complete && (stock?.progressed ?? true) ? 'completed' : report.status,
  });

  return report;
}

/**
 * The drift alert counts this run's orders and the stock differences the cycle knows of
 * (`stockDriftToAlert`): a clean slice does not resolve drift an earlier slice found.
 */
async function alertOnDrift(
  deps: ScheduledReconcileDeps,
  seen: {
    orders: { total: number; counts: Record<string, number> };
    stock: { drift: number; counts: Record<string, number> } | undefined;
    jobStatus: ScheduledReconcileReport['status'];
  },
) {
  if (!deps.alerts) return;
  const drift = seen.orders.total + (seen.stock?.drift ?? 0);
  const counts = {
    ...prefixed('orders', seen.orders.counts),
    ...prefixed('stock', seen.stock?.counts ?? {}),
  };
  await deps.alerts.alerter.observe('reconcile-drift', 'either', async () => ({
    key: 'reconcile-drift',
    kind: 'reconcile-drift',
    firing: drift > 0,
    flow: 'reconcile',
    title: `Reconciliation found ${drift} differences between commercetools and Linnworks`,
    count: drift,
    counts,
    route: '/reconcile/latest',
  }));
  const everyMs = deps.settings.everyMinutes * 60_000;
  await deps.alerts.jobs.afterRun('reconcile', { report: { status: seen.jobStatus } }, 2 * everyMs);
}

function prefixed(section: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${section}.${k}`, v]));
}
