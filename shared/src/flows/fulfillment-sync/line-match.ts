import type { Delivery, LineItem, Order } from '@commercetools/platform-sdk';

import type { LwLine, RecordProblem } from './fulfillment.types';

export interface MatchedItem {
  id: string;
  quantity: number;
}

/** The delivery carrying `key` (the connector's deliveries are keyed `lw-<order>`). */
export function deliveryWithKey(order: Order, key: string): Delivery | undefined {
  return order.shippingInfo?.deliveries?.find((d) => d.key === key);
}

/** Quantity of each line item already delivered on the order (every delivery counts). */
export function deliveredQuantities(order: Order): Map<string, number> {
  const delivered = new Map<string, number>();
  for (const delivery of order.shippingInfo?.deliveries ?? []) {
    for (const item of delivery.items) {
      delivered.set(item.id, (delivered.get(item.id) ?? 0) + item.quantity);
    }
  }

  return delivered;
}

/** Quantity of a line item sitting in the given line-item state (e.g. cancelled). */
export function quantityInState(lineItem: LineItem, stateId: string | undefined): number {
  if (!stateId) return 0;

  return lineItem.state
    .filter((s) => s.state.id === stateId)
    .reduce((sum, s) => sum + s.quantity, 0);
}

/** What is still to ship per line item: ordered − delivered − cancelled. */
export function openQuantities(order: Order, cancelledStateId?: string): Map<string, number> {
  const delivered = deliveredQuantities(order);
  const open = new Map<string, number>();
  for (const li of order.lineItems) {
    const left = li.quantity - (delivered.get(li.id) ?? 0) - quantityInState(li, cancelledStateId);
    open.set(li.id, Math.max(0, left));
  }

  return open;
}

function candidates(order: Order, line: LwLine): LineItem[] {
  if (line.lineItemRef) {
    const byRef = order.lineItems.filter((li) => li.id === line.lineItemRef);
    if (byRef.length > 0) return byRef;
  }

  return order.lineItems.filter(
    (li) => li.variant.sku !== undefined && li.variant.sku === line.sku,
  );
}

/**
 * Matches Linnworks lines to commercetools line items: by the line reference order-sync sent,
 * else by SKU, filling line items in order while they have `available` quantity. `available`
 * is consumed, so several calls (one per parcel) never hand out the same unit twice.
 * All or nothing: the first line that cannot be matched in full is reported.
 */
export function matchLines(
  order: Order,
  lines: LwLine[],
  available: Map<string, number>,
  field = 'lines',
): { items: MatchedItem[] } | { problem: RecordProblem } {
  const taken = new Map<string, number>();
  for (const [index, line] of lines.entries()) {
    let wanted = line.quantity;
    for (const li of candidates(order, line)) {
      const free = (available.get(li.id) ?? 0) - (taken.get(li.id) ?? 0);
      const take = Math.min(free, wanted);
      if (take > 0) {
        taken.set(li.id, (taken.get(li.id) ?? 0) + take);
        wanted -= take;
      }
      if (wanted === 0) break;
    }
    if (wanted > 0) {
      return {
        problem: {
          reasonCode: 'LINE_UNMATCHED',
          message: `Linnworks line ${line.rowId ?? '?'} (SKU ${line.sku}) has ${wanted} of ${line.quantity} units no commercetools line item can take`,
          field: `${field}[${index}].sku`,
          retryable: false,
        },
      };
    }
  }
  for (const [id, qty] of taken) available.set(id, (available.get(id) ?? 0) - qty);

  return { items: [...taken].map(([id, quantity]) => ({ id, quantity })) };
}
