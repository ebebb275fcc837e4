import {
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

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ...toConnectionConfig(e),
    settings: toOrderSyncSettings(e),
  };
}

export type OrderSyncConfig = ReturnType<typeof loadConfig>;
