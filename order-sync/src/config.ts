import {
  type ConfigCheckSpec,
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  parseEnv,
  toConnectionConfig,
  toOrderSyncSettings,
} from 'shared';

/** Every configuration key order-sync reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
};

/** What post-deploy and `npm run config:check` check: every key, and the rules across keys. */
export const configSpec = {
  app: 'order-sync',
  envShape,
  crossChecks: [ctHostsCheck],
} satisfies ConfigCheckSpec;

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, configSpec.crossChecks);

  return {
    ...toConnectionConfig(e),
    settings: toOrderSyncSettings(e),
  };
}

export type OrderSyncConfig = ReturnType<typeof loadConfig>;
