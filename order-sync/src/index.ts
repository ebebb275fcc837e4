import { createLogger, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('order-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'order-sync', level: config.logLevel });
  const app = createApp({
    logger,
    handleMessage: async (notification) => {
      logger.debug({ type: notification.type }, 'message ignored: no handler wired yet');

      return 'ignored';
    },
  });
  await serve(app, { port: portFromEnv(), logger });
});
