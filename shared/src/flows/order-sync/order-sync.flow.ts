// The order-sync flow's face: what apps, sync-admin and the sandbox use of it. Everything else
// in this folder is the flow's own.
import type { ConnectorClients } from '../../clients/connector-clients';
import { CtStateStore } from '../../state/ct-state-store';
import { FailureQueue } from '../../state/failure-queue';
import { CtOrderSyncAdapter } from './ct-order-sync.adapter';
import { KnownSkuCache } from './known-sku.cache';
import { createOrderMessageHandler, type OrderMessageHandler } from './order-message.handler';
import { OrderStateRepo } from './order-state.contract';
import { ORDER_SYNC_FLOW, type OrderSyncDeps } from './order-sync.deps';
import { type OrderSyncReconciler, orderSyncReconciler } from './order-sync.reconciler';
import { createOrderSyncReplayer, type OrderSyncReplayer } from './order-sync.replayer';
import type { OrderSyncSettings } from './order-sync.settings';

export { ensureLinnworksChannel, LINNWORKS_CHANNEL_KEY } from './ct-order-sync.adapter';
/** What order-sync sends Linnworks for an order (pure): previews and the totals property test. */
export { linnworksReferenceFor, mapOrderToLinnworks } from './ct-order.mapper';
export {
  ctLineItemIdOf,
  DEFAULT_LINNWORKS_ORDER_SOURCE,
  EXTENDED_PROPERTY_CT_ORDER_ID,
  EXTENDED_PROPERTY_CT_ORDER_NUMBER,
  extendedPropertyOf,
} from './linnworks-order.contract';
export type { LinnworksOrderSyncPort } from './linnworks-order-sync.port';
export type { OrderMessageHandler, OrderMessageOutcome } from './order-message.handler';
export {
  ORDER_STATE_CONTAINER,
  type OrderState,
  OrderStateRepo,
  type OrderSyncStatus,
} from './order-state.contract';
export { ORDER_SYNC_FLOW, type SyncResult } from './order-sync.deps';
export type { OrderSyncReconciler } from './order-sync.reconciler';
export type { OrderSyncReplayer } from './order-sync.replayer';
export {
  type OrderSyncEnv,
  orderSyncEnvShape,
  type OrderSyncSettings,
  toOrderSyncSettings,
} from './order-sync.settings';

/** What order-sync offers: the event app's handler, sync-admin's replayer and reconciler. */
export interface OrderSync {
  flow: typeof ORDER_SYNC_FLOW;
  /** Handles one commercetools order message (the event app's `/event`). */
  handle: OrderMessageHandler;
  /** Replays an order-sync failure (sync-admin's `/replay`). */
  replayer: OrderSyncReplayer;
  /** How a commercetools order and its Linnworks order are linked (sync-admin's `/reconcile`). */
  reconciler: OrderSyncReconciler;
  /** The failure queue the flow records into; the event app records unreadable deliveries. */
  failures: FailureQueue;
}

/**
 * The order-sync flow over the given clients. The clients carry the app's timing: the event app
 * passes a Linnworks client with short timeouts, sync-admin one with the defaults.
 */
export function createOrderSync(clients: ConnectorClients, settings: OrderSyncSettings): OrderSync {
  const store = new CtStateStore(clients.ct);
  const deps: OrderSyncDeps = {
    ct: new CtOrderSyncAdapter(clients.ct),
    linnworks: clients.linnworks,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store, clients.now),
    settings,
    logger: clients.logger,
    knownSkus: new KnownSkuCache(),
    ...(clients.now ? { now: clients.now } : {}),
  };

  return {
    flow: ORDER_SYNC_FLOW,
    handle: createOrderMessageHandler(deps),
    replayer: createOrderSyncReplayer(deps),
    reconciler: orderSyncReconciler,
    failures: deps.failures,
  };
}
