import {
  connectorEnvShape,
  ctHostsCheck,
  type Env,
  jobEnvShape,
  parseEnv,
  toCtConfig,
  toLinnworksConfig,
} from 'shared';

/** Every configuration key stock-sync reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ...jobEnvShape,
};

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, [ctHostsCheck]);

  return {
    ct: toCtConfig(e),
    linnworks: toLinnworksConfig(e),
    logLevel: e.LOG_LEVEL,
    timeBudgetMs: e.JOB_TIME_BUDGET_SECONDS * 1000,
    dryRun: e.DRY_RUN,
  };
}
