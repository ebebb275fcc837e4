import {
  type ConfigCheckSpec,
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

/** What post-deploy and `npm run config:check` check: every key, and the rules across keys. */
export const configSpec = {
  app: 'fulfillment-sync',
  envShape,
  crossChecks: [ctHostsCheck],
} satisfies ConfigCheckSpec;

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, configSpec.crossChecks);

  return {
    ...toConnectionConfig(e),
    settings: toFulfillmentSyncSettings(e, toFulfillmentJobSettings(e)),
  };
}

export type FulfillmentSyncConfig = ReturnType<typeof loadConfig>;
