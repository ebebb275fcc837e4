import { createLogger, createOrderMessageHandler, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { createOrderSyncDeps } from './order-sync.wiring';

runMain('order-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'order-sync', level: config.logLevel });
  const deps = createOrderSyncDeps(config, logger);
  const app = createApp({
    logger,
    handleMessage: createOrderMessageHandler(deps),
    failures: deps.failures,
  });
  await serve(app, { port: portFromEnv(), logger });
});
