import { createCtApi, ensureFulfillmentStates, runWithConfig } from 'shared';

import { loadConfig } from '../config';

const script = { name: 'fulfillment-sync post-deploy', app: 'fulfillment-sync', loadConfig };

/** Connect runs this after each deploy: creates (or puts back) the flow's custom states. */
runWithConfig(script, async (config, logger) => {
  const api = createCtApi(config.ct);
  const { states, warnings } = await ensureFulfillmentStates(api, config.settings);
  for (const warning of warnings) logger.warn({ states }, `fulfillment states: ${warning}`);
  logger.info({ states }, 'fulfillment states ready');
});
