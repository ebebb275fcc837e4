import { createConnectorClients, createStockSync, runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runWithConfig({ name: 'stock-sync', app: 'stock-sync', loadConfig }, async (config, logger) => {
  const stockSync = createStockSync(
    createConnectorClients(config, logger, { app: 'stock-sync' }),
    config.settings,
  );
  await serve(createApp({ logger, run: stockSync.run }), { logger });
});
