import { CONNECTOR_SCOPES, scopeParameter } from 'shared';

import { SHIPPING_METHODS, STORES, WAREHOUSES } from '../seed/catalog';

/** The Connect apps, as deployed: `node <app>/build/index.js`. */
export const APP_NAMES = [
  'order-sync',
  'stock-sync',
  'fulfillment-sync',
  'sync-scheduler',
  'sync-admin',
] as const;
export type AppName = (typeof APP_NAMES)[number];

/** The connector's own commercetools API client in the sandbox (the test server accepts any). */
export const SANDBOX_CT_CLIENT = {
  clientId: 'sandbox-connector',
  clientSecret: 'sbx-ct-secret-3f9c2a71d5e84b06',
};

/**
 * Scopes the connector's client asks for: exactly the documented list (shared's
 * `CONNECTOR_SCOPES`, the source of docs/configuration.md and of sync-admin's status check).
 */
export function connectorScopes(projectKey: string): string {
  return scopeParameter(CONNECTOR_SCOPES, projectKey);
}

/** The flows' mapping settings for the sandbox merchant (docs/configuration.md). */
export function sandboxFlowSettings(): Record<string, string> {
  return {
    LINNWORKS_ORDER_SOURCE: 'COMMERCETOOLS',
    ORDER_STORE_MAPPING: JSON.stringify(
      Object.fromEntries(
        STORES.map((s) => [s.key, { subSource: s.subSource, location: s.location }]),
      ),
    ),
    ORDER_SHIPPING_METHOD_MAPPING: JSON.stringify(
      Object.fromEntries(SHIPPING_METHODS.map((m) => [m.key, { postalService: m.postalService }])),
    ),
    ORDER_SUPPORTED_CURRENCIES: JSON.stringify(['GBP', 'EUR']),
    STOCK_LOCATION_MAPPING: JSON.stringify({
      locations: WAREHOUSES.map((w) => ({
        location: w.location,
        channel: w.channel,
        quantity: 'available',
      })),
    }),
    STOCK_SKU_MATCHING: JSON.stringify({ trim: true, case: 'preserve' }),
  };
}

/** Settings only the local test servers need; a real project keeps the defaults. */
export function testServerSettings(): Record<string, string> {
  return {
    // The emulator writes only the first box's tracking number into the processed-order header,
    // so multi-box orders are read with GetPackageSplit every time (docs/fulfillment-sync.md).
    FULFILLMENT_PACKAGE_SPLIT: 'always',
  };
}

export interface EndpointEnv {
  projectKey: string;
  ctApiUrl: string;
  ctAuthUrl: string;
  ctClient: { clientId: string; clientSecret: string };
  linnworks: {
    authUrl: string;
    applicationId: string;
    applicationSecret: string;
    installationToken: string;
  };
}

/** What every app gets: credentials and hosts of both systems, logging, the flow settings. */
export function connectorEnv(e: EndpointEnv): Record<string, string> {
  return {
    CTP_PROJECT_KEY: e.projectKey,
    CTP_CLIENT_ID: e.ctClient.clientId,
    CTP_CLIENT_SECRET: e.ctClient.clientSecret,
    CTP_SCOPE: connectorScopes(e.projectKey),
    CTP_API_URL: e.ctApiUrl,
    CTP_AUTH_URL: e.ctAuthUrl,
    LINNWORKS_AUTH_URL: e.linnworks.authUrl,
    LINNWORKS_APPLICATION_ID: e.linnworks.applicationId,
    LINNWORKS_APPLICATION_SECRET: e.linnworks.applicationSecret,
    LINNWORKS_INSTALLATION_TOKEN: e.linnworks.installationToken,
    LOG_LEVEL: 'info',
    // One process per app here, and the drills restart them: with `auto` a restarted process
    // would first wait out its predecessor's minute of calls (docs/configuration.md).
    LINNWORKS_RATE_INSTANCES: '1',
    ...sandboxFlowSettings(),
    ...testServerSettings(),
  };
}

/** App-only settings the sandbox uses (short job budgets so a run fits a demo step). */
export function appEnv(app: AppName): Record<string, string> {
  switch (app) {
    case 'stock-sync':
    case 'fulfillment-sync':
      return { JOB_TIME_BUDGET_SECONDS: '120', DRY_RUN: 'false' };
    case 'sync-scheduler':
      // The demo's orders are minutes old: a short lag and interval show the backstop at work.
      return {
        JOB_TIME_BUDGET_SECONDS: '120',
        DRY_RUN: 'false',
        ORDER_BACKSTOP_LAG_MINUTES: '1',
        ORDER_BACKSTOP_EVERY_MINUTES: '1',
      };
    case 'sync-admin':
      return { ADMIN_REQUIRED_SCOPE: 'manage_orders' };
    default:
      return {};
  }
}

/** Values that are secret: the log-hygiene scan looks for every one of them. */
export function secretValues(env: Record<string, string>): string[] {
  return [
    'CTP_CLIENT_ID',
    'CTP_CLIENT_SECRET',
    'LINNWORKS_APPLICATION_ID',
    'LINNWORKS_APPLICATION_SECRET',
    'LINNWORKS_INSTALLATION_TOKEN',
    'ALERT_WEBHOOK_SECRET',
  ]
    .map((k) => env[k])
    .filter((v): v is string => typeof v === 'string' && v.length >= 8);
}
