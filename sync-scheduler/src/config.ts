import {
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  jobEnvShape,
  orderBackstopEnvShape,
  parseEnv,
  toConnectionConfig,
  toJobSettings,
  toOrderBackstopSettings,
  toOrderSyncSettings,
} from 'shared';

/** Every configuration key sync-scheduler reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...jobEnvShape,
  ...orderBackstopEnvShape,
};

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ...toConnectionConfig(e),
    job: toJobSettings(e),
    /** The order-sync flow's settings: the backstop syncs orders exactly as the event app does. */
    orderSync: toOrderSyncSettings(e),
    backstop: toOrderBackstopSettings(e),
  };
}

export type SyncSchedulerConfig = ReturnType<typeof loadConfig>;
