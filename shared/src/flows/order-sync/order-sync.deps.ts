import type { LinnworksOrderSyncPort } from './linnworks-order-sync.port';
import type { Logger } from '../../logging/logger';
import type { FailureQueue } from '../../state/failure-queue';
import type { CtOrderSyncPort } from './ct-order-sync.port';
import type { OrderSyncSettings } from './order-sync.settings';
import type { OrderStateRepo } from './order-state.contract';
import type { KnownSkuCache } from './known-sku.cache';
import type { CreateOrdersBatcher } from './create-orders.batcher';
import type { CreateRequest } from './create-batch.send';
import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';

export const ORDER_SYNC_FLOW = 'order-sync';

/** Everything the order-sync use cases need: ports, settings, and a clock. */
export interface OrderSyncDeps {
  ct: CtOrderSyncPort;
  linnworks: LinnworksOrderSyncPort;
  states: OrderStateRepo;
  failures: FailureQueue;
  settings: OrderSyncSettings;
  logger: Logger;
  /** SKUs Linnworks is known to have, so the unknown-SKU check rarely costs a call. */
  knownSkus: KnownSkuCache;
  /** Coalesces this process's concurrent creations into CreateOrders batches; without it, one call each. */
  createBatcher?: CreateOrdersBatcher<CreateRequest, LinnworksOrderDetails>;
  now?: () => Date;
}

/** What syncing one order came to. `rejected` means recorded in the failure queue. */
export interface SyncResult {
  outcome: 'processed' | 'skipped' | 'ignored' | 'rejected';
  /** Machine-readable what happened, e.g. `created`, `already-synced`, `cancelled`. */
  action: string;
  linnworksOrderId?: string;
  reasonCode?: string;
  message?: string;
}
