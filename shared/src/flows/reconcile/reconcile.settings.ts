import { intString } from '../../config/env';

/**
 * Keys of the scheduled reconciliation (the `reconcile` task of sync-scheduler). Declared once
 * under connect.yaml `inheritAs`; documented in docs/configuration.md ("Reconciliation").
 */
export const reconcileEnvShape = {
  /** How often the scheduled reconciliation runs; default daily. */
  RECONCILE_EVERY_MINUTES: intString(1440, { min: 5, max: 10_080 }),
  /** Orders created this many hours back are compared at each run. */
  RECONCILE_ORDER_LOOKBACK_HOURS: intString(48, { min: 1, max: 744 }),
};

export interface ReconcileSettings {
  everyMinutes: number;
  orderLookbackMs: number;
  /** Units a stock difference may reach before it is reported (sync-admin's ADMIN_STOCK_TOLERANCE). */
  stockTolerance: number;
  /** Stop paging after this long and store what was compared (status `partial`). Default 25 min. */
  timeBudgetMs?: number;
  /** Orders and inventory entries per page; default 200 (tests use small pages). */
  pageSize?: number;
}

export function toReconcileSettings(env: {
  RECONCILE_EVERY_MINUTES: number;
  RECONCILE_ORDER_LOOKBACK_HOURS: number;
  ADMIN_STOCK_TOLERANCE?: number | undefined;
}): ReconcileSettings {
  return {
    everyMinutes: env.RECONCILE_EVERY_MINUTES,
    orderLookbackMs: env.RECONCILE_ORDER_LOOKBACK_HOURS * 3_600_000,
    stockTolerance: env.ADMIN_STOCK_TOLERANCE ?? 0,
  };
}
