import {
  type ConfigCheckSpec,
  connectorEnvShape,
  type CrossCheck,
  ctHostsCheck,
  type Env,
  intString,
  parseEnv,
  toConnectionConfig,
  toFulfillmentSyncSettings,
  toOrderSyncSettings,
  toReconcileSettings,
  toStockSyncSettings,
  z,
} from 'shared';

/** The Merchant Center clouds `@commercetools-backend/express` maps to their MC API URL. */
const MC_CLOUD_IDENTIFIERS = ['gcp-eu', 'gcp-us', 'gcp-au', 'aws-eu', 'aws-us'] as const;

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** Every configuration key sync-admin reads; connect.yaml declares exactly these. */
export const envShape = {
  ...connectorEnvShape,
  ADMIN_REQUIRED_SCOPE: z
    .string()
    .regex(/^[a-z_]+$/, 'must be a scope name without the project key, e.g. manage_orders')
    .default('manage_orders'),
  /** A job whose last run finished longer ago than this makes /status degraded. */
  ADMIN_JOB_MAX_LAG_MINUTES: intString(30, { min: 1, max: 10_080 }),
  /** Units a stock difference may reach before reconciliation reports it. */
  ADMIN_STOCK_TOLERANCE: intString(0, { min: 0, max: 1_000_000 }),
  /** Merchant Center whose forward-to tokens are accepted (the order panel); empty: none. */
  MC_CLOUD_IDENTIFIER: z
    .string()
    .refine(
      (v) => (MC_CLOUD_IDENTIFIERS as readonly string[]).includes(v) || isHttpUrl(v),
      `must be one of ${MC_CLOUD_IDENTIFIERS.join(', ')} or the Merchant Center API URL`,
    )
    .optional(),
  /** sync-admin's public URL, as the order panel's SYNC_ADMIN_URL names it: tokens' audience. */
  ADMIN_PUBLIC_URL: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
};

/** A Merchant Center token can only be checked against the URL it was addressed to. */
const publicUrlCheck: CrossCheck = (env) =>
  env.MC_CLOUD_IDENTIFIER && !env.ADMIN_PUBLIC_URL
    ? 'ADMIN_PUBLIC_URL: is required when MC_CLOUD_IDENTIFIER is set'
    : undefined;

/** What post-deploy and `npm run config:check` check: every key, and the rules across keys. */
export const configSpec = {
  app: 'sync-admin',
  envShape,
  crossChecks: [ctHostsCheck, publicUrlCheck],
} satisfies ConfigCheckSpec;

export function loadConfig(env: Env) {
  const e = parseEnv(envShape, env, configSpec.crossChecks);

  return {
    ...toConnectionConfig(e),
    requiredScope: e.ADMIN_REQUIRED_SCOPE,
    jobMaxLagMs: e.ADMIN_JOB_MAX_LAG_MINUTES * 60_000,
    stockTolerance: e.ADMIN_STOCK_TOLERANCE,
    /** The scheduled reconciliation's settings (its task runs in the scheduler app). */
    reconcile: toReconcileSettings(e),
    /** Each flow's settings, as its own app reads them: replays run with the same. */
    orderSync: toOrderSyncSettings(e),
    /** Undefined without STOCK_LOCATION_MAPPING: stock-sync then cannot replay or reconcile. */
    stockSync: toStockSyncSettings(e),
    fulfillmentSync: toFulfillmentSyncSettings(e),
    merchantCenter:
      e.MC_CLOUD_IDENTIFIER && e.ADMIN_PUBLIC_URL
        ? {
            issuer: e.MC_CLOUD_IDENTIFIER,
            audience: new URL(e.ADMIN_PUBLIC_URL).origin,
            projectKey: e.CTP_PROJECT_KEY,
          }
        : undefined,
  };
}

export type SyncAdminConfig = ReturnType<typeof loadConfig>;
