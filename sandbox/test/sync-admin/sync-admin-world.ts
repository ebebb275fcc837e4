import type { Express } from 'express';
import type { CtConfig, Logger } from 'shared';
import {
  captureLogger,
  ctTestEnv,
  type IntrospectionStandIn,
  startIntrospectionStandIn,
} from 'shared/testing';

import {
  adminAuthMiddleware,
  createApp,
  loadConfig,
  type SyncAdminConfig,
  wireSyncAdmin,
} from 'sync-admin';
import type { RunningLinnworksEmulator } from '../../linnworks-emulator/src';

/** order-sync's settings as sync-admin's environment spells them (one store, web). */
export const ORDER_ENV = {
  LINNWORKS_ORDER_SOURCE: 'COMMERCETOOLS',
  ORDER_STORE_MAPPING: JSON.stringify({ _none: { subSource: 'web', location: 'Default' } }),
};

/** The environment sync-admin reads in production, pointed at the test server and emulator. */
export function syncAdminEnv(
  ct: CtConfig,
  emulator: RunningLinnworksEmulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  const c = emulator.credentials;

  return {
    ...ctTestEnv(ct),
    LINNWORKS_APPLICATION_ID: c.applicationId,
    LINNWORKS_APPLICATION_SECRET: c.applicationSecret,
    LINNWORKS_INSTALLATION_TOKEN: c.installationToken,
    LINNWORKS_AUTH_URL: emulator.authUrl,
    LOG_LEVEL: 'debug',
    ...extra,
  };
}

export interface SyncAdminUnderTest {
  app: Express;
  config: SyncAdminConfig;
  logs: ReturnType<typeof captureLogger>;
  /** `Authorization` header value of an operator token carrying the required scope. */
  bearer: string;
}

/**
 * Introspection for sync-admin's auth: the commercetools test server has no
 * `/oauth/introspect`, so the stand-in answers for the connector's own client.
 */
export async function startIntrospection(ct: CtConfig): Promise<IntrospectionStandIn> {
  return startIntrospectionStandIn({
    clientId: ct.clientId,
    clientSecret: ct.clientSecret,
    scope: `introspect_oauth_tokens:${ct.projectKey} manage_project:${ct.projectKey}`,
  });
}

/**
 * sync-admin exactly as `src/index.ts` builds it (`loadConfig` → `wireSyncAdmin` → `createApp`),
 * except that its auth asks the introspection stand-in instead of the test server.
 */
export function buildSyncAdmin(
  env: Record<string, string>,
  idp: IntrospectionStandIn,
  logger?: Logger,
): SyncAdminUnderTest {
  const config = loadConfig(env);
  const logs = captureLogger();
  const log = logger ?? logs.logger;
  const deps = wireSyncAdmin(config, log);
  const auth = adminAuthMiddleware({
    projectKey: config.ct.projectKey,
    clientId: config.ct.clientId,
    clientSecret: config.ct.clientSecret,
    authUrl: idp.url,
    requiredScope: config.requiredScope,
    logger: log,
  });

  return {
    app: createApp({ ...deps, auth }),
    config,
    logs,
    bearer: `Bearer ${idp.issue(`${config.requiredScope}:${config.ct.projectKey}`)}`,
  };
}
