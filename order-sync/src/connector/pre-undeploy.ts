import { createCtApi, removeSubscription, runWithConfig } from 'shared';

import { loadConfig } from '../config';

const script = { name: 'order-sync pre-undeploy', app: 'order-sync', loadConfig };

/** Connect runs this before undeploying: stop the message flow. State stays for a redeploy. */
runWithConfig(script, async (config, logger) => {
  const removed = await removeSubscription(createCtApi(config.ct), config.subscriptionKey);
  logger.info({ removed, key: config.subscriptionKey }, 'subscription removed');
});
