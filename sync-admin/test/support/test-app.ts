import type { Order } from '@commercetools/platform-sdk';
import type { RequestHandler } from 'express';
import {
  FailureQueue,
  type FlowReplayer,
  type LinnworksApi,
  type Logger,
  OrderStateRepo,
  type ReconcileService,
  type ScheduledReconcileReport,
} from 'shared';
import { captureLogger, InMemoryStateStore } from 'shared/testing';

import { createApp, type SyncAdminDeps } from '../../src/app';
import { setPrincipal } from '../../src/auth/principal';
import { createOrderSummary } from '../../src/orders/order-summary';
import { createReplayRegistry } from '../../src/replay/replay-registry';
import { createReplayUseCase } from '../../src/replay/replay.use-case';
import type { StatusReport } from '../../src/status/status.service';

/** Lets every request through as an API client: for route tests whose subject is not auth. */
export const allowAll: RequestHandler = (_req, res, next) => {
  setPrincipal(res, { kind: 'api-client', clientId: 'test-operator' });
  next();
};

export interface TestAppOptions {
  auth?: RequestHandler;
  replayers?: Record<string, FlowReplayer | undefined>;
  status?: () => Promise<StatusReport>;
  reconcile?: ReconcileService;
  latestReconcile?: () => Promise<ScheduledReconcileReport | undefined>;
  logger?: Logger;
  /** commercetools orders the order summary reads (by id); none by default. */
  orders?: Order[];
  linnworks?: Pick<LinnworksApi, 'getOrdersById'>;
  syncOrder?: SyncAdminDeps['syncOrder'];
}

/** The app over in-memory state, with fakes for what a test does not exercise. */
export function testApp(options: TestAppOptions = {}) {
  const capture = captureLogger();
  const logger = options.logger ?? capture.logger;
  const store = new InMemoryStateStore();
  const failures = new FailureQueue(store);
  const deps: SyncAdminDeps = {
    logger,
    auth: options.auth ?? allowAll,
    failures,
    status:
      options.status ??
      (async () => ({ status: 'ok', timestamp: new Date(0).toISOString(), checks: [] })),
    replay: createReplayUseCase({
      failures,
      registry: createReplayRegistry(options.replayers ?? {}),
      logger,
    }),
    reconcile: options.reconcile ?? (async () => ({ generatedAt: new Date(0).toISOString() })),
    latestReconcile: options.latestReconcile ?? (async () => undefined),
    orderSummary: createOrderSummary({
      states: new OrderStateRepo(store),
      failures,
      getOrder: async (id) => options.orders?.find((o) => o.id === id),
      linnworks: options.linnworks ?? { getOrdersById: async () => [] },
    }),
    findOrderId: async (orderNumber) =>
      options.orders?.find((o) => o.orderNumber === orderNumber)?.id,
    syncOrder:
      options.syncOrder ?? (async () => ({ outcome: 'skipped', action: 'not-wired-in-this-test' })),
  };

  return { app: createApp(deps), failures, store, logs: capture };
}
