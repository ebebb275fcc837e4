import { createCtApi, createLogger, removeSubscription, runMain } from 'shared';

import { loadConfig } from '../config';

/** Connect runs this before undeploying: stop the message flow. State stays for a redeploy. */
runMain('order-sync pre-undeploy', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'order-sync', level: config.logLevel });
  const removed = await removeSubscription(createCtApi(config.ct), config.subscriptionKey);
  logger.info({ removed, key: config.subscriptionKey }, 'subscription removed');
});
