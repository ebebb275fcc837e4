import {
  createConnectorClients,
  createFulfillmentSync,
  createLogger,
  portFromEnv,
  runMain,
  serve,
} from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('fulfillment-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'fulfillment-sync', level: config.logLevel });
  const fulfillmentSync = createFulfillmentSync(
    createConnectorClients(config, logger),
    config.settings,
  );
  await serve(createApp({ logger, run: fulfillmentSync.run }), { port: portFromEnv(), logger });
});
