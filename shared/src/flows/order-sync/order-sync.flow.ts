// The order-sync flow's face: what apps, sync-admin and the sandbox use of it. Everything else
// in this folder is the flow's own.
import type { ConnectorClients } from '../../clients/connector-clients';
import { CtStateStore } from '../../state/ct-state-store';
import { FailureQueue } from '../../state/failure-queue';
import { linnworksChannelKey } from '../../state/connector-names';
import {
  CtOrderSyncAdapter,
  ensureLinnworksChannel,
  LINNWORKS_CHANNEL_KEY,
} from './ct-order-sync.adapter';
import { linnworksReferenceFor, mapOrderToLinnworks } from './ct-order.mapper';
import type { ScheduledTask } from '../../scheduler/scheduled-task';
import {
  type BackstopCursor,
  ORDER_BACKSTOP_TASK,
  orderBackstopTask,
} from './backstop-sweep.use-case';
import {
  type OrderBackstopEnv,
  orderBackstopEnvShape,
  type OrderBackstopSettings,
  toOrderBackstopSettings,
} from './backstop.settings';
import { KnownSkuCache } from './known-sku.cache';
import { CreateOrdersBatcher } from './create-orders.batcher';
import { BUDGET_REQUEUE, type CreateRequest, sendCreateBatch } from './create-batch.send';
import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import {
  ctLineItemIdOf,
  DEFAULT_LINNWORKS_ORDER_SOURCE,
  EXTENDED_PROPERTY_CT_ORDER_ID,
  EXTENDED_PROPERTY_CT_ORDER_NUMBER,
  extendedPropertyOf,
} from './linnworks-order.contract';
import type { LinnworksOrderSyncPort } from './linnworks-order-sync.port';
import {
  createOrderMessageHandler,
  type OrderMessageHandler,
  type OrderMessageOutcome,
} from './order-message.handler';
import {
  ORDER_STATE_CONTAINER,
  type OrderState,
  OrderStateRepo,
  type OrderSyncStatus,
} from './order-state.contract';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import { type OrderSyncReconciler, orderSyncReconcilerFor } from './order-sync.reconciler';
import { createOrderSyncReplayer, type OrderSyncReplayer } from './order-sync.replayer';
import { syncOrder, type SyncOrderOptions } from './sync-order.use-case';
import { rulesForStore } from './store-rules';
import { withPaymentMessages } from './payment-message.handler';
import {
  type OrderSyncEnv,
  orderSyncEnvShape,
  type OrderSyncSettings,
  toOrderSyncSettings,
} from './order-sync.settings';

// The flow's public names besides its face: settings, contract, and the pure mapper (what
// order-sync sends Linnworks for an order: previews and the totals property test).
export {
  ctLineItemIdOf,
  DEFAULT_LINNWORKS_ORDER_SOURCE,
  ensureLinnworksChannel,
  EXTENDED_PROPERTY_CT_ORDER_ID,
  EXTENDED_PROPERTY_CT_ORDER_NUMBER,
  extendedPropertyOf,
  LINNWORKS_CHANNEL_KEY,
  linnworksReferenceFor,
  mapOrderToLinnworks,
  ORDER_BACKSTOP_TASK,
  orderBackstopEnvShape,
  ORDER_STATE_CONTAINER,
  ORDER_SYNC_FLOW,
  OrderStateRepo,
  orderSyncEnvShape,
  rulesForStore,
  toOrderBackstopSettings,
  toOrderSyncSettings,
};
export type {
  BackstopCursor,
  OrderBackstopEnv,
  OrderBackstopSettings,
  LinnworksOrderSyncPort,
  OrderMessageHandler,
  OrderMessageOutcome,
  OrderState,
  OrderSyncEnv,
  OrderSyncReconciler,
  OrderSyncReplayer,
  OrderSyncSettings,
  OrderSyncStatus,
  SyncOrderOptions,
  SyncResult,
};

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
  /**
   * Syncs one order now, by its commercetools id (sync-admin's force-sync): the same use case
   * as a message, so exactly once like every other path; `dryRun` computes and writes nothing.
   */
  sync(ctOrderId: string, options?: SyncOrderOptions): Promise<SyncResult>;
  /**
   * The backstop sweep as a sync-scheduler task: orders whose messages never arrived are synced
   * through the same use case as `handle`.
   */
  backstopTask(settings: OrderBackstopSettings): ScheduledTask<BackstopCursor>;
}

/**
 * The order-sync flow over the given clients. The clients carry the app's timing: the event app
 * passes a Linnworks client with short timeouts, sync-admin one with the defaults.
 */
export function createOrderSync(clients: ConnectorClients, settings: OrderSyncSettings): OrderSync {
  const store = new CtStateStore(clients.ct, clients.instanceKey);
  const deps: OrderSyncDeps = {
    ct: new CtOrderSyncAdapter(clients.ct, linnworksChannelKey(clients.instanceKey)),
    linnworks: clients.linnworks,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store, clients.now, clients.alerts?.failures),
    settings,
    logger: clients.logger,
    knownSkus: new KnownSkuCache(),
    ...(clients.now ? { now: clients.now } : {}),
  };
  if (settings.batch && settings.batch.maxSize > 1) {
    deps.createBatcher = new CreateOrdersBatcher<CreateRequest, LinnworksOrderDetails>(
      (location, requests) => sendCreateBatch(deps, location, requests),
      settings.batch,
      BUDGET_REQUEUE,
    );
  }

  return {
    flow: ORDER_SYNC_FLOW,
    handle: withPaymentMessages(deps, createOrderMessageHandler(deps)),
    replayer: createOrderSyncReplayer(deps),
    reconciler: orderSyncReconcilerFor(settings),
    failures: deps.failures,
    sync: (ctOrderId, options) => syncOrder(deps, ctOrderId, options),
    backstopTask: (backstop) => orderBackstopTask(deps, backstop),
  };
}
