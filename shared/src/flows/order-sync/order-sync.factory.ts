import type { CtApi } from '../../commercetools/client';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import type { Logger } from '../../logging/logger';
import { CtStateStore } from '../../state/ct-state-store';
import { FailureQueue } from '../../state/failure-queue';
import { KnownSkuCache } from './known-sku.cache';
import type { OrderSyncDeps } from './order-sync.deps';
import { CtOrderSyncAdapter } from './ct-order-sync.adapter';
import type { OrderSyncSettings } from './order-sync.settings';
import { OrderStateRepo } from './order-state.contract';

/**
 * The order-sync use-case dependencies over real clients: what the event app runs and what
 * sync-admin passes to `createOrderSyncReplayer`.
 */
export function buildOrderSyncDeps(input: {
  api: CtApi;
  linnworks: LinnworksApi;
  settings: OrderSyncSettings;
  logger: Logger;
}): OrderSyncDeps {
  const store = new CtStateStore(input.api);

  return {
    ct: new CtOrderSyncAdapter(input.api),
    linnworks: input.linnworks,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store),
    settings: input.settings,
    logger: input.logger,
    knownSkus: new KnownSkuCache(),
  };
}
