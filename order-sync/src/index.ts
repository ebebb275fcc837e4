import { runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { wireOrderSync } from './order-sync.wiring';

runWithConfig({ name: 'order-sync', app: 'order-sync', loadConfig }, async (config, logger) => {
  const deps = wireOrderSync(config, logger, { scaled: true });
  // Alerts raised in the background of the last messages are sent before the process exits.
  await serve(createApp(deps), { logger, onShutdown: deps.alertsSettled });
});
