import type {
  Order,
  OrderUpdateAction,
  ReturnItem,
  ReturnItemDraft,
} from '@commercetools/platform-sdk';

import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import type { LwRefundLine, RecordProblem } from './fulfillment.types';
import { matchLines } from './line-match';

/** Return item key of one Linnworks refund line: each line is applied once. */
export function returnItemKeyFor(refundRowId: string): string {
  return `lw-rf-${refundRowId}`.replace(/[^-_a-zA-Z0-9]/g, '-');
}

/**
 * Keys of the return items already on the order. The key is the marker; the comment repeats it
 * in brackets for people reading the order, and either marks the refund line as applied.
 */
export function appliedReturnKeys(order: Order): Set<string> {
  const keys = new Set<string>();
  const items: ReturnItem[] = (order.returnInfo ?? []).flatMap((info) => info.items);
  for (const item of items) {
    if (item.key) keys.add(item.key);
    const marker = /\[(lw-rf-[-_a-zA-Z0-9]+)\]/.exec(item.comment ?? '');
    if (marker?.[1]) keys.add(marker[1]);
  }

  return keys;
}

/**
 * Linnworks item refunds as commercetools return info: one `addReturnInfo` with a return item
 * per refund line not yet on the order, the return payment state and the order payment state
 * of the settings. Cancellation lines are left to the cancellation mapper.
 */
export function planRefunds(
  order: Order,
  lines: LwRefundLine[],
  settings: Pick<FulfillmentSyncSettings, 'refundPaymentState' | 'returnPaymentState'>,
  returnDate?: string,
): { actions: OrderUpdateAction[]; applied: number } | { problem: RecordProblem } {
  const applied = appliedReturnKeys(order);
  const fresh = lines.filter(
    (l) => !l.isCancellation && l.quantity > 0 && !applied.has(returnItemKeyFor(l.refundRowId)),
  );
  if (fresh.length === 0) return { actions: [], applied: 0 };
  const capacity = new Map(order.lineItems.map((li) => [li.id, li.quantity]));
  for (const info of order.returnInfo ?? []) {
    for (const item of info.items) {
      if (item.type === 'LineItemReturnItem') {
        capacity.set(item.lineItemId, (capacity.get(item.lineItemId) ?? 0) - item.quantity);
      }
    }
  }
  const items: ReturnItemDraft[] = [];
  for (const [index, line] of fresh.entries()) {
    const matched = matchLines(order, [line.line], capacity, `refundLines[${index}]`);
    if ('problem' in matched) return matched;
    const key = returnItemKeyFor(line.refundRowId);
    for (const m of matched.items) {
      items.push({
        key: matched.items.length > 1 ? `${key}-${m.id.slice(0, 8)}` : key,
        lineItemId: m.id,
        quantity: m.quantity,
        shipmentState: 'Returned',
        comment: `Linnworks refund ${line.refundHeaderId} [${key}]`,
      });
    }
  }
  const actions: OrderUpdateAction[] = [
    { action: 'addReturnInfo', items, ...(returnDate ? { returnDate } : {}) },
  ];
  if (settings.returnPaymentState) {
    for (const item of items) {
      actions.push({
        action: 'setReturnPaymentState',
        returnItemKey: item.key,
        paymentState: settings.returnPaymentState,
      });
    }
  }
  if (settings.refundPaymentState && order.paymentState !== settings.refundPaymentState) {
    actions.push({ action: 'changePaymentState', paymentState: settings.refundPaymentState });
  }

  return { actions, applied: fresh.length };
}
