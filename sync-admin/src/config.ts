import {
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  intString,
  parseEnv,
  toConnectionConfig,
  toFulfillmentSyncSettings,
  toOrderSyncSettings,
  toStockSyncSettings,
  z,
} from 'shared';

/** Every configuration key sync-admin reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ADMIN_REQUIRED_SCOPE: z
    .string()
    .regex(/^[a-z_]+$/, 'must be a scope name without the project key, e.g. manage_orders')
    .default('manage_orders'),
  /** A job whose last run finished longer ago than this makes /status degraded. */
  ADMIN_JOB_MAX_LAG_MINUTES: intString(30, { min: 1, max: 10_080 }),
  /** Units a stock difference may reach before reconciliation reports it. */
  ADMIN_STOCK_TOLERANCE: intString(0, { min: 0, max: 1_000_000 }),
};

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ...toConnectionConfig(e),
    requiredScope: e.ADMIN_REQUIRED_SCOPE,
    subscriptionKey: e.ORDER_SUBSCRIPTION_KEY,
    jobMaxLagMs: e.ADMIN_JOB_MAX_LAG_MINUTES * 60_000,
    stockTolerance: e.ADMIN_STOCK_TOLERANCE,
    /** Each flow's settings, as its own app reads them: replays run with the same. */
    orderSync: toOrderSyncSettings(e),
    /** Undefined without STOCK_LOCATION_MAPPING: stock-sync then cannot replay or reconcile. */
    stockSync: toStockSyncSettings(e),
    fulfillmentSync: toFulfillmentSyncSettings(e),
  };
}

export type SyncAdminConfig = ReturnType<typeof loadConfig>;
