import {
  createCtApi,
  createLogger,
  createStockSync,
  CtStateStore,
  CtStockSyncAdapter,
  LinnworksClient,
  portFromEnv,
  runMain,
  serve,
} from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';

runMain('stock-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'stock-sync', level: config.logLevel });
  const ctApi = createCtApi(config.ct);
  const stockSync = createStockSync({
    linnworks: new LinnworksClient({ config: config.linnworks, logger }),
    ct: new CtStockSyncAdapter(ctApi),
    store: new CtStateStore(ctApi),
    logger,
    mapping: config.mapping,
    skuMatching: config.skuMatching,
    timeBudgetMs: config.timeBudgetMs,
  });
  const app = createApp({ logger, stockSync, dryRunByDefault: config.dryRun });
  await serve(app, { port: portFromEnv(), logger });
});
