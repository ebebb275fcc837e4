import { createConnectorClients, createFulfillmentSync, runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

const script = { name: 'fulfillment-sync', app: 'fulfillment-sync', loadConfig };

runWithConfig(script, async (config, logger) => {
  const clients = createConnectorClients(config, logger, { app: 'fulfillment-sync' });
  const fulfillmentSync = createFulfillmentSync(clients, config.settings);
  await serve(createApp({ logger, run: fulfillmentSync.run, alerts: clients.alerts }), { logger });
});
