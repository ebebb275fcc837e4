import {
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  intString,
  jobEnvShape,
  parseEnv,
  toConnectionConfig,
  toFulfillmentSettings,
} from 'shared';

/** Knobs only this app reads (sync-admin's replay does not page or poll). */
export const fulfillmentAppEnvShape = {
  /** SearchProcessedOrders page size; Linnworks needs at least 20. */
  FULFILLMENT_PAGE_SIZE: intString(200, { min: 20, max: 500 }),
  /** Minutes each date feed re-reads before its cursor (late-indexed records). */
  FULFILLMENT_OVERLAP_MINUTES: intString(10, { min: 0, max: 24 * 60 }),
  /** How far back the very first run looks. */
  FULFILLMENT_INITIAL_LOOKBACK_HOURS: intString(24, { min: 1, max: 24 * 90 }),
};

/** Every configuration key fulfillment-sync reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...jobEnvShape,
  ...fulfillmentAppEnvShape,
};

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ...toConnectionConfig(e),
    timeBudgetMs: e.JOB_TIME_BUDGET_SECONDS * 1000,
    dryRun: e.DRY_RUN,
    settings: toFulfillmentSettings(e),
    source: e.LINNWORKS_ORDER_SOURCE,
    pageSize: e.FULFILLMENT_PAGE_SIZE,
    overlapMinutes: e.FULFILLMENT_OVERLAP_MINUTES,
    initialLookbackHours: e.FULFILLMENT_INITIAL_LOOKBACK_HOURS,
  };
}

export type FulfillmentSyncConfig = ReturnType<typeof loadConfig>;
