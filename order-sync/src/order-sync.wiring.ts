import {
  buildOrderSyncDeps,
  createCtApi,
  type CtApi,
  LinnworksClient,
  type LinnworksClientOptions,
  type Logger,
  type OrderSyncDeps,
} from 'shared';

import type { OrderSyncConfig } from './config';

/**
 * The real use-case dependencies from configuration. Linnworks calls are kept short (5 s,
 * 2 attempts, short 429 wait) because the message must be answered within Pub/Sub's 10 s:
 * a slow upstream becomes a 503 and a redelivery rather than a late answer.
 */
export function createOrderSyncDeps(
  config: OrderSyncConfig,
  logger: Logger,
  overrides: { api?: CtApi; linnworks?: Partial<LinnworksClientOptions> } = {},
): OrderSyncDeps {
  return buildOrderSyncDeps({
    api: overrides.api ?? createCtApi(config.ct, { timeoutMs: 4_000, maxRetries: 1 }),
    linnworks: new LinnworksClient({
      config: config.linnworks,
      timeoutMs: 5_000,
      retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000 },
      rateLimitFallbackMs: 2_000,
      logger,
      ...overrides.linnworks,
    }),
    settings: config.settings,
    logger,
  });
}
