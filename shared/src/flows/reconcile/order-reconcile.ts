import type { CtApi } from '../../commercetools/client';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import type { OrderSyncReconciler } from '../order-sync/order-sync.flow';

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
  /** Orders in the window (offset paging only). */
  total?: number;
  nextOffset?: number;
  /** The id to pass as `cursor` for the next page (cursor paging). */
  nextCursor?: string;
  discrepancies: OrderDiscrepancy[];
}

/**
 * What the order is worth as Linnworks shows it: the gross total. Where prices exclude tax,
 * commercetools' `totalPrice` is net and only `taxedPrice.totalGross` compares with TotalCharge.
 */
export function ctSnapshot(
  order: Order,
  orderSync: Pick<OrderSyncReconciler, 'referenceOf' | 'totalAsSent'> &
    Partial<Pick<OrderSyncReconciler, 'nothingToSend'>>,
): CtOrderSnapshot {
  const total = orderSync.totalAsSent(order);
  const nothingToSend = orderSync.nothingToSend?.(order) ?? false;
  const refunded = (order.paymentInfo?.payments ?? [])
    .flatMap((p) => p.obj?.transactions ?? [])
    .filter((t) => t.type === 'Refund' && t.state === 'Success')
    .reduce((sum, t) => sum + t.amount.centAmount, 0);

  return {
    id: order.id,
    ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
    reference: orderSync.referenceOf(order),
    createdAt: order.createdAt,
    currency: total.currencyCode,
    totalCentAmount: total.centAmount,
    fractionDigits: total.fractionDigits,
    state: ctCoarseState({
      orderState: order.orderState,
      ...(order.shipmentState ? { shipmentState: order.shipmentState } : {}),
    }),
    refundedCentAmount: refunded,
    ...(nothingToSend ? { nothingToSend } : {}),
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
 * What Linnworks refunded on an order (actioned, not deleted, not cancellation lines), in minor
 * units. Read only where there can be some: a processed order, or one commercetools refunded.
 */
async function lwRefunded(
  linnworks: LinnworksApi,
  order: LinnworksOrderDetails,
  ct: CtOrderSnapshot,
): Promise<number | undefined> {
  if (!order.Processed && !ct.refundedCentAmount) return undefined;
  const options = await linnworks.getRefundOptions({ orderId: order.OrderId });

  return options.AllExistingRefunds.filter((l) => l.Actioned && !l.Deleted && !l.IsCancellation)
    .map((l) => decimalToMinorUnits(l.Amount, ct.fractionDigits))
    .reduce((sum, cents) => sum + cents, 0);
}

/** One page of commercetools orders: by offset (sorted by creation), or after an id (cursor). */
async function orderPage(
  ct: CtApi,
  window: { from: string; to: string; limit: number; offset: number; cursor?: string },
) {
  const inWindow = `createdAt >= "${window.from}" and createdAt < "${window.to}"`;
  const cursor = window.cursor;
  const queryArgs =
    cursor === undefined
      ? { where: inWindow, sort: ['createdAt asc', 'id asc'], offset: window.offset }
      : { where: cursor ? `${inWindow} and id > "${cursor}"` : inWindow, sort: ['id asc'] };

  return (
    await ct
      .orders()
      .get({
        queryArgs: {
          ...queryArgs,
          // Payments with their transactions: the refunded total compared with Linnworks';
          // line-item states: units in a cancelled state are not in the Linnworks total.
          expand: ['paymentInfo.payments[*]', 'lineItems[*].state[*].state'],
          limit: window.limit,
          withTotal: cursor === undefined,
        },
      })
      .execute()
  ).body;
}

/**
 * One page of orders created in [from, to): each is looked up in Linnworks by its reference
 * (one Linnworks call per order, so `limit` bounds the calls) and compared. With `cursor` (an
 * order id, or '' to start) the page follows that id, with no 10,000 offset ceiling.
 */
export async function reconcileOrders(
  deps: { ct: CtApi; linnworks: LinnworksApi; orderSync: OrderSyncReconciler },
  window: { from: string; to: string; limit: number; offset: number; cursor?: string },
): Promise<OrderReconcileResult> {
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const page = await orderPage(deps.ct, { ...window, from, to });
  const snapshots = page.results.map((o) => ctSnapshot(o, deps.orderSync));
  const lwByReference = new Map<string, LwOrderSnapshot[]>();
  for (const ct of snapshots) {
    const found = await deps.linnworks.getOrderDetailsByReferenceId({ referenceId: ct.reference });
    const exact = found.filter((o) => deps.orderSync.isLinnworksOrderOf(o, ct));
    const lw = exact.map((o) => lwSnapshot(o, ct.reference, ct.fractionDigits));
    const [only] = exact;
    if (only && lw[0] && exact.length === 1) {
      const refunded = await lwRefunded(deps.linnworks, only, ct);
      if (refunded !== undefined) lw[0] = { ...lw[0], refundedCentAmount: refunded };
    }
    lwByReference.set(ct.reference, lw);
  }
  const discrepancies = compareOrders(snapshots, lwByReference);
  if (window.cursor !== undefined) {
    const last = page.results.at(-1)?.id;
    const more = page.count === window.limit && last !== undefined;

    return {
      window: { from, to },
      checked: snapshots.length,
      ...(more ? { nextCursor: last } : {}),
      discrepancies,
    };
  }
  const total = page.total ?? page.offset + page.count;
  const next = window.offset + page.count;

  return {
    window: { from, to },
    checked: snapshots.length,
    total,
    ...(next < total && page.count > 0 ? { nextOffset: next } : {}),
    discrepancies,
  };
}
