import {
  type ConnectorClientOptions,
  createConnectorClients,
  createOrderSync,
  type Logger,
} from 'shared';

import type { OrderSyncAppDeps } from './app';
import type { OrderSyncConfig } from './config';

/**
 * The event app's client timing. Linnworks calls are kept short (5 s, 2 attempts, short 429
 * wait) because the message must be answered within Pub/Sub's 10 s: a slow upstream becomes a
 * 503 and a redelivery rather than a late answer.
 */
export const orderSyncClientOptions = {
  app: 'order-sync',
  ct: { timeoutMs: 4_000, maxRetries: 1 },
  linnworks: {
    timeoutMs: 5_000,
    retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000 },
    rateLimitFallbackMs: 2_000,
  },
} satisfies ConnectorClientOptions;

/**
 * The event app's dependencies: the order-sync flow's face over real clients. `scaled`: this is
 * one of the instances Connect runs, which split the app's Linnworks share (the app's main sets
 * it; a test that builds one app in its own process leaves it out and keeps the whole share).
 */
export function wireOrderSync(
  config: OrderSyncConfig,
  logger: Logger,
  options: { scaled?: boolean } = {},
): OrderSyncAppDeps & { alertsSettled: () => Promise<void> } {
  const clients = createConnectorClients(config, logger, { ...orderSyncClientOptions, ...options });
  const orderSync = createOrderSync(clients, config.settings);

  return {
    logger,
    handleMessage: orderSync.handle,
    failures: orderSync.failures,
    alertsSettled: async () => clients.alerts?.settled(),
  };
}
