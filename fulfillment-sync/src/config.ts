import {
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  fulfillmentSyncJobEnvShape,
  parseEnv,
  toConnectionConfig,
  toFulfillmentJobSettings,
  toFulfillmentSyncSettings,
} from 'shared';

/** Every configuration key fulfillment-sync reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...fulfillmentSyncJobEnvShape,
};

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ...toConnectionConfig(e),
    settings: toFulfillmentSyncSettings(e, toFulfillmentJobSettings(e)),
  };
}

export type FulfillmentSyncConfig = ReturnType<typeof loadConfig>;
