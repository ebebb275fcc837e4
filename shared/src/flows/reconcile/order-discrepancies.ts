/** An order's lifecycle in terms both systems can express. */
export type CoarseOrderState = 'open' | 'shipped' | 'cancelled';

/** What reconciliation needs of a commercetools order: ids and money, no personal data. */
export interface CtOrderSnapshot {
  id: string;
  orderNumber?: string;
  /** The Linnworks reference the order-sync flow derives for this order. */
  reference: string;
  createdAt: string;
  currency: string;
  totalCentAmount: number;
  fractionDigits: number;
  state: CoarseOrderState;
  /** Successful `Refund` transactions on the order's payments, in minor units. */
  refundedCentAmount?: number;
  /** Every unit sits in a cancelled line-item state: without a Linnworks order it is in step. */
  nothingToSend?: boolean;
}

/** What reconciliation needs of a Linnworks order; `totalCentAmount` is already in minor units. */
export interface LwOrderSnapshot {
  orderId: string;
  numOrderId?: number;
  reference: string;
  currency?: string;
  totalCentAmount?: number;
  state: CoarseOrderState;
  /** Actioned refund lines (cancellations left out), in minor units; absent when not read. */
  refundedCentAmount?: number;
}

export type OrderDiscrepancyKind =
  | 'missing-in-linnworks'
  | 'duplicated-in-linnworks'
  | 'currency-differs'
  | 'total-differs'
  | 'state-differs'
  | 'refunds-differ';

export interface OrderDiscrepancy {
  kind: OrderDiscrepancyKind;
  reference: string;
  ctOrderId: string;
  lwOrderIds: string[];
  commercetools?: string | number;
  linnworks?: string | number;
}

/** Coarse state of a commercetools order from its order and shipment states. */
export function ctCoarseState(order: {
  orderState: string;
  shipmentState?: string;
}): CoarseOrderState {
  if (order.orderState === 'Cancelled') return 'cancelled';
  if (order.shipmentState === 'Shipped' || order.shipmentState === 'Delivered') return 'shipped';

  return 'open';
}

/**
 * Coarse state of a Linnworks order: a processed order with HoldOrCancel is cancelled (on open
 * orders HoldOrCancel means "on hold", which is still open).
 */
export function lwCoarseState(order: {
  processed: boolean;
  holdOrCancel: boolean;
}): CoarseOrderState {
  if (!order.processed) return 'open';

  return order.holdOrCancel ? 'cancelled' : 'shipped';
}

/**
 * Compares commercetools orders with the Linnworks orders found for their references. Each
 * commercetools order yields at most one "missing" or "duplicated" finding; totals and state
 * are compared only when exactly one Linnworks order matches.
 */
export function compareOrders(
  ctOrders: CtOrderSnapshot[],
  lwByReference: ReadonlyMap<string, LwOrderSnapshot[]>,
): OrderDiscrepancy[] {
  const findings: OrderDiscrepancy[] = [];
  for (const ct of ctOrders) {
    const matches = lwByReference.get(ct.reference) ?? [];
    const base = {
      reference: ct.reference,
      ctOrderId: ct.id,
      lwOrderIds: matches.map((m) => m.orderId),
    };
    if (matches.length === 0) {
      // Every unit cancelled before export: order-sync sent nothing, on purpose.
      if (!ct.nothingToSend) findings.push({ kind: 'missing-in-linnworks', ...base });
      continue;
    }
    if (matches.length > 1) {
      findings.push({ kind: 'duplicated-in-linnworks', ...base, linnworks: matches.length });
      continue;
    }
    const lw = matches[0] as LwOrderSnapshot;
    if (lw.currency !== undefined && lw.currency !== ct.currency) {
      findings.push({
        kind: 'currency-differs',
        ...base,
        commercetools: ct.currency,
        linnworks: lw.currency,
      });
    } else if (lw.totalCentAmount !== ct.totalCentAmount) {
      findings.push({
        kind: 'total-differs',
        ...base,
        commercetools: ct.totalCentAmount,
        ...(lw.totalCentAmount === undefined ? {} : { linnworks: lw.totalCentAmount }),
      });
    }
    if (lw.state !== ct.state) {
      findings.push({
        kind: 'state-differs',
        ...base,
        commercetools: ct.state,
        linnworks: lw.state,
      });
    }
    const refunds = refundsFinding(ct, lw);
    if (refunds) findings.push({ ...refunds, ...base });
  }

  return findings;
}

/**
 * Refunded totals per order: commercetools' successful Refund transactions against Linnworks'
 * actioned refunds (both directions of the money paths land in both). Compared only when
 * Linnworks' refunds were read.
 */
function refundsFinding(
  ct: CtOrderSnapshot,
  lw: LwOrderSnapshot,
): Pick<OrderDiscrepancy, 'kind' | 'commercetools' | 'linnworks'> | undefined {
  if (lw.refundedCentAmount === undefined) return undefined;
  const mine = ct.refundedCentAmount ?? 0;
  if (mine === lw.refundedCentAmount) return undefined;

  return { kind: 'refunds-differ', commercetools: mine, linnworks: lw.refundedCentAmount };
}
