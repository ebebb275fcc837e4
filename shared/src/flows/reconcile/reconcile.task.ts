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
import type { StockDiscrepancy } from './stock-discrepancies';
import { reconcileStock, skuPage } from './stock-reconcile';

const PAGE = 200;

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
    const page = await reconcileOrders(deps, { ...window, limit: PAGE, offset: 0, cursor });
    findings.checked += page.checked;
    findings.add(page.discrepancies);
    cursor = page.nextCursor;
  }

  return { findings, complete: cursor === undefined };
}

async function walkStock(
  deps: ScheduledReconcileDeps,
  stockSync: StockSyncReconciler,
  inTime: () => boolean,
) {
  const findings = new Findings<StockDiscrepancy>();
  const desiredSlots = await stockSync.desiredSlots();
  const seen = new Set<string>();
  let cursor: string | undefined = '';
  while (cursor !== undefined && inTime()) {
    const page: { skus: string[]; nextCursor?: string | undefined } = await skuPage(
      deps.ct,
      PAGE,
      0,
      cursor,
    );
    // One SKU has an entry per channel: compare it once, on the page where it first appears.
    const fresh = page.skus.filter((sku) => !seen.has(sku));
    for (const sku of fresh) seen.add(sku);
    if (fresh.length > 0) {
      const result = await reconcileStock(
        { ...deps, desiredSlots, tolerance: deps.settings.stockTolerance },
        { skus: fresh, limit: PAGE, offset: 0 },
      );
      findings.add(result.discrepancies);
    }
    cursor = page.nextCursor;
  }
  findings.checked = seen.size;

  return { findings, complete: cursor === undefined };
}

/**
 * The scheduled reconciliation: every order created in the lookback window and every SKU
 * commercetools holds inventory for, paged by id cursors (no 10,000 offset ceiling), compared
 * with Linnworks as `POST /reconcile` does; the report is stored (`GET /reconcile/latest`) and
 * drift raises an alert, resolved by a later run that finds none.
 */
export async function runScheduledReconcile(
  deps: ScheduledReconcileDeps,
): Promise<ScheduledReconcileReport> {
  const started = deps.now();
  const deadline = started.getTime() + (deps.settings.timeBudgetMs ?? 25 * 60_000);
  const inTime = () => deps.now().getTime() < deadline;
  const window = {
    from: new Date(started.getTime() - deps.settings.orderLookbackMs).toISOString(),
    to: started.toISOString(),
  };
  const orders = await walkOrders(deps, window, inTime);
  const stock = deps.stockSync ? await walkStock(deps, deps.stockSync, inTime) : undefined;
  const finished = deps.now();
  const report: ScheduledReconcileReport = {
    generatedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    status: orders.complete && (stock?.complete ?? true) ? 'completed' : 'partial',
    drift: orders.findings.total + (stock?.findings.total ?? 0),
    orders: { window, ...orders.findings.section() },
    stock: stock
      ? { checkedSkus: stock.findings.checked, ...stock.findings.section() }
      : { unavailable: 'no STOCK_LOCATION_MAPPING: stock is not reconciled' },
  };
  await deps.reports.save(report);
  deps.logger.info(
    { status: report.status, drift: report.drift, durationMs: report.durationMs },
    'reconciliation stored',
  );
  await alertOnDrift(deps, report);

  return report;
}

async function alertOnDrift(deps: ScheduledReconcileDeps, report: ScheduledReconcileReport) {
  if (!deps.alerts) return;
  const counts = {
    ...('counts' in report.orders ? prefixed('orders', report.orders.counts) : {}),
    ...('counts' in report.stock ? prefixed('stock', report.stock.counts) : {}),
  };
  await deps.alerts.alerter.observe('reconcile-drift', 'either', async () => ({
    key: 'reconcile-drift',
    kind: 'reconcile-drift',
    firing: report.drift > 0,
    flow: 'reconcile',
    title: `Reconciliation found ${report.drift} differences between commercetools and Linnworks`,
    count: report.drift,
    counts,
    route: '/reconcile/latest',
  }));
  await deps.alerts.jobs.afterRun('reconcile', { report }, 2 * deps.settings.everyMinutes * 60_000);
}

function prefixed(section: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${section}.${k}`, v]));
}
