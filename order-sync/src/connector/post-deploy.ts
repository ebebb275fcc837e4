import {
  createCtApi,
  destinationFromEnv,
  ensureSubscription,
  ORDER_MESSAGE_TYPES,
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
    messages: [{ resourceTypeId: 'order', types: [...ORDER_MESSAGE_TYPES] }],
  });
  logger.info(
    { subscription, key: config.subscriptionKey, destination: destination.type },
    'subscription ready',
  );
  const resources = await ensureConnectorResources(api, config.instanceKey);
  logger.info({ resources }, 'connector resources ready');
});
