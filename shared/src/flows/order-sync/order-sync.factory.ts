import type { CtApi } from '../../commercetools/client';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import type { Logger } from '../../logging/logger';
import { CtStateStore } from '../../state/ct-state-store';
import { FailureQueue } from '../../state/failure-queue';
import { KnownSkuCache } from './known-sku.cache';
import type { OrderSyncUseCaseDeps } from './order-sync.deps';
import { OrderSyncCtGateway } from './order-sync-ct.gateway';
import type { OrderSyncSettings } from './order-sync.env';
import { OrderStateRepo } from './order-state';

/**
 * The order-sync use-case dependencies over real clients: what the event app runs and what
 * sync-admin passes to `createOrderSyncReplayer`.
 */
export function buildOrderSyncDeps(input: {
  api: CtApi;
  linnworks: LinnworksApi;
  settings: OrderSyncSettings;
  logger: Logger;
}): OrderSyncUseCaseDeps {
  const store = new CtStateStore(input.api);

  return {
    ct: new OrderSyncCtGateway(input.api),
    linnworks: input.linnworks,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store),
    settings: input.settings,
    logger: input.logger,
    knownSkus: new KnownSkuCache(),
  };
}
