import { createLogger, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('fulfillment-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'fulfillment-sync', level: config.logLevel });
  const app = createApp({
    logger,
    run: async (request) => {
      const startedAt = new Date().toISOString();

      return {
        flow: 'fulfillment-sync',
        status: 'skipped',
        reason: 'no-sync-wired',
        dryRun: request.dryRun ?? config.dryRun,
        startedAt,
        finishedAt: new Date().toISOString(),
        durationMs: 0,
        counts: {},
      };
    },
  });
  await serve(app, { port: portFromEnv(), logger });
});
