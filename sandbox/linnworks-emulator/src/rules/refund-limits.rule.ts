import type { EmulatorOptions } from '../emulator-options';
import type { EMULATED_ENUMS } from '../lw-enums';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderItemRecord, OrderRecord } from '../state/records';
import { roundMoney } from './money.rule';
import { lineTotals, orderTotals } from './order-totals.rule';

/**
 * What may still be refunded on an order, the way Linnworks states its rules:
 * - refunds are for **processed** orders ("notify Linnworks that … money received … for a
 *   specified (processed) order has been returned"; `CannotRefundReason.OpenOrderInLinnworks`);
 * - "You can't refund more than the buyer paid for a single line item" (help "Refunds"): an item
 *   line up to its `CostIncTax`, shipping up to `PostageCost`, less what was refunded before, and
 *   never more units than the line has;
 * - "Use Additional refund … There is no limit to how much you can refund on this row".
 * Source: assets.linnworks.com/support/order-book/processed-orders/refunds/, SDK enums.
 */
export type CannotRefundReason = (typeof EMULATED_ENUMS.CannotRefundReasonType)[number];
export type RefundValidationError = (typeof EMULATED_ENUMS.RefundValidationErrorType)[number];

type Rounding = Pick<EmulatorOptions, 'moneyRounding' | 'lineDiscountUnit' | 'tenantTaxRate'>;

/** Refunded so far, per order line (RowId) and for shipping. */
export interface Refunded {
  amountByRow: Map<string, number>;
  unitsByRow: Map<string, number>;
  shipping: number;
}

export function refundedSoFar(store: EmulatorStore, order: OrderRecord): Refunded {
  const refunded: Refunded = { amountByRow: new Map(), unitsByRow: new Map(), shipping: 0 };
  for (const header of store.refunds) {
    if (header.orderId !== order.id) continue;
    for (const line of header.lines) addRefunded(refunded, line.unit, line.orderItemRowId, line);
  }

  return refunded;
}

export function addRefunded(
  refunded: Refunded,
  unit: string,
  rowId: string | null,
  line: { amount: number; quantity: number },
): void {
  if (unit === 'Shipping') refunded.shipping += line.amount;
  if (!rowId) return;
  refunded.amountByRow.set(rowId, (refunded.amountByRow.get(rowId) ?? 0) + line.amount);
  refunded.unitsByRow.set(rowId, (refunded.unitsByRow.get(rowId) ?? 0) + line.quantity);
}

/** Money left to refund on a line (what the buyer paid for it, less refunds). */
export function leftOnLine(
  item: OrderItemRecord,
  refunded: Refunded,
  options: Rounding,
): { amount: number; units: number } {
  const paid = lineTotals(item, options).costIncTax;

  return {
    amount: roundMoney(options, paid - (refunded.amountByRow.get(item.rowId) ?? 0)),
    units: item.quantity - (refunded.unitsByRow.get(item.rowId) ?? 0),
  };
}

export function leftOnShipping(order: OrderRecord, refunded: Refunded, options: Rounding): number {
  return roundMoney(options, orderTotals(order, options).postageCost - refunded.shipping);
}

/** Why the order cannot be refunded at all, or `None`. */
export function cannotRefundReason(
  store: EmulatorStore,
  order: OrderRecord | undefined,
  options: Rounding,
): CannotRefundReason {
  if (!order) return 'MissingOrderInLinnworks';
  if (!order.processed) return 'OpenOrderInLinnworks';
  const refunded = refundedSoFar(store, order);
  const itemsLeft = order.items.some((i) => leftOnLine(i, refunded, options).amount > 0);
  if (!itemsLeft && leftOnShipping(order, refunded, options) <= 0)
    return 'OrderIsFullyRefundedInLinnworks';

  return 'None';
}
