import type { OrderState } from './order-state.contract';

/**
 * The order-state lifecycle, as pure merges for `OrderStateRepo.update` (docs/order-state.md):
 *
 *   created → shipped | cancelled → closed → (compacted)
 *
 * fulfillment-sync settles a record when Linnworks processes or cancels the order, closes it once
 * no feed will look for it again (the late-tracking window), and compacts it after the retention.
 * Each merge returns `undefined` when the record is already there, so replays write nothing.
 */
export type Settlement = 'shipped' | 'cancelled';

/** Whether the order has left Linnworks' open orders (shipped, cancelled there, or closed). */
export function isSettled(state: OrderState | undefined): boolean {
  return Boolean(state?.settled) || state?.status === 'shipped' || state?.status === 'closed';
}

/** The record once Linnworks processed (`shipped`) or cancelled the order. */
export function settle(
  current: OrderState | undefined,
  as: Settlement,
  at: Date,
): OrderState | undefined {
  if (!current || current.settled || current.status === 'closed') return undefined;

  return {
    ...current,
    status: as,
    settled: { as, at: at.toISOString() },
    updatedAt: at.toISOString(),
  };
}

/** The record once nothing but refunds, replays and reconciliation will read it. */
export function close(current: OrderState | undefined, at: Date): OrderState | undefined {
  if (!current || (current.status !== 'shipped' && current.status !== 'cancelled'))
    return undefined;
  const settled = current.settled ?? { as: current.status, at: current.updatedAt };

  return {
    ...current,
    status: 'closed',
    settled,
    closedAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

/**
 * A closed record cut down to what is still needed after the retention:
 * - reconciliation and the order panel: `ctOrderId`, `orderNumber`, `linnworksOrderId`,
 *   `linnworksReference`, `status`, `settled`, `paid`;
 * - replay (order-sync must never create the order again, fulfillment-sync finds the order of a
 *   late refund): `linnworksOrderId`, `linnworksReference`, `lastOrderVersion`;
 * - echo suppression (a late cancellation message is not sent back): `cancellation`.
 * Everything else (attempts, fulfilment location, whatever a flow added) is dropped.
 */
export function compact(current: OrderState | undefined, at: Date): OrderState | undefined {
  if (!current || current.status !== 'closed' || current.compactedAt) return undefined;
  const kept: OrderState = {
    ctOrderId: current.ctOrderId,
    ...(current.orderNumber ? { orderNumber: current.orderNumber } : {}),
    ...(current.linnworksOrderId ? { linnworksOrderId: current.linnworksOrderId } : {}),
    linnworksReference: current.linnworksReference,
    status: 'closed',
    paid: current.paid,
    lastOrderVersion: current.lastOrderVersion,
    attempts: 0,
    updatedAt: at.toISOString(),
    ...(current.cancellation ? { cancellation: current.cancellation } : {}),
    ...(current.settled ? { settled: current.settled } : {}),
    ...(current.closedAt ? { closedAt: current.closedAt } : {}),
    compactedAt: at.toISOString(),
  };

  return kept;
}
