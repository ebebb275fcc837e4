import { badRequest } from '../http/lw-error';
import { releaseOrder } from '../rules/allocation.rule';
import { createOrders } from '../rules/create-orders.rule';
import { unwrappedParams } from '../rules/wrapping.rule';
import { orderDetailsView } from '../views/order-details.view';
import type { OrderRecord } from '../state/records';
import { EMPTY_BODY, type CallContext, type HandlerTable } from './handler';

const MAX_REFERENCE_RESULTS = 50;

function idList(ctx: CallContext, name: string): string[] {
  const ids = ctx.params.list(name) ?? [];
  if (ids.length > ctx.options.maxIdsPerCall) {
    throw badRequest(`The maximum items count for this call is ${ctx.options.maxIdsPerCall}`);
  }

  return ids.map((id) => String(id).toLowerCase());
}

/** Orders/CancelOrder (reference §6.1): open orders only; `refund` is required in practice. */
function cancelOrder(ctx: CallContext): unknown {
  const { params, store } = ctx;
  if (!params.has('refund')) throw badRequest();
  const orderId = params.string('orderId');
  if (!orderId) throw badRequest();
  params.number('refund');
  const order = store.order(orderId);
  if (!order) return 'Order not found';
  if (order.processed) return 'Order is already processed';
  const centre = params.string('fulfilmentCenter');
  if (centre && centre.toLowerCase() !== order.locationId)
    return 'Order does not belong to the fulfilment center';
  releaseOrder(store.stock, order);
  const now = store.now();
  order.processed = true;
  order.processedOn = now;
  order.cancelledOn = now;
  order.paymentStatus = 'Cancelled';
  const note = params.string('note');
  if (note)
    order.notes.push({
      id: `${order.id}-cancel`,
      note,
      date: now,
      internal: true,
      createdBy: 'API',
    });

  // Success is `null`, sent as an empty body (the empty-body quirk, reference §10.9).
  return EMPTY_BODY;
}

const PARKED_TAG = 7;

function openOrders(ctx: CallContext): OrderRecord[] {
  const ids = ctx.params.list('orderIds');
  if (!ids) throw badRequest();

  return ids
    .map((id) => ctx.store.order(String(id)))
    .filter((o): o is OrderRecord => o !== undefined && !o.processed);
}

/**
 * Orders/ChangeStatus {orderIds, status} (method page: 0 UNPAID, 1 PAID, 2 RETURN, 3 PENDING,
 * 4 RESEND) on open orders. It does not touch the park state. Answers the ids it changed.
 */
function changeStatus(ctx: CallContext): string[] {
  const status = ctx.params.number('status');
  if (status === undefined || !Number.isInteger(status) || status < 0 || status > 4) {
    throw badRequest();
  }

  return openOrders(ctx).map((order) => {
    order.status = status;
    if (status === 1) {
      order.paymentStatus = 'Paid';
      order.paidOn = order.paidOn ?? ctx.store.now();
    }

    return order.id;
  });
}

/**
 * Orders/ChangeOrderTag {orderIds, tag} (method page: 1-6 custom tags, 7 parks, null removes the
 * tag). Removing (or replacing) the tag of a parked order un-parks it, except an UNPAID one,
 * which stays parked (Linnworks keeps unpaid orders parked) and is left out of the answer.
 */
function changeOrderTag(ctx: CallContext): string[] {
  if (!ctx.params.has('tag') && !ctx.params.has('orderIds')) throw badRequest();
  const tag = ctx.params.number('tag') ?? null;
  if (tag !== null && (!Number.isInteger(tag) || tag < 1 || tag > PARKED_TAG)) throw badRequest();
  const changed: string[] = [];
  for (const order of openOrders(ctx)) {
    if (tag === PARKED_TAG) order.isParked = true;
    else if (order.isParked && order.status === 0) continue;
    else {
      order.isParked = false;
      order.marker = tag ?? 0;
    }
    changed.push(order.id);
  }

  return changed;
}

export const orderRoutes: HandlerTable = {
  'Orders/ChangeStatus': changeStatus,
  'Orders/ChangeOrderTag': changeOrderTag,

  'Orders/CreateOrders': (ctx) => createOrders(ctx.store, ctx.params, ctx.options, ctx.warn),

  'Orders/GetOrdersById': (ctx) =>
    idList(ctx, 'pkOrderIds')
      .map((id) => ctx.store.order(id))
      .filter((order) => order !== undefined)
      .map((order) => orderDetailsView(ctx.store, order, ctx.options)),

  'Orders/GetOrderById': (ctx) => {
    const order = ctx.store.order(ctx.params.string('pkOrderId') ?? '');

    return order ? orderDetailsView(ctx.store, order, ctx.options) : null;
  },

  'Orders/GetOrderDetailsByReferenceId': (ctx) => {
    const reference = ctx.params.string('ReferenceId');
    if (!reference) throw badRequest();

    return ctx.store
      .ordersByReference(reference)
      .slice(0, MAX_REFERENCE_RESULTS)
      .map((order) => orderDetailsView(ctx.store, order, ctx.options));
  },

  'Orders/CancelOrder': cancelOrder,

  'Orders/GetShippingMethods': (ctx) => {
    const byVendor = new Map<string, unknown[]>();
    for (const s of ctx.store.postalServices.values()) {
      const list = byVendor.get(s.vendor) ?? [];
      list.push({
        pkPostalServiceId: s.id,
        PostalServiceName: s.name,
        TrackingNumberRequired: s.trackingNumberRequired,
        Vendor: s.vendor,
        IntegratedServiceID: null,
      });
      byVendor.set(s.vendor, list);
    }

    return [...byVendor].map(([Vendor, PostalServices]) => ({ Vendor, PostalServices }));
  },

  /** Sent unwrapped [obs]; with the wrapper the term is not seen ("Must provide a search term."). */
  'OpenOrders/SearchOrders': (ctx) => {
    const request = unwrappedParams(ctx);
    const term = request.string('SearchTerm')?.trim().toLowerCase();
    if (!term) throw badRequest('Must provide a search term.');
    const includeProcessed = request.boolean('IncludeProcessed') ?? false;
    const open: string[] = [];
    const processed: string[] = [];
    for (const o of ctx.store.orders.values()) {
      const hit = [
        o.referenceNumber,
        o.secondaryReference,
        o.externalReference,
        String(o.numOrderId),
      ].some((v) => v.toLowerCase() === term);
      if (!hit) continue;
      if (!o.processed) open.push(o.id);
      else if (includeProcessed) processed.push(o.id);
    }
    const location = request.string('LocationId') ?? '00000000-0000-0000-0000-000000000000';

    return {
      OpenOrders: [
        {
          ViewId: 0,
          LocationId: location,
          TotalOrders: open.length,
          OrderIds: open,
          Count: open.length,
        },
      ],
      ProcessedOrders: processed,
    };
  },
};
