import {
  connectorEnvShape,
  ctHostsCheck,
  defaultSkuMatching,
  type Env,
  jobEnvShape,
  parseEnv,
  toConnectionConfig,
} from 'shared';

/** Every configuration key stock-sync reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...jobEnvShape,
};

/** The location mapping is optional for the other apps, but stock-sync cannot run without it. */
const mappingRequired = (env: Env): string | undefined =>
  env.STOCK_LOCATION_MAPPING === undefined
    ? 'STOCK_LOCATION_MAPPING: is required for stock-sync (which Linnworks location feeds which supply channel)'
    : undefined;

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck, mappingRequired]);
  const mapping = e.STOCK_LOCATION_MAPPING;
  if (!mapping) throw new Error('unreachable: STOCK_LOCATION_MAPPING checked above');

  return {
    ...toConnectionConfig(e),
    timeBudgetMs: e.JOB_TIME_BUDGET_SECONDS * 1000,
    dryRun: e.DRY_RUN,
    mapping,
    skuMatching: e.STOCK_SKU_MATCHING ?? defaultSkuMatching,
  };
}

export type StockSyncConfig = ReturnType<typeof loadConfig>;
