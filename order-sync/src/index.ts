import { runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { wireOrderSync } from './order-sync.wiring';

runWithConfig({ name: 'order-sync', app: 'order-sync', loadConfig }, async (config, logger) => {
  await serve(createApp(wireOrderSync(config, logger)), { logger });
});
