import { runWithConfig, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { wireSyncAdmin } from './wiring';

runWithConfig({ name: 'sync-admin', app: 'sync-admin', loadConfig }, async (config, logger) => {
  await serve(createApp(wireSyncAdmin(config, logger)), { logger });
});
