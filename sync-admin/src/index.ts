import { createLogger, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { wireSyncAdmin } from './wiring';

runMain('sync-admin', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'sync-admin', level: config.logLevel });
  await serve(createApp(wireSyncAdmin(config, logger)), { port: portFromEnv(), logger });
});
