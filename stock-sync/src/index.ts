import { createConnectorClients, createStockSync, runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runWithConfig({ name: 'stock-sync', app: 'stock-sync', loadConfig }, async (config, logger) => {
  const clients = createConnectorClients(config, logger, { app: 'stock-sync' });
  const stockSync = createStockSync(clients, config.settings);
  await serve(createApp({ logger, run: stockSync.run, alerts: clients.alerts }), { logger });
});
