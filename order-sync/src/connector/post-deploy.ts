import {
  createCtApi,
  destinationFromEnv,
  ensureSubscription,
  ORDER_SYNC_SUBSCRIPTION_MESSAGES,
  runPostDeploy,
} from 'shared';

import { configSpec, loadConfig } from '../config';
import { ensureConnectorResources } from './resources';

const script = { ...configSpec, name: 'order-sync post-deploy', loadConfig };

/** Connect runs this after each deploy, once the configuration checked out (docs/configuration.md): idempotent, safe to run again on every redeploy. */
runPostDeploy(script, async (config, logger) => {
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
  const resources = await ensureConnectorResources(api, config.instanceKey);
  logger.info({ resources }, 'connector resources ready');
});
