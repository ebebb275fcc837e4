import express, { type Express, type RequestHandler } from 'express';
import {
  correlationMiddleware,
  errorMiddleware,
  type FailureQueue,
  type Logger,
  type ReconcileService,
  type ScheduledReconcileReport,
} from 'shared';

import type { OrderIdLookup } from './orders/order-lookup';
import type { OrderSummaryService } from './orders/order-summary';
import type { ReplayUseCase } from './replay/replay.use-case';
import { discardRoutes } from './routes/discard.routes';
import { failuresRoutes } from './routes/failures.routes';
import { operationsRoutes } from './routes/operations.routes';
import { type OrderRoutesDeps, orderSyncRoutes } from './routes/order-sync.routes';
import type { StatusReport } from './status/status.service';

export interface SyncAdminDeps {
  logger: Logger;
  /** Guards every route but `/health` (see `adminAuthMiddleware`). */
  auth: RequestHandler;
  failures: FailureQueue;
  status: () => Promise<StatusReport>;
  replay: ReplayUseCase;
  reconcile: ReconcileService;
  /** The report the scheduled reconciliation stored last. */
  latestReconcile: () => Promise<ScheduledReconcileReport | undefined>;
  /** One order's sync summary (the Merchant Center order panel). */
  orderSummary: OrderSummaryService;
  /** An order's commercetools id by its order number. */
  findOrderId: OrderIdLookup;
  /** Force-sync: order-sync's use case for one order, now. */
  syncOrder: OrderRoutesDeps['syncOrder'];
}

/** The operators' service app; every route lives under the Connect endpoint `/service`. */
export function createApp(deps: SyncAdminDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlationMiddleware('sync-admin'));

  const router = express.Router();
  // Liveness only: no auth, no upstream calls.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.use(deps.auth);
  // Bodies are parsed only once the caller is authenticated, and are small.
  router.use(express.json({ limit: '32kb', strict: true }));
  router.use(failuresRoutes(deps.failures));
  router.use(discardRoutes(deps.failures));
  router.use(orderSyncRoutes(deps));
  router.use(operationsRoutes(deps));
  router.use((_req, res) => {
    res.status(404).json({ error: 'NOT_FOUND', message: 'no such route' });
  });
  app.use('/service', router);
  app.use(errorMiddleware(deps.logger));

  return app;
}
