import {
  APP_SCOPES,
  createCtApi,
  createFulfillmentSyncReplayer,
  createOrderSyncReplayer,
  CtFulfillmentOrders,
  createStockSyncReplayer,
  CtStateStore,
  CtStockApiGateway,
  defaultSkuMatching,
  desiredQuantities,
  FailureQueue,
  FULFILLMENT_FLOW,
  ORDER_SYNC_FLOW,
  STOCK_SYNC_FLOW,
  type FlowReplayer,
  LinnworksClient,
  KnownSkuCache,
  lastFulfillmentReport,
  linnworksReferenceFor,
  type Logger,
  OrderLinks,
  OrderStateRepo,
  OrderSyncCtGateway,
  resolveStockMapping,
  StockSyncStateRepo,
} from 'shared';

import { adminAuthMiddleware } from './auth/admin-auth.middleware';
import type { SyncAdminDeps } from './app';
import type { SyncAdminConfig } from './config';
import { createOrderSummary, ctOrderWithState } from './orders/order-summary';
import { createReconcileService, type ReconcileDeps } from './reconcile/reconcile.service';
import { createReplayRegistry } from './replay/replay-registry';
import { createReplayUseCase } from './replay/replay.use-case';
import { coalesced, ctScopeSource } from './status/ct-token-source';
import {
  ctCredentialsCheck,
  ctScopesCheck,
  failureQueueCheck,
  jobReportCheck,
  type JobReportSource,
  linnworksCheck,
  subscriptionCheck,
} from './status/status-checks';
import { createStatusService } from './status/status.service';

/** Builds the real dependencies of the app from the validated configuration. */
export function wireSyncAdmin(config: SyncAdminConfig, logger: Logger): SyncAdminDeps {
  const ct = createCtApi(config.ct);
  const store = new CtStateStore(ct);
  const failures = new FailureQueue(store);
  const linnworks = new LinnworksClient({ config: config.linnworks, logger });
  const scopes = coalesced(ctScopeSource(config.ct));
  const now = () => new Date();

  const stockReplayer: FlowReplayer | undefined = config.stockMapping
    ? createStockSyncReplayer({
        linnworks,
        ct: new CtStockApiGateway(ct),
        store,
        logger,
        mapping: config.stockMapping,
        skuMatching: config.skuMatching ?? defaultSkuMatching,
        timeBudgetMs: 60_000,
      })
    : undefined;
  const fulfillmentOrders = new CtFulfillmentOrders(ct);
  // Each flow's own replayer, run in-process with the same settings as the flow's app.
  const registry = createReplayRegistry({
    [ORDER_SYNC_FLOW]: createOrderSyncReplayer({
      ct: new OrderSyncCtGateway(ct),
      linnworks,
      states: new OrderStateRepo(store),
      failures,
      settings: config.orderSettings,
      logger,
      knownSkus: new KnownSkuCache(),
    }),
    [STOCK_SYNC_FLOW]: stockReplayer,
    [FULFILLMENT_FLOW]: createFulfillmentSyncReplayer({
      linnworks,
      ct: fulfillmentOrders,
      links: new OrderLinks(store, fulfillmentOrders),
      store,
      failures,
      settings: config.fulfillmentSettings,
      source: config.orderSource,
      logger,
    }),
  });

  const stockMapping = config.stockMapping;
  const desiredSlots: ReconcileDeps['desiredSlots'] = stockMapping
    ? async () => {
        const { mapping } = resolveStockMapping(stockMapping, await linnworks.getStockLocations());

        return (levels) => desiredQuantities(levels, mapping).slots;
      }
    : undefined;

  const stockState = new StockSyncStateRepo(store);
  // The job flows' last run reports, as each flow stores them.
  const jobs: Record<string, JobReportSource> = {
    [STOCK_SYNC_FLOW]: { read: () => stockState.lastReport(), maxLagMs: config.jobMaxLagMs },
    [FULFILLMENT_FLOW]: { read: () => lastFulfillmentReport(store), maxLagMs: config.jobMaxLagMs },
  };

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
    status: createStatusService({
      logger,
      checks: [
        ctCredentialsCheck(scopes),
        ...Object.entries(APP_SCOPES).map(([flow, required]) =>
          ctScopesCheck(flow, required, config.ct.projectKey, scopes),
        ),
        linnworksCheck(linnworks),
        subscriptionCheck(ct, config.subscriptionKey),
        ...Object.entries(jobs).map(([flow, source]) => jobReportCheck(flow, source, now)),
        failureQueueCheck(store),
      ],
    }),
    replay: createReplayUseCase({ failures, registry, logger }),
    reconcile: createReconcileService({
      ct,
      linnworks,
      referenceOf: linnworksReferenceFor,
      ...(desiredSlots ? { desiredSlots } : {}),
      stockTolerance: config.stockTolerance,
    }),
    orderSummary: createOrderSummary({
      states: new OrderStateRepo(store),
      failures,
      linnworks,
      getOrder: ctOrderWithState(ct),
    }),
  };
}
