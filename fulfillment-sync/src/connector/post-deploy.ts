import { createCtApi, createLogger, runMain } from 'shared';

import { loadConfig } from '../config';
import { ensureFulfillmentStates } from './fulfillment-states';

/** Connect runs this after each deploy: creates the flow's custom states; safe to run again. */
runMain('fulfillment-sync post-deploy', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'fulfillment-sync', level: config.logLevel });
  const states = await ensureFulfillmentStates(createCtApi(config.ct), config.settings);
  logger.info({ states }, 'fulfillment states ready');
});
