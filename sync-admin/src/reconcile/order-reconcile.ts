import {
  compareOrders,
  type CtApi,
  ctCoarseState,
  type CtOrderSnapshot,
  decimalToMinorUnits,
  EXTENDED_PROPERTY_CT_ORDER_ID,
  extendedPropertyOf,
  type LinnworksApi,
  type LinnworksOrderDetails,
  lwCoarseState,
  type LwOrderSnapshot,
  type OrderDiscrepancy,
} from 'shared';

/** A commercetools order as the shared client types it (no direct platform-sdk dependency here). */
export type CtOrder = Awaited<
  ReturnType<ReturnType<ReturnType<CtApi['orders']>['get']>['execute']>
>['body']['results'][number];
type Order = CtOrder;

/** The Linnworks ReferenceNum order-sync derives for a commercetools order (its exported function). */
export type OrderReferenceOf = (order: Order) => string;

export interface OrderReconcileResult {
  window: { from: string; to: string };
  checked: number;
  total: number;
  nextOffset?: number;
  discrepancies: OrderDiscrepancy[];
}

/**
 * What the order is worth as Linnworks shows it: the gross total. Where prices exclude tax,
 * commercetools' `totalPrice` is net and only `taxedPrice.totalGross` compares with TotalCharge.
 */
export function ctSnapshot(order: Order, referenceOf: OrderReferenceOf): CtOrderSnapshot {
  const total = order.taxedPrice?.totalGross ?? order.totalPrice;

  return {
    id: order.id,
    ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
    reference: referenceOf(order),
    createdAt: order.createdAt,
    currency: total.currencyCode,
    totalCentAmount: total.centAmount,
    fractionDigits: total.fractionDigits,
    state: ctCoarseState({
      orderState: order.orderState,
      ...(order.shipmentState ? { shipmentState: order.shipmentState } : {}),
    }),
  };
}

function lwSnapshot(
  order: LinnworksOrderDetails,
  reference: string,
  fractionDigits: number,
): LwOrderSnapshot {
  const total = order.TotalsInfo.TotalCharge;

  return {
    orderId: order.OrderId,
    ...(order.NumOrderId ? { numOrderId: order.NumOrderId } : {}),
    reference,
    ...(order.TotalsInfo.Currency ? { currency: order.TotalsInfo.Currency } : {}),
    ...(typeof total === 'number'
      ? { totalCentAmount: decimalToMinorUnits(total, fractionDigits) }
      : {}),
    state: lwCoarseState({
      processed: order.Processed === true,
      holdOrCancel: order.GeneralInfo.HoldOrCancel === true,
    }),
  };
}

/**
 * Whether a Linnworks order found by reference is this commercetools order's. The connector's
 * `ct_order_id` extended property decides when present (an order of another commercetools order
 * that shares the reference, e.g. another store's numbering, is not this one's); orders without
 * it (created by hand or by an older connector) count when their ReferenceNum is the reference.
 */
export function isLinnworksOrderOf(
  lw: LinnworksOrderDetails,
  ct: Pick<CtOrderSnapshot, 'id' | 'reference'>,
): boolean {
  const ctOrderId = extendedPropertyOf(lw, EXTENDED_PROPERTY_CT_ORDER_ID);
  if (ctOrderId) return ctOrderId === ct.id;

  return lw.GeneralInfo.ReferenceNum === ct.reference;
}

/**
 * One page of orders created in [from, to): each is looked up in Linnworks by its reference
 * (one Linnworks call per order, so `limit` bounds the calls) and compared.
 */
export async function reconcileOrders(
  deps: { ct: CtApi; linnworks: LinnworksApi; referenceOf: OrderReferenceOf },
  window: { from: string; to: string; limit: number; offset: number },
): Promise<OrderReconcileResult> {
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const page = (
    await deps.ct
      .orders()
      .get({
        queryArgs: {
          where: `createdAt >= "${from}" and createdAt < "${to}"`,
          sort: ['createdAt asc', 'id asc'],
          limit: window.limit,
          offset: window.offset,
          withTotal: true,
        },
      })
      .execute()
  ).body;
  const snapshots = page.results.map((o) => ctSnapshot(o, deps.referenceOf));
  const lwByReference = new Map<string, LwOrderSnapshot[]>();
  for (const ct of snapshots) {
    const found = await deps.linnworks.getOrderDetailsByReferenceId({ referenceId: ct.reference });
    const exact = found.filter((o) => isLinnworksOrderOf(o, ct));
    lwByReference.set(
      ct.reference,
      exact.map((o) => lwSnapshot(o, ct.reference, ct.fractionDigits)),
    );
  }
  const total = page.total ?? page.offset + page.count;
  const next = window.offset + page.count;

  return {
    window: { from, to },
    checked: snapshots.length,
    total,
    ...(next < total && page.count > 0 ? { nextOffset: next } : {}),
    discrepancies: compareOrders(snapshots, lwByReference),
  };
}
