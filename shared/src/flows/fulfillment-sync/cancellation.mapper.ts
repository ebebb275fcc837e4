import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import type { LwRefundLine, RecordProblem } from './fulfillment.types';
import { matchLines, quantityInState } from './line-match';

/** A whole order cancelled in Linnworks: the commercetools order becomes `Cancelled` (once). */
export function planFullCancellation(order: Order): OrderUpdateAction[] {
  return order.orderState === 'Cancelled'
    ? []
    : [{ action: 'changeOrderState', orderState: 'Cancelled' }];
}

/**
 * Partial cancellations (refund lines with `IsCancellation`) as line-item state transitions:
 * each line item moves to the cancelled state by the quantity Linnworks cancelled in total,
 * less what is already there, so applying the same lines again transitions nothing.
 * Units move out of the state that holds most of the line (normally the initial state).
 */
export function planPartialCancellations(
  order: Order,
  lines: LwRefundLine[],
  cancelled: { key: string; id: string | undefined },
): { actions: OrderUpdateAction[] } | { problem: RecordProblem } {
  const cancelLines = lines.filter((l) => l.isCancellation);
  if (cancelLines.length === 0) return { actions: [] };
  const capacity = new Map(order.lineItems.map((li) => [li.id, li.quantity]));
  const matched = matchLines(
    order,
    cancelLines.map((l) => ({ ...l.line, quantity: l.cancelledQuantity || l.quantity })),
    capacity,
    'cancellations',
  );
  if ('problem' in matched) return matched;
  const actions: OrderUpdateAction[] = [];
  for (const { id, quantity } of matched.items) {
    const lineItem = order.lineItems.find((li) => li.id === id);
    if (!lineItem) continue;
    const delta = quantity - quantityInState(lineItem, cancelled.id);
    if (delta <= 0) continue;
    const from = lineItem.state
      .filter((s) => s.state.id !== cancelled.id)
      .sort((a, b) => b.quantity - a.quantity)[0];
    if (!from || from.quantity < delta) {
      return {
        problem: {
          reasonCode: 'LINE_STATE_QUANTITY',
          message: `line item ${id} has ${from?.quantity ?? 0} units to cancel, Linnworks cancelled ${delta} more`,
          field: 'cancellations',
          retryable: false,
        },
      };
    }
    actions.push({
      action: 'transitionLineItemState',
      lineItemId: id,
      quantity: delta,
      fromState: { typeId: 'state', id: from.state.id },
      toState: { typeId: 'state', key: cancelled.key },
    });
  }

  return { actions };
}
