import {
  type ConfigCheckSpec,
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  parseEnv,
  stockMappingRequired,
  stockSyncJobEnvShape,
  toConnectionConfig,
  toStockSyncJobSettings,
  toStockSyncSettings,
} from 'shared';

/** Every configuration key stock-sync reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...stockSyncJobEnvShape,
};

/** What post-deploy and `npm run config:check` check: every key, and the rules across keys. */
export const configSpec = {
  app: 'stock-sync',
  envShape,
  crossChecks: [ctHostsCheck, stockMappingRequired],
} satisfies ConfigCheckSpec;

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, configSpec.crossChecks);
  const settings = toStockSyncSettings(e, toStockSyncJobSettings(e));
  if (!settings) throw new Error('unreachable: STOCK_LOCATION_MAPPING checked above');

  return { ...toConnectionConfig(e), settings };
}

export type StockSyncConfig = ReturnType<typeof loadConfig>;
