import type { LineItemReturnItem, Order, Payment, Transaction } from '@commercetools/platform-sdk';

import type { LinnworksOrderItem } from '../../linnworks/linnworks-types';
import type { LinnworksNewRefundLine } from '../../linnworks/linnworks-write-types';
import { toMajor } from './linnworks-money';
import { ctLineItemIdOf } from './linnworks-order.contract';
import { linnworksRefundReferenceFor, transactionStartedInLinnworks } from './money-paths.contract';

/** Linnworks' limit on `FreeTextOrNote` (SDK `RefundFreeTextOrNoteMaxLength` default). */
const NOTE_MAX = 255;

/** A successful commercetools refund that started in commercetools, in minor units. */
export interface CtRefund {
  transaction: Transaction;
  reference: string;
}

/**
 * The order's successful `Refund` transactions, oldest first, leaving out the ones
 * fulfillment-sync booked for Linnworks refunds (never sent back).
 */
export function ctRefundsOf(payments: Payment[]): CtRefund[] {
  return payments
    .flatMap((p) => p.transactions)
    .filter((t) => t.type === 'Refund' && t.state === 'Success')
    .filter((t) => !transactionStartedInLinnworks(t))
    .sort(
      (a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? '') || a.id.localeCompare(b.id),
    )
    .map((transaction) => ({
      transaction,
      reference: linnworksRefundReferenceFor(transaction.id),
    }));
}

/** Return items the merchant marked refunded in commercetools (the connector's own left out). */
function refundedReturnItems(order: Order): LineItemReturnItem[] {
  return (order.returnInfo ?? [])
    .flatMap((info) => info.items)
    .filter((i): i is LineItemReturnItem => i.type === 'LineItemReturnItem')
    .filter((i) => i.paymentState === 'Refunded')
    .filter((i) => !(i.key ?? '').startsWith('lw-'));
}

type ItemLine = LinnworksNewRefundLine & { cents: number };

/** Linnworks item lines for `quantity` units of one commercetools line, row by row (split lines). */
function rowsFor(items: LinnworksOrderItem[], lineItemId: string, quantity: number, fd: number) {
  const lines: ItemLine[] = [];
  let left = quantity;
  for (const item of items.filter((i) => ctLineItemIdOf(i) === lineItemId)) {
    if (left === 0 || item.Quantity === 0) continue;
    const units = Math.min(left, item.Quantity);
    left -= units;
    const cents = Math.round((Math.round(item.CostIncTax * 10 ** fd) * units) / item.Quantity);
    lines.push({
      RefundedUnit: 'Item',
      OrderItemRowId: item.RowId,
      Quantity: units,
      Amount: toMajor(cents, fd),
      cents,
    });
  }

  return left === 0 ? lines : undefined;
}

/**
 * The return items each refund pays for: in order, a refund whose amount equals the value (in
 * Linnworks' own line prices) of every refunded return item not yet taken by an earlier refund
 * takes them; any other refund is an order-level amount. Deterministic, so reruns agree.
 */
export function refundLinesFor(
  order: Order,
  items: LinnworksOrderItem[],
  refunds: CtRefund[],
): Map<string, LinnworksNewRefundLine[]> {
  const fd = order.totalPrice.fractionDigits;
  let open = refundedReturnItems(order);
  const plans = new Map<string, LinnworksNewRefundLine[]>();
  for (const { transaction, reference } of refunds) {
    const cents = transaction.amount.centAmount;
    const byLine = open.map((r) => rowsFor(items, r.lineItemId, r.quantity, fd));
    const lines = byLine.every(Boolean) ? byLine.flatMap((l) => l ?? []) : [];
    const matches = lines.length > 0 && lines.reduce((sum, l) => sum + l.cents, 0) === cents;
    const note = `Refunded in commercetools (transaction ${transaction.id})`.slice(0, NOTE_MAX);
    const common = { ExternalReference: reference, FreeTextOrNote: note };
    if (matches) {
      plans.set(
        reference,
        lines.map((l) => ({
          RefundedUnit: l.RefundedUnit,
          OrderItemRowId: l.OrderItemRowId,
          Quantity: l.Quantity,
          Amount: l.Amount,
          ...common,
        })),
      );
      open = [];
    } else {
      plans.set(reference, [{ RefundedUnit: 'Additional', Amount: toMajor(cents, fd), ...common }]);
    }
  }

  return plans;
}
