import {
  APP_SCOPES,
  type ConnectorClients,
  createConnectorClients,
  createFulfillmentSync,
  createOrderSync,
  createStockSync,
  createReconcileService,
  CtStateStore,
  latestReconcileReport,
  FailureQueue,
  FULFILLMENT_SYNC_FLOW,
  lastFulfillmentSyncReport,
  lastSchedulerReport,
  lastStockSyncReport,
  type Logger,
  OrderStateRepo,
  SCHEDULER_FLOW,
  STOCK_SYNC_FLOW,
} from 'shared';

import { adminAuthMiddleware } from './auth/admin-auth.middleware';
import type { SyncAdminDeps } from './app';
import type { SyncAdminConfig } from './config';
import { orderIdLookup } from './orders/order-lookup';
import { createOrderSummary, ctOrderWithState } from './orders/order-summary';
import { createReplayRegistry } from './replay/replay-registry';
import { createReplayUseCase } from './replay/replay.use-case';
import { coalesced, ctScopeSource } from './status/ct-token-source';
import {
  ctCredentialsCheck,
  ctScopesCheck,
  failureQueueCheck,
  jobReportCheck,
  linnworksCheck,
  subscriptionCheck,
} from './status/status-checks';
import { instancesCheck } from './status/instances-check';
import { createStatusService } from './status/status.service';

/** The three flows through their faces, with the settings their own apps read. */
function wireFlows(config: SyncAdminConfig, clients: ConnectorClients) {
  return {
    orderSync: createOrderSync(clients, config.orderSync),
    stockSync: config.stockSync ? createStockSync(clients, config.stockSync) : undefined,
    fulfillmentSync: createFulfillmentSync(clients, config.fulfillmentSync),
  };
}

/**
 * Every check of `/status`: credentials, scopes per app, both systems, job reports, failures,
 * and the instances sharing the Linnworks budget.
 */
function statusChecks(config: SyncAdminConfig, clients: ConnectorClients) {
  const scopes = coalesced(ctScopeSource(config.ct));
  const store = new CtStateStore(clients.ct, clients.instanceKey);
  const now = () => new Date();
  // The job flows' last run reports, as each flow stores them.
  const reports = {
    [STOCK_SYNC_FLOW]: () => lastStockSyncReport(clients),
    [FULFILLMENT_SYNC_FLOW]: () => lastFulfillmentSyncReport(clients),
    [SCHEDULER_FLOW]: () => lastSchedulerReport(store),
  };
  const jobs = Object.entries(reports).map(([flow, read]) =>
    jobReportCheck(flow, { read, maxLagMs: config.jobMaxLagMs }, now),
  );

  return [
    ctCredentialsCheck(scopes),
    ...Object.entries(APP_SCOPES).map(([app, required]) =>
      ctScopesCheck(app, required, config.ct.projectKey, scopes),
    ),
    linnworksCheck(clients.linnworks),
    subscriptionCheck(clients.ct, config.subscriptionKey),
    ...jobs,
    failureQueueCheck(store),
    instancesCheck(store, now),
  ];
}

/**
 * Builds the real dependencies of the app from the validated configuration. sync-admin keeps its
 * whole Linnworks share in every instance (its calls follow an operator's requests, rarely two
 * at once; split, a new instance's status check would wait out the join): only order-sync,
 * which Connect scales with the message rate, splits its share between instances.
 */
export function wireSyncAdmin(config: SyncAdminConfig, logger: Logger): SyncAdminDeps {
  const clients = createConnectorClients(config, logger, { app: 'sync-admin' });
  const flows = wireFlows(config, clients);
  const store = new CtStateStore(clients.ct, clients.instanceKey);
  const failures = new FailureQueue(store, undefined, clients.alerts?.failures);
  // Each flow's own replayer, run in-process with the same settings as the flow's app.
  const registry = createReplayRegistry(
    Object.fromEntries(Object.values(flows).flatMap((f) => (f ? [[f.flow, f.replayer]] : []))),
  );

  return {
    logger,
    auth: adminAuthMiddleware({
      projectKey: config.ct.projectKey,
      clientId: config.ct.clientId,
      clientSecret: config.ct.clientSecret,
      authUrl: config.ct.authUrl,
      requiredScope: config.requiredScope,
      logger,
      ...(config.merchantCenter ? { merchantCenter: config.merchantCenter } : {}),
    }),
    failures,
    status: createStatusService({ logger, checks: statusChecks(config, clients) }),
    replay: createReplayUseCase({ failures, registry, logger }),
    reconcile: createReconcileService({
      ct: clients.ct,
      linnworks: clients.linnworks,
      orderSync: flows.orderSync.reconciler,
      ...(flows.stockSync ? { stockSync: flows.stockSync.reconciler } : {}),
      stockTolerance: config.stockTolerance,
    }),
    latestReconcile: () => latestReconcileReport(clients),
    orderSummary: createOrderSummary({
      states: new OrderStateRepo(store),
      failures,
      linnworks: clients.linnworks,
      getOrder: ctOrderWithState(clients.ct),
    }),
    findOrderId: orderIdLookup(clients.ct, store),
    syncOrder: (ctOrderId, options) => flows.orderSync.sync(ctOrderId, options),
  };
}
