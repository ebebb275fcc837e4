import {
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  parseEnv,
  toCtConfig,
  toLinnworksConfig,
  z,
} from 'shared';

/** Every configuration key sync-admin reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ADMIN_REQUIRED_SCOPE: z
    .string()
    .regex(/^[a-z_]+$/, 'must be a scope name without the project key, e.g. manage_orders')
    .default('manage_orders'),
};

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ct: toCtConfig(e),
    linnworks: toLinnworksConfig(e),
    logLevel: e.LOG_LEVEL,
    requiredScope: e.ADMIN_REQUIRED_SCOPE,
  };
}
