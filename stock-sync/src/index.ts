import {
  createConnectorClients,
  createLogger,
  createStockSync,
  portFromEnv,
  runMain,
  serve,
} from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('stock-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'stock-sync', level: config.logLevel });
  const stockSync = createStockSync(createConnectorClients(config, logger), config.settings);
  await serve(createApp({ logger, run: stockSync.run }), { port: portFromEnv(), logger });
});
