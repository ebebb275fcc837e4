import type { LineItem, Order, TypedMoney } from '@commercetools/platform-sdk';

/** Quantity of a line held in the line-item state with this key (states read expanded). */
export function cancelledUnits(line: LineItem, stateKey: string): number {
  return line.state
    .filter((s) => s.state.obj?.key === stateKey)
    .reduce((sum, s) => sum + s.quantity, 0);
}

function scaled<T extends TypedMoney>(money: T, keep: number, of: number): T {
  return { ...money, centAmount: Math.round((money.centAmount * keep) / of) };
}

function less<T extends TypedMoney>(money: T, cents: number): T {
  return { ...money, centAmount: money.centAmount - cents };
}

/**
 * The order as Linnworks should hold it once units sitting in the cancelled line-item state
 * (`ORDER_CANCELLED_LINE_STATE`) are taken out: each such line keeps `quantity − cancelled`
 * units and that share of its money (exact when the line's total divides by its quantity,
 * else rounded to the cent), and the order's totals drop by exactly what the lines dropped,
 * so lines and totals still reconcile to the cent. Pure; without the setting, the order as is.
 */
export function withoutCancelledUnits(order: Order, stateKey: string | undefined): Order {
  if (!stateKey) return order;
  let total = 0;
  let gross = 0;
  let net = 0;
  const lineItems = order.lineItems.map((line) => {
    const cancelled = Math.min(line.quantity, cancelledUnits(line, stateKey));
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
