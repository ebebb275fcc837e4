import { createCtApi, ensureFulfillmentStates, runPostDeploy } from 'shared';

import { configSpec, loadConfig } from '../config';

const script = { ...configSpec, name: 'fulfillment-sync post-deploy', loadConfig };

/** Connect runs this after each deploy, once the configuration checked out (docs/configuration.md): creates (or puts back) the flow's custom states. */
runPostDeploy(script, async (config, logger) => {
  const api = createCtApi(config.ct);
  const { states, warnings } = await ensureFulfillmentStates(api, config.settings);
  for (const warning of warnings) logger.warn({ states }, `fulfillment states: ${warning}`);
  logger.info({ states }, 'fulfillment states ready');
});
