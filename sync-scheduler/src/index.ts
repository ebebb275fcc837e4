import { createConnectorClients, runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { scheduledTasks, schedulerRun } from './tasks';

const script = { name: 'sync-scheduler', app: 'sync-scheduler', loadConfig };

runWithConfig(script, async (config, logger) => {
  const clients = createConnectorClients(config, logger, { app: 'sync-scheduler' });
  const run = schedulerRun(clients, scheduledTasks(clients, config), config.job);
  await serve(createApp({ logger, run, alerts: clients.alerts }), { logger });
});
