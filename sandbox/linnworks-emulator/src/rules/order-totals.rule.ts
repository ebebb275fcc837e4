import type { EmulatorOptions } from '../emulator-options';
import { round2 } from '../lw-format';
import type { OrderItemRecord, OrderRecord } from '../state/records';

export interface LineTotals {
  /** Line total excluding tax, after discount (OrderItem.Cost). */
  cost: number;
  costIncTax: number;
  tax: number;
  /** Discount amount of the line (OrderItem.DiscountValue). */
  discountValue: number;
  /** Discount in percent of the gross line (OrderItem.Discount). */
  discountPercent: number;
  taxRate: number;
}

export interface OrderTotals {
  subtotal: number;
  postageCost: number;
  postageCostExTax: number;
  tax: number;
  totalCharge: number;
  totalDiscount: number;
}

type TaxOptions = Pick<EmulatorOptions, 'lineDiscountUnit' | 'tenantTaxRate'>;

/**
 * A line the way Linnworks shows it. `PricePerUnit` includes tax when `TaxCostInclusive`;
 * with `UseChannelTax: false` Linnworks applies its own rate (the tenant's, here).
 */
export function lineTotals(item: OrderItemRecord, options: TaxOptions): LineTotals {
  const taxRate = item.useChannelTax ? item.taxRate : options.tenantTaxRate;
  const gross = item.pricePerUnit * item.quantity;
  const discountValue =
    options.lineDiscountUnit === 'percent' ? (gross * item.lineDiscount) / 100 : item.lineDiscount;
  const net = gross - discountValue;
  const discountPercent = gross === 0 ? 0 : (discountValue / gross) * 100;
  if (item.taxCostInclusive) {
    const tax = net - net / (1 + taxRate / 100);

    return {
      cost: round2(net - tax),
      costIncTax: round2(net),
      tax: round2(tax),
      discountValue: round2(discountValue),
      discountPercent: round2(discountPercent),
      taxRate,
    };
  }
  const tax = (net * taxRate) / 100;

  return {
    cost: round2(net),
    costIncTax: round2(net + tax),
    tax: round2(tax),
    discountValue: round2(discountValue),
    discountPercent: round2(discountPercent),
    taxRate,
  };
}

/**
 * TotalsInfo: Subtotal is the items excluding tax; PostageCost includes tax (the channel's
 * PostalServiceCost, less PostalServiceDiscount); Tax covers items and postage;
 * TotalCharge = Subtotal + PostageCostExTax + Tax − order Discount (DeductAfterTax).
 */
export function orderTotals(order: OrderRecord, options: TaxOptions): OrderTotals {
  let subtotal = 0;
  let itemTax = 0;
  let lineDiscounts = 0;
  for (const item of order.items) {
    const line = lineTotals(item, options);
    subtotal += line.cost;
    itemTax += line.tax;
    lineDiscounts += line.discountValue;
  }
  const postageRate = order.useChannelTax ? order.postalServiceTaxRate : options.tenantTaxRate;
  const postageCost = Math.max(0, order.postalServiceCost - order.postalServiceDiscount);
  const postageCostExTax = postageCost / (1 + postageRate / 100);
  const postageTax = postageCost - postageCostExTax;
  const tax = itemTax + postageTax;

  return {
    subtotal: round2(subtotal),
    postageCost: round2(postageCost),
    postageCostExTax: round2(postageCostExTax),
    tax: round2(tax),
    totalCharge: round2(subtotal + postageCostExTax + tax - order.discount),
    totalDiscount: round2(lineDiscounts + order.discount + order.postalServiceDiscount),
  };
}
