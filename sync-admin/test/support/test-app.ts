import type { RequestHandler } from 'express';
import { FailureQueue, type FlowReplayer, type Logger } from 'shared';
import { captureLogger, InMemoryStateStore } from 'shared/testing';

import { createApp, type SyncAdminDeps } from '../../src/app';
import type { ReconcileService } from '../../src/reconcile/reconcile.service';
import { createReplayRegistry } from '../../src/replay/replay-registry';
import { createReplayUseCase } from '../../src/replay/replay.use-case';
import type { StatusReport } from '../../src/status/status.service';

/** Lets every request through: for route tests whose subject is not authentication. */
export const allowAll: RequestHandler = (_req, _res, next) => next();

export interface TestAppOptions {
  auth?: RequestHandler;
  replayers?: Record<string, FlowReplayer | undefined>;
  status?: () => Promise<StatusReport>;
  reconcile?: ReconcileService;
  logger?: Logger;
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
  };

  return { app: createApp(deps), failures, store, logs: capture };
}
