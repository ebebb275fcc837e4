import {
  type ConfigCheckSpec,
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  intString,
  jobEnvShape,
  orderBackstopEnvShape,
  parseEnv,
  toConnectionConfig,
  toJobSettings,
  toOrderBackstopSettings,
  toOrderSyncSettings,
  toReconcileSettings,
  toStockSyncSettings,
} from 'shared';

/** Every configuration key sync-scheduler reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...jobEnvShape,
  ...orderBackstopEnvShape,
  /** Units a stock difference may reach before the scheduled reconciliation reports it (as sync-admin's). */
  ADMIN_STOCK_TOLERANCE: intString(0, { min: 0, max: 1_000_000 }),
};

/** What post-deploy and `npm run config:check` check: every key, and the rules across keys. */
export const configSpec = {
  app: 'sync-scheduler',
  envShape,
  crossChecks: [ctHostsCheck],
} satisfies ConfigCheckSpec;

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, configSpec.crossChecks);

  return {
    ...toConnectionConfig(e),
    job: toJobSettings(e),
    /** The order-sync flow's settings: the backstop syncs orders exactly as the event app does. */
    orderSync: toOrderSyncSettings(e),
    backstop: toOrderBackstopSettings(e),
    /** The scheduled reconciliation: stock is compared only with STOCK_LOCATION_MAPPING set. */
    reconcile: {
      ...toReconcileSettings(e),
      stockSync: toStockSyncSettings(e),
      orderSync: toOrderSyncSettings(e),
    },
  };
}

export type SyncSchedulerConfig = ReturnType<typeof loadConfig>;
