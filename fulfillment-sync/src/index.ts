import { createCtApi, createLogger, LinnworksClient, portFromEnv, runMain, serve } from 'shared';

import { createApp } from './app';
import { loadConfig } from './config';
import { fulfillmentDeps, jobRunner } from './wiring';

runMain('fulfillment-sync', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'fulfillment-sync', level: config.logLevel });
  const deps = fulfillmentDeps(config, {
    ctApi: createCtApi(config.ct),
    linnworks: new LinnworksClient({ config: config.linnworks, logger }),
    logger,
  });
  const app = createApp({ logger, run: jobRunner(deps, config) });
  await serve(app, { port: portFromEnv(), logger });
});
