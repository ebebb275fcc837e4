import { createLogger, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { wireOrderSync } from './order-sync.wiring';

runMain('order-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'order-sync', level: config.logLevel });
  await serve(createApp(wireOrderSync(config, logger)), { port: portFromEnv(), logger });
});
