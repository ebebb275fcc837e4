import type {
  Order,
  OrderUpdateAction,
  ReturnItem,
  ReturnItemDraft,
} from '@commercetools/platform-sdk';

import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import type { LwReturn, RecordProblem } from './fulfillment.types';
import { matchLines } from './line-match';

/**
 * Return item key of one Linnworks refund line. Before issue #16 every refunded item line became
 * a return item under this key; such an item still marks its refund row (and a return paid by
 * it) as applied.
 */
export function returnItemKeyFor(refundRowId: string): string {
  return `lw-rf-${refundRowId}`.replace(/[^-_a-zA-Z0-9]/g, '-');
}

/** Return item key of one Linnworks return row (`ReturnInfo.pkReturnId`): applied once. */
export function returnRowKeyFor(returnId: number): string {
  return `lw-rt-${returnId}`;
}

/**
 * Return rows that mean goods came back: a return (with or without refund) or an exchange; a
 * return booking (RMA) once Linnworks marks it completed. A resend sends goods, it takes none back.
 */
export function goodsCameBack(row: Pick<LwReturn, 'type' | 'completed'>): boolean {
  if (row.type === 'RETURN' || row.type === 'RETURNREFUND' || row.type === 'EXCHANGE') return true;

  return (row.type === 'RETURNBOOKING' || row.type === 'EXCHANGEBOOKING') && row.completed;
}

/**
 * Keys of the return items already on the order. The key is the marker; the comment repeats it
 * in brackets for people reading the order, and either marks the Linnworks row as applied.
 */
export function appliedReturnKeys(order: Order): Set<string> {
  const keys = new Set<string>();
  const items: ReturnItem[] = (order.returnInfo ?? []).flatMap((info) => info.items);
  for (const item of items) {
    if (item.key) keys.add(item.key);
    const marker = /\[(lw-r[ft]-[-_a-zA-Z0-9]+)\]/.exec(item.comment ?? '');
    if (marker?.[1]) keys.add(marker[1]);
  }

  return keys;
}

function isApplied(applied: Set<string>, row: LwReturn): boolean {
  if (applied.has(returnRowKeyFor(row.returnId))) return true;

  return row.refundRowId !== null && applied.has(returnItemKeyFor(row.refundRowId));
}

function returnCapacity(order: Order): Map<string, number> {
  const capacity = new Map(order.lineItems.map((li) => [li.id, li.quantity]));
  for (const info of order.returnInfo ?? []) {
    for (const item of info.items) {
      if (item.type === 'LineItemReturnItem') {
        capacity.set(item.lineItemId, (capacity.get(item.lineItemId) ?? 0) - item.quantity);
      }
    }
  }

  return capacity;
}

/**
 * Goods Linnworks reports back as commercetools return info: one `addReturnInfo` with a
 * `Returned` item per return row not yet on the order; a row a refund paid for also gets the
 * return payment state of the settings. A refund without a return row is money only (see
 * refund-money.mapper.ts): it adds no return item.
 */
export function planReturns(
  order: Order,
  returns: LwReturn[],
  settings: Pick<FulfillmentSyncSettings, 'returnPaymentState'>,
): { actions: OrderUpdateAction[]; applied: number } | { problem: RecordProblem } {
  const applied = appliedReturnKeys(order);
  const fresh = returns.filter(
    (r) => goodsCameBack(r) && r.line.quantity > 0 && !isApplied(applied, r),
  );
  if (fresh.length === 0) return { actions: [], applied: 0 };
  const capacity = returnCapacity(order);
  const items: ReturnItemDraft[] = [];
  const paid: string[] = [];
  for (const [index, row] of fresh.entries()) {
    const matched = matchLines(order, [row.line], capacity, `returns[${index}]`);
    if ('problem' in matched) return matched;
    const key = returnRowKeyFor(row.returnId);
    for (const m of matched.items) {
      const itemKey = matched.items.length > 1 ? `${key}-${m.id.slice(0, 8)}` : key;
      items.push({
        key: itemKey,
        lineItemId: m.id,
        quantity: m.quantity,
        shipmentState: 'Returned',
        comment: `Linnworks ${row.type.toLowerCase()} ${row.returnId} [${key}]`,
      });
      if (row.refundRowId) paid.push(itemKey);
    }
  }
  const returnDate = fresh.map((r) => r.returnDate).find(Boolean) ?? undefined;
  const actions: OrderUpdateAction[] = [
    { action: 'addReturnInfo', items, ...(returnDate ? { returnDate } : {}) },
  ];
  if (settings.returnPaymentState) {
    for (const returnItemKey of paid) {
      actions.push({
        action: 'setReturnPaymentState',
        returnItemKey,
        paymentState: settings.returnPaymentState,
      });
    }
  }

  return { actions, applied: fresh.length };
}
