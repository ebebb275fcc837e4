import type { CtApi, LinnworksApi, LinnworksOrderDetails, OrderSyncReconciler } from 'shared';

import { decimalToMinorUnits } from './money';
import {
  compareOrders,
  ctCoarseState,
  type CtOrderSnapshot,
  lwCoarseState,
  type LwOrderSnapshot,
  type OrderDiscrepancy,
} from './order-discrepancies';

/** A commercetools order as the shared client types it (no direct platform-sdk dependency here). */
export type CtOrder = Awaited<
  ReturnType<ReturnType<ReturnType<CtApi['orders']>['get']>['execute']>
>['body']['results'][number];
type Order = CtOrder;

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
export function ctSnapshot(
  order: Order,
  referenceOf: OrderSyncReconciler['referenceOf'],
): CtOrderSnapshot {
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
 * One page of orders created in [from, to): each is looked up in Linnworks by its reference
 * (one Linnworks call per order, so `limit` bounds the calls) and compared.
 */
export async function reconcileOrders(
  deps: { ct: CtApi; linnworks: LinnworksApi; orderSync: OrderSyncReconciler },
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
  const snapshots = page.results.map((o) => ctSnapshot(o, deps.orderSync.referenceOf));
  const lwByReference = new Map<string, LwOrderSnapshot[]>();
  for (const ct of snapshots) {
    const found = await deps.linnworks.getOrderDetailsByReferenceId({ referenceId: ct.reference });
    const exact = found.filter((o) => deps.orderSync.isLinnworksOrderOf(o, ct));
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
