import { createLogger, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('sync-admin', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'sync-admin', level: config.logLevel });
  await serve(createApp({ logger }), { port: portFromEnv(), logger });
});
