import {
  createCtApi,
  destinationFromEnv,
  ensureSubscription,
  ORDER_SYNC_SUBSCRIPTION_MESSAGES,
  runWithConfig,
} from 'shared';

import { loadConfig } from '../config';
import { ensureConnectorResources } from './resources';

const script = { name: 'order-sync post-deploy', app: 'order-sync', loadConfig };

/** Connect runs this after each deploy: idempotent, safe to run again on every redeploy. */
runWithConfig(script, async (config, logger) => {
  const api = createCtApi(config.ct);
  const destination = destinationFromEnv(process.env);
  const subscription = await ensureSubscription(api, {
    key: config.subscriptionKey,
    destination,
    messages: ORDER_SYNC_SUBSCRIPTION_MESSAGES,
  });
  logger.info(
    { subscription, key: config.subscriptionKey, destination: destination.type },
    'subscription ready',
  );
  const resources = await ensureConnectorResources(api);
  logger.info({ resources }, 'connector resources ready');
});
