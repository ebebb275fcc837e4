import express, { type Express } from 'express';
import { correlationMiddleware, errorMiddleware, type Logger } from 'shared';

export interface SyncAdminDeps {
  logger: Logger;
}

/** The operators' service app; every route lives under the Connect endpoint `/service`. */
export function createApp(deps: SyncAdminDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlationMiddleware('sync-admin'));
  app.use(express.json({ limit: '64kb' }));

  const router = express.Router();
  // Liveness only: no auth, no upstream calls.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/service', router);
  app.use(errorMiddleware(deps.logger));

  return app;
}
