import { createLogger, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('stock-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'stock-sync', level: config.logLevel });
  const app = createApp({
    logger,
    run: async (request) => {
      const startedAt = new Date().toISOString();

      return {
        flow: 'stock-sync',
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
