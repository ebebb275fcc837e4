import {
  createCtApi,
  createLogger,
  destinationFromEnv,
  ensureSubscription,
  ORDER_MESSAGE_TYPES,
  runMain,
} from 'shared';

import { loadConfig } from '../config';
import { ensureConnectorResources } from './resources';

/** Connect runs this after each deploy: idempotent, safe to run again on every redeploy. */
runMain('order-sync post-deploy', async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ name: 'order-sync', level: config.logLevel });
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
  const resources = await ensureConnectorResources(api);
  logger.info({ resources }, 'connector resources ready');
});
