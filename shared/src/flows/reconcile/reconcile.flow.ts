// The reconciliation face: what sync-admin (`POST /reconcile`, `GET /reconcile/latest`) and the
// scheduler (the `reconcile` task) use. It composes order-sync's and stock-sync's reconcilers.
import type { ConnectorClients } from '../../clients/connector-clients';
import { CtStateStore } from '../../state/ct-state-store';
import { orderSyncReconciler, orderSyncReconcilerFor } from '../order-sync/order-sync.reconciler';
import { createStockSync, type StockSyncSettings } from '../stock-sync/stock-sync.flow';
import type { OrderDiscrepancy } from './order-discrepancies';
import type { OrderReconcileResult } from './order-reconcile';
import {
  MAX_STORED_DISCREPANCIES,
  RECONCILE_CONTAINER,
  ReconcileReportRepo,
  type ScheduledReconcileReport,
} from './reconcile-report.repo';
import { type ReconcileRequest, reconcileRequestSchema } from './reconcile.schema';
import {
  createReconcileService,
  type ReconcileReport,
  type ReconcileService,
  type Unavailable,
} from './reconcile.service';
import {
  reconcileEnvShape,
  type ReconcileSettings,
  toReconcileSettings,
} from './reconcile.settings';
import { runScheduledReconcile } from './reconcile.task';
import type { StockDiscrepancy } from './stock-discrepancies';
import type { StockReconcileResult } from './stock-reconcile';

export {
  createReconcileService,
  MAX_STORED_DISCREPANCIES,
  RECONCILE_CONTAINER,
  reconcileEnvShape,
  reconcileRequestSchema,
  toReconcileSettings,
};
export type {
  OrderDiscrepancy,
  OrderReconcileResult,
  ReconcileReport,
  ReconcileRequest,
  ReconcileService,
  ReconcileSettings,
  ScheduledReconcileReport,
  StockDiscrepancy,
  StockReconcileResult,
  Unavailable,
};

/** A task of the scheduler app (sync-scheduler): `{ name, everyMinutes, run }`. */
export interface ReconcileTask {
  name: 'reconcile';
  everyMinutes: number;
  run(): Promise<ScheduledReconcileReport>;
}

export interface ReconcileTaskSettings extends ReconcileSettings {
  /** stock-sync's settings; undefined without STOCK_LOCATION_MAPPING (no stock section). */
  stockSync: StockSyncSettings | undefined;
  /** order-sync's cancelled line-item states (totals compare without those units); default ones if absent. */
  orderSync?: Parameters<typeof orderSyncReconcilerFor>[0];
}

/**
 * The scheduled reconciliation as a task: every `everyMinutes` (RECONCILE_EVERY_MINUTES, default
 * daily) it compares orders and stock, stores the report and alerts on drift.
 */
export function createReconcileTask(
  clients: ConnectorClients,
  settings: ReconcileTaskSettings,
): ReconcileTask {
  const reports = new ReconcileReportRepo(new CtStateStore(clients.ct, clients.instanceKey));
  const stockSync = settings.stockSync ? createStockSync(clients, settings.stockSync) : undefined;

  return {
    name: 'reconcile',
    everyMinutes: settings.everyMinutes,
    run: () =>
      runScheduledReconcile({
        ct: clients.ct,
        linnworks: clients.linnworks,
        orderSync: settings.orderSync
          ? orderSyncReconcilerFor(settings.orderSync)
          : orderSyncReconciler,
        ...(stockSync ? { stockSync: stockSync.reconciler } : {}),
        reports,
        settings,
        logger: clients.logger,
        ...(clients.alerts ? { alerts: clients.alerts } : {}),
        now: clients.now ?? (() => new Date()),
      }),
  };
}

/** The report the last scheduled reconciliation stored (sync-admin's `GET /reconcile/latest`). */
export async function latestReconcileReport(
  clients: Pick<ConnectorClients, 'ct' | 'instanceKey'>,
): Promise<ScheduledReconcileReport | undefined> {
  return new ReconcileReportRepo(new CtStateStore(clients.ct, clients.instanceKey)).latest();
}
