import type { Order } from '@commercetools/platform-sdk';
import {
  type CtApi,
  type FailureQueue,
  type FailureRecord,
  type FeedName,
  failureId,
  isCtNotFound,
  FULFILLMENT_SYNC_FLOW,
  fulfillmentFailureRef,
  type LinnworksApi,
  ORDER_SYNC_FLOW,
  type OrderState,
  type OrderStateRepo,
  toCtError,
} from 'shared';

/** Feeds of fulfillment-sync whose failures are recorded against a Linnworks order. */
const FEEDS: FeedName[] = ['progress', 'processed', 'tracking', 'cancelled', 'refunds'];

export type SyncStatus = OrderState['status'] | 'not-synced';

/** What the order panel shows for one commercetools order. Ids and states only, no personal data. */
export interface OrderSyncSummary {
  ctOrderId: string;
  orderNumber?: string;
  sync: {
    status: SyncStatus;
    linnworksOrderId?: string;
    linnworksReference?: string;
    paid?: boolean;
    attempts?: number;
    lastSyncAt?: string;
    /** Why order-sync created no Linnworks order although it took the order (`all-units-cancelled`). */
    notSent?: string;
  };
  /** The Linnworks order as Linnworks reports it now; absent until it exists. */
  linnworks?:
    | {
        orderNumber: number;
        processed: boolean;
        pickListPrinted: boolean;
        labelPrinted: boolean;
        partShipped: boolean;
        onHoldOrCancelled: boolean;
      }
    | { unavailable: string };
  /** Fulfilment as commercetools holds it (what fulfillment-sync wrote). */
  fulfilment?: {
    orderState: string;
    shipmentState?: string;
    state?: string;
    deliveries: number;
    parcels: number;
    trackingIds: string[];
  };
  /** This order's failures, pending first, each kept with its outcome for audit. */
  failures: FailureRecord[];
}

export interface OrderSummaryDeps {
  states: Pick<OrderStateRepo, 'get'>;
  failures: Pick<FailureQueue, 'get'>;
  /** The commercetools order with `state` expanded; undefined when there is none. */
  getOrder(ctOrderId: string): Promise<Order | undefined>;
  linnworks: Pick<LinnworksApi, 'getOrdersById'>;
  /** Bound on the Linnworks lookup (default 8 s); the rest of the summary is still given. */
  linnworksTimeoutMs?: number;
}

export type OrderSummaryService = (ctOrderId: string) => Promise<OrderSyncSummary | undefined>;

async function linnworksView(
  deps: OrderSummaryDeps,
  lwOrderId: string,
): Promise<OrderSyncSummary['linnworks']> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), deps.linnworksTimeoutMs ?? 8000);
  });
  try {
    const found = await Promise.race([
      deps.linnworks.getOrdersById({ orderIds: [lwOrderId] }),
      timeout,
    ]);
    if (found === 'timeout') return { unavailable: 'Linnworks did not answer in time' };
    const order = found.find((o) => o.OrderId === lwOrderId);
    if (!order) return { unavailable: 'Linnworks no longer has this order' };

    return {
      orderNumber: order.NumOrderId,
      processed: order.Processed,
      pickListPrinted: order.GeneralInfo.PickListPrinted ?? false,
      labelPrinted: order.GeneralInfo.LabelPrinted ?? false,
      partShipped: order.GeneralInfo.PartShipped ?? false,
      onHoldOrCancelled: order.GeneralInfo.HoldOrCancel ?? false,
    };
  } catch (error) {
    const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';

    return { unavailable: `Linnworks could not be asked${code ? ` (${code})` : ''}` };
  } finally {
    clearTimeout(timer);
  }
}

function fulfilmentOf(order: Order): OrderSyncSummary['fulfilment'] {
  const parcels = (order.shippingInfo?.deliveries ?? []).flatMap((d) => d.parcels);
  const stateKey = order.state?.obj?.key;

  return {
    orderState: order.orderState,
    ...(order.shipmentState ? { shipmentState: order.shipmentState } : {}),
    ...(stateKey ? { state: stateKey } : {}),
    deliveries: order.shippingInfo?.deliveries?.length ?? 0,
    parcels: parcels.length,
    trackingIds: parcels.flatMap((p) =>
      p.trackingData?.trackingId ? [p.trackingData.trackingId] : [],
    ),
  };
}

async function failuresOf(deps: OrderSummaryDeps, ctOrderId: string, lwOrderId?: string) {
  const ids = [failureId(ORDER_SYNC_FLOW, { type: 'order', id: ctOrderId })];
  if (lwOrderId) {
    for (const feed of FEEDS) {
      ids.push(
        failureId(FULFILLMENT_SYNC_FLOW, fulfillmentFailureRef(feed, { lwOrderId, numOrderId: 0 })),
      );
    }
  }
  const found = (await Promise.all(ids.map((id) => deps.failures.get(id)))).filter(
    (f): f is FailureRecord => f !== undefined,
  );

  return found.sort(
    (a, b) =>
      Number(b.status === 'pending') - Number(a.status === 'pending') ||
      b.lastFailedAt.localeCompare(a.lastFailedAt),
  );
}

/**
 * One order's sync summary: order-sync's record, the order's failures, fulfilment as
 * commercetools holds it and the Linnworks order as Linnworks reports it. Undefined when neither
 * commercetools nor the connector knows the order.
 */
export function createOrderSummary(deps: OrderSummaryDeps): OrderSummaryService {
  return async (ctOrderId) => {
    const [stored, order] = await Promise.all([
      deps.states.get(ctOrderId),
      deps.getOrder(ctOrderId),
    ]);
    const state = stored?.value;
    if (!state && !order) return undefined;
    const lwOrderId = state?.linnworksOrderId;
    const [failures, linnworks] = await Promise.all([
      failuresOf(deps, ctOrderId, lwOrderId),
      lwOrderId ? linnworksView(deps, lwOrderId) : Promise.resolve(undefined),
    ]);
    const orderNumber = order?.orderNumber ?? state?.orderNumber;

    return {
      ctOrderId,
      ...(orderNumber ? { orderNumber } : {}),
      sync: state
        ? {
            status: state.status,
            ...(lwOrderId ? { linnworksOrderId: lwOrderId } : {}),
            linnworksReference: state.linnworksReference,
            paid: state.paid,
            attempts: state.attempts,
            lastSyncAt: state.updatedAt,
            ...(state.notSent ? { notSent: state.notSent.reason } : {}),
          }
        : { status: 'not-synced' },
      ...(linnworks ? { linnworks } : {}),
      ...(order ? { fulfilment: fulfilmentOf(order) } : {}),
      failures,
    };
  };
}

/** Reads a commercetools order with its custom `state` expanded (for its key). */
export function ctOrderWithState(ct: CtApi): OrderSummaryDeps['getOrder'] {
  return async (id) => {
    try {
      const res = await ct
        .orders()
        .withId({ ID: id })
        .get({ queryArgs: { expand: ['state'] } })
        .execute();

      return res.body;
    } catch (error) {
      if (isCtNotFound(error)) return undefined;
      throw toCtError(error, `read of order ${id}`);
    }
  };
}
