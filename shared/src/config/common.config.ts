import { toAlertSettings } from '../alerts/alert.settings';
import {
  LINNWORKS_APPS,
  type RateShareOverrides,
  rateShareProblems,
} from '../linnworks/rate-shares';
import { booleanString, type CrossCheck, intString, jsonString, secret, z } from './env';
import { DEFAULT_SUBSCRIPTION_KEY, subscriptionKeyFor } from '../state/connector-names';

/** commercetools API client settings, shared by every app. */
export const ctEnvShape = {
  CTP_CLIENT_ID: secret(),
  CTP_CLIENT_SECRET: secret(),
  CTP_PROJECT_KEY: z
    .string({ error: 'is required' })
    .regex(/^[a-z0-9_-]+$/, 'must be a project key'),
  CTP_SCOPE: z.string().optional(),
  CTP_REGION: z
    .string()
    .regex(/^[a-z0-9-]+\.(gcp|aws|azure)$/, 'must look like europe-west1.gcp')
    .optional(),
  CTP_API_URL: z.url().optional(),
  CTP_AUTH_URL: z.url().optional(),
};

/** Linnworks application credentials, shared by every app that talks to Linnworks. */
export const linnworksEnvShape = {
  LINNWORKS_APPLICATION_ID: secret(),
  LINNWORKS_APPLICATION_SECRET: secret(),
  LINNWORKS_INSTALLATION_TOKEN: secret(),
  LINNWORKS_AUTH_URL: z.url().default('https://api.linnworks.net'),
  /**
   * JSON: per app, per endpoint, the calls a minute it may make, in place of the default shares of
   * the tenant's limits (docs/configuration.md, "Linnworks rate budget"). One value for all apps,
   * so the sum per endpoint is checked here.
   */
  LINNWORKS_RATE_SHARES: jsonString(
    z.partialRecord(
      z.enum(LINNWORKS_APPS),
      z.record(
        z
          .string()
          .regex(
            /^(\*|[A-Za-z]+\/[A-Za-z_]+)$/,
            'must be an endpoint like Stock/GetStockItemsFull, or *',
          ),
        z.number().int().min(1),
      ),
    ),
  )
    .superRefine((value, ctx) => {
      for (const message of rateShareProblems(value)) ctx.addIssue({ code: 'custom', message });
    })
    .optional(),
  /**
   * How the running instances of order-sync (the event app Connect scales) split its share:
   * `auto` counts them by heartbeat (instance-share.ts); a number divides by that number.
   */
  LINNWORKS_RATE_INSTANCES: z
    .string()
    .regex(/^(auto|[1-9][0-9]?)$/, 'must be auto or a number of instances from 1 to 99')
    .default('auto')
    .transform((v): RateInstances => (v === 'auto' ? 'auto' : Number(v))),
};

/** `LINNWORKS_RATE_INSTANCES`: counted by heartbeat, or a fixed number. */
export type RateInstances = 'auto' | number;

/** The order Subscription: created by order-sync's post-deploy, checked by sync-admin's status. */
export const subscriptionEnvShape = {
  ORDER_SUBSCRIPTION_KEY: z
    .string()
    .regex(/^[-_a-zA-Z0-9]{2,256}$/, 'must be a valid subscription key')
    .default(DEFAULT_SUBSCRIPTION_KEY),
};

export const loggingEnvShape = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
};

/** Job apps: how long one run may work before it checkpoints, and dry-run by default. */
export const jobEnvShape = {
  /** Connect ends a job request after 30 minutes: a run must checkpoint before that. */
  JOB_TIME_BUDGET_SECONDS: intString(1500, { min: 10, max: 1800 }),
  DRY_RUN: booleanString(false),
};

/** How a job app runs its flow: the time one run may work, and whether it writes by default. */
export interface JobSettings {
  timeBudgetMs: number;
  /** A request that does not say (`?dryRun=`) runs dry when this is true (`DRY_RUN`). */
  dryRunByDefault: boolean;
}

/** The defaults of `jobEnvShape`: what a flow's job uses when its app passes none. */
export const DEFAULT_JOB_SETTINGS: JobSettings = {
  timeBudgetMs: 1_500_000,
  dryRunByDefault: false,
};

export function toJobSettings(env: {
  JOB_TIME_BUDGET_SECONDS: number;
  DRY_RUN: boolean;
}): JobSettings {
  return { timeBudgetMs: env.JOB_TIME_BUDGET_SECONDS * 1000, dryRunByDefault: env.DRY_RUN };
}

export interface CtConfig {
  projectKey: string;
  clientId: string;
  clientSecret: string;
  scopes: string[] | undefined;
  apiUrl: string;
  authUrl: string;
}

/** Hosts come from CTP_API_URL / CTP_AUTH_URL when set (sandbox, tests), else from CTP_REGION. */
export const ctHostsCheck: CrossCheck = (env) =>
  env.CTP_REGION || (env.CTP_API_URL && env.CTP_AUTH_URL)
    ? undefined
    : 'CTP_REGION: is required unless CTP_API_URL and CTP_AUTH_URL are set';

export function toCtConfig(env: {
  CTP_PROJECT_KEY: string;
  CTP_CLIENT_ID: string;
  CTP_CLIENT_SECRET: string;
  CTP_SCOPE?: string | undefined;
  CTP_REGION?: string | undefined;
  CTP_API_URL?: string | undefined;
  CTP_AUTH_URL?: string | undefined;
}): CtConfig {
  const region = env.CTP_REGION;
  const apiUrl = env.CTP_API_URL ?? `https://api.${region}.commercetools.com`;
  const authUrl = env.CTP_AUTH_URL ?? `https://auth.${region}.commercetools.com`;

  return {
    projectKey: env.CTP_PROJECT_KEY,
    clientId: env.CTP_CLIENT_ID,
    clientSecret: env.CTP_CLIENT_SECRET,
    scopes: env.CTP_SCOPE ? env.CTP_SCOPE.split(/\s+/).filter(Boolean) : undefined,
    apiUrl: apiUrl.replace(/\/$/, ''),
    authUrl: authUrl.replace(/\/$/, ''),
  };
}

export interface LinnworksConfig {
  applicationId: string;
  applicationSecret: string;
  installationToken: string;
  authUrl: string;
  /** `LINNWORKS_RATE_SHARES`: the operator's shares in place of the defaults. */
  rateShares?: RateShareOverrides;
  /** `LINNWORKS_RATE_INSTANCES`: how a scaled app's instances split its share (default auto). */
  rateInstances?: RateInstances;
}

export function toLinnworksConfig(env: {
  LINNWORKS_APPLICATION_ID: string;
  LINNWORKS_APPLICATION_SECRET: string;
  LINNWORKS_INSTALLATION_TOKEN: string;
  LINNWORKS_AUTH_URL: string;
  LINNWORKS_RATE_SHARES?: RateShareOverrides;
  LINNWORKS_RATE_INSTANCES?: RateInstances;
}): LinnworksConfig {
  return {
    ...(env.LINNWORKS_RATE_SHARES ? { rateShares: env.LINNWORKS_RATE_SHARES } : {}),
    ...(env.LINNWORKS_RATE_INSTANCES !== undefined
      ? { rateInstances: env.LINNWORKS_RATE_INSTANCES }
      : {}),
    applicationId: env.LINNWORKS_APPLICATION_ID,
    applicationSecret: env.LINNWORKS_APPLICATION_SECRET,
    installationToken: env.LINNWORKS_INSTALLATION_TOKEN,
    authUrl: env.LINNWORKS_AUTH_URL.replace(/\/$/, ''),
  };
}

/**
 * What every app builds first from its parsed env: both systems' connection settings, the log
 * level and where alerts go.
 */
export function toConnectionConfig<Level extends string>(
  env: Parameters<typeof toCtConfig>[0] &
    Parameters<typeof toLinnworksConfig>[0] &
    Parameters<typeof toAlertSettings>[0] & {
      LOG_LEVEL: Level;
      CONNECTOR_INSTANCE_KEY?: string | undefined;
      ORDER_SUBSCRIPTION_KEY: string;
    },
) {
  return {
    ct: toCtConfig(env),
    linnworks: toLinnworksConfig(env),
    logLevel: env.LOG_LEVEL,
    alerts: toAlertSettings(env),
    /** The deployment's namespace in the project (connector-names.ts); unset: today's names. */
    ...(env.CONNECTOR_INSTANCE_KEY ? { instanceKey: env.CONNECTOR_INSTANCE_KEY } : {}),
    /** The order Subscription's key, namespaced like the containers when it is the default. */
    subscriptionKey: subscriptionKeyFor(env.ORDER_SUBSCRIPTION_KEY, env.CONNECTOR_INSTANCE_KEY),
  };
}
