import type { LineItem, Order, TypedMoney } from '@commercetools/platform-sdk';

import type { OrderSyncSettings } from './order-sync.settings';

/** Quantity of a line held in line-item states with these keys (states read expanded). */
export function cancelledUnits(line: LineItem, stateKeys: ReadonlySet<string>): number {
  return line.state
    .filter((s) => stateKeys.has(s.state.obj?.key ?? ''))
    .reduce((sum, s) => sum + s.quantity, 0);
}

function scaled<T extends TypedMoney>(money: T, keep: number, of: number): T {
  return { ...money, centAmount: Math.round((money.centAmount * keep) / of) };
}

function less<T extends TypedMoney>(money: T, cents: number): T {
  return { ...money, centAmount: money.centAmount - cents };
}

/**
 * The order as Linnworks should hold it once units sitting in a cancelled line-item state are
 * taken out (`ORDER_CANCELLED_LINE_STATE`: cancelled in commercetools; and
 * `FULFILLMENT_LINE_CANCELLED_STATE`: cancelled in Linnworks, already gone there, so never sent
 * back): each such line keeps `quantity − cancelled`
 * units and that share of its money (exact when the line's total divides by its quantity,
 * else rounded to the cent), and the order's totals drop by exactly what the lines dropped,
 * so lines and totals still reconcile to the cent. Pure; without such units, the order as is.
 */
export function withoutCancelledUnits(order: Order, stateKeys: Array<string | undefined>): Order {
  const keys = new Set(stateKeys.filter((k): k is string => Boolean(k)));
  if (keys.size === 0) return order;
  let total = 0;
  let gross = 0;
  let net = 0;
  const lineItems = order.lineItems.map((line) => {
    const cancelled = Math.min(line.quantity, cancelledUnits(line, keys));
    if (cancelled === 0) return line;
    const keep = line.quantity - cancelled;
    const totalPrice = scaled(line.totalPrice, keep, line.quantity);
    total += line.totalPrice.centAmount - totalPrice.centAmount;
    const taxed = line.taxedPrice;
    if (!taxed) return { ...line, quantity: keep, totalPrice };
    const totalGross = scaled(taxed.totalGross, keep, line.quantity);
    const totalNet = scaled(taxed.totalNet, keep, line.quantity);
    gross += taxed.totalGross.centAmount - totalGross.centAmount;
    net += taxed.totalNet.centAmount - totalNet.centAmount;
    const totalTax = less(totalGross, totalNet.centAmount);

    return {
      ...line,
      quantity: keep,
      totalPrice,
      taxedPrice: { ...taxed, totalGross, totalNet, totalTax },
    };
  });
  if (total === 0 && gross === 0) return order;
  const taxedPrice = order.taxedPrice && {
    ...order.taxedPrice,
    totalGross: less(order.taxedPrice.totalGross, gross),
    totalNet: less(order.taxedPrice.totalNet, net),
    ...(order.taxedPrice.totalTax
      ? { totalTax: less(order.taxedPrice.totalTax, gross - net) }
      : {}),
  };

  return {
    ...order,
    lineItems,
    totalPrice: less(order.totalPrice, total),
    ...(taxedPrice ? { taxedPrice } : {}),
  };
}

/** The cancelled line-item states order-sync knows: cancelled in commercetools or in Linnworks. */
export type CancelledLineStates = Pick<
  OrderSyncSettings,
  'cancelledLineState' | 'linnworksCancelledLineState'
>;

/**
 * The order as Linnworks should hold it, under the flow's settings: `withoutCancelledUnits` with
 * both cancelled line-item states. Every path that sends lines (create, mark paid, edit) and
 * reconciliation read the order through this, so they agree on what was sent.
 */
export function orderAsSent(order: Order, settings: CancelledLineStates): Order {
  return withoutCancelledUnits(order, [
    settings.cancelledLineState,
    settings.linnworksCancelledLineState,
  ]);
}

function units(order: Order): number {
  const lines = order.lineItems.reduce((sum, l) => sum + l.quantity, 0);

  return lines + (order.customLineItems ?? []).reduce((sum, l) => sum + l.quantity, 0);
}

/**
 * Whether cancelled line-item states took every unit the order had (`sent` is `orderAsSent` of
 * `order`): nothing is left to send, so no Linnworks order is created. An order that had no units
 * to begin with is not this case (the mapper rejects it as NO_LINES).
 */
export function allUnitsCancelled(order: Order, sent: Order): boolean {
  return units(order) > 0 && units(sent) === 0;
}
