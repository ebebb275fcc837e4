import type { LineItem, Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import { cancellationBlockedBy, expandedState } from './fulfillment-states';
import type { LwRefundLine, RecordProblem } from './fulfillment.types';
import { matchLines, quantityInState } from './line-match';

/** A whole order cancelled in Linnworks: the commercetools order becomes `Cancelled` (once). */
export function planFullCancellation(order: Order): OrderUpdateAction[] {
  return order.orderState === 'Cancelled'
    ? []
    : [{ action: 'changeOrderState', orderState: 'Cancelled' }];
}

type ItemState = LineItem['state'][number];

/**
 * The line-item state to move `delta` units of a line out of: of the states that hold units and
 * let them move to the cancelled state (from the expanded line-item states; unexpanded ones are
 * left to commercetools), the one holding most (normally the built-in `Initial`).
 */
function sourceState(
  lineItem: LineItem,
  delta: number,
  cancelled: { key: string; id: string | undefined },
): { from: ItemState } | { problem: RecordProblem } {
  const held = lineItem.state
    .filter((s) => s.state.id !== cancelled.id && s.quantity > 0)
    .sort((a, b) => b.quantity - a.quantity);
  const blocked = new Map<ItemState, string>();
  for (const s of held) {
    const info = expandedState(s.state);
    const reason =
      info && cancelled.id
        ? cancellationBlockedBy(info, { ...cancelled, id: cancelled.id })
        : undefined;
    if (reason) blocked.set(s, reason);
  }
  const from = held.find((s) => !blocked.has(s));
  if (!from && held.length > 0) {
    return {
      problem: {
        reasonCode: 'LINE_STATE_TRANSITION_NOT_ALLOWED',
        message: `line item ${lineItem.id}: ${[...new Set(blocked.values())].join('; ')} (docs/fulfillment-sync.md, "States")`,
        field: 'cancellations',
        retryable: false,
      },
    };
  }
  if (!from || from.quantity < delta) {
    return {
      problem: {
        reasonCode: 'LINE_STATE_QUANTITY',
        message: `line item ${lineItem.id} has ${from?.quantity ?? 0} units to cancel, Linnworks cancelled ${delta} more`,
        field: 'cancellations',
        retryable: false,
      },
    };
  }

  return { from };
}

/**
 * Partial cancellations (refund lines with `IsCancellation`) as line-item state transitions:
 * each line item moves to the cancelled state by the quantity Linnworks cancelled in total,
 * less what is already there, so applying the same lines again transitions nothing.
 * Units move out of the state chosen by `sourceState`.
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
    const source = sourceState(lineItem, delta, cancelled);
    if ('problem' in source) return source;
    actions.push({
      action: 'transitionLineItemState',
      lineItemId: id,
      quantity: delta,
      fromState: { typeId: 'state', id: source.from.state.id },
      toState: { typeId: 'state', key: cancelled.key },
    });
  }

  return { actions };
}
