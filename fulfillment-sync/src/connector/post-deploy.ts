import { createCtApi, createLogger, ensureFulfillmentStates, runMain } from 'shared';

import { loadConfig } from '../config';

/** Connect runs this after each deploy: creates (or puts back) the flow's custom states. */
runMain('fulfillment-sync post-deploy', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'fulfillment-sync', level: config.logLevel });
  const { states, warnings } = await ensureFulfillmentStates(
    createCtApi(config.ct),
    config.settings,
  );
  for (const warning of warnings) logger.warn({ states }, `fulfillment states: ${warning}`);
  logger.info({ states }, 'fulfillment states ready');
});
