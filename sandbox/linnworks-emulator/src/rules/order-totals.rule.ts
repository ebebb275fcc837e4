import type { EmulatorOptions } from '../emulator-options';
import type { OrderItemRecord, OrderRecord } from '../state/records';
import { roundMoney } from './money.rule';

/**
 * Totals the way Linnworks documents them, not by the connector's own rules:
 * - help article 7000005442 "Order taxes and discount calculations": per line, `Line Tax =
 *   total − total / (1 + rate)` when prices include tax (channel orders) or `total × rate`
 *   otherwise, rounded to 2 decimals; `Line Total (Ex Tax) = total − Line Tax` (inclusive) or the
 *   total (exclusive). Postage tax is worked out the same way on the tax-inclusive postage cost.
 * - ChannelOrder (SDK / API spec): `LineDiscount` is a percentage; `PostalServiceCost` is
 *   "inclusive of tax after discount"; `PostalServiceDiscount` is a percentage that "will not
 *   calculate down the postal service cost"; `Discount` is a value taken off the order.
 */

type TotalsOptions = Pick<EmulatorOptions, 'lineDiscountUnit' | 'tenantTaxRate' | 'moneyRounding'>;

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

/** Tax of an amount at `ratePercent`, rounded: extracted when `inclusive`, else added. */
function taxOf(options: TotalsOptions, amount: number, ratePercent: number, inclusive: boolean) {
  const raw = inclusive ? amount - amount / (1 + ratePercent / 100) : (amount * ratePercent) / 100;

  return roundMoney(options, raw);
}

/**
 * One line as Linnworks shows it. `PricePerUnit` includes tax when `TaxCostInclusive`; with
 * `UseChannelTax: false` Linnworks applies its own rate (the tenant's, here).
 */
export function lineTotals(item: OrderItemRecord, options: TotalsOptions): LineTotals {
  const taxRate = item.useChannelTax ? item.taxRate : options.tenantTaxRate;
  const gross = roundMoney(options, item.pricePerUnit * item.quantity);
  const unit = item.lineDiscountUnit ?? options.lineDiscountUnit;
  const discountValue = roundMoney(
    options,
    unit === 'percent' ? (gross * item.lineDiscount) / 100 : item.lineDiscount,
  );
  const total = roundMoney(options, gross - discountValue);
  const tax = taxOf(options, total, taxRate, item.taxCostInclusive);
  const cost = item.taxCostInclusive ? roundMoney(options, total - tax) : total;

  return {
    cost,
    costIncTax: roundMoney(options, cost + tax),
    tax,
    discountValue,
    discountPercent: gross === 0 ? 0 : roundMoney(options, (discountValue / gross) * 100),
    taxRate,
  };
}

/**
 * TotalsInfo: `Subtotal` = the lines excluding tax; `PostageCost` = `PostalServiceCost`
 * (already after its discount); `Tax` = the rounded line taxes plus the rounded postage tax;
 * `TotalCharge` = Subtotal + PostageCostExTax + Tax − Discount. `TotalDiscount` adds the line
 * discounts, the order Discount and what the PostalServiceDiscount percentage took off postage.
 */
export function orderTotals(order: OrderRecord, options: TotalsOptions): OrderTotals {
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
  const postageCost = roundMoney(options, order.postalServiceCost);
  const postageTax = taxOf(options, postageCost, postageRate, true);
  const postageCostExTax = roundMoney(options, postageCost - postageTax);
  const pct = Math.min(Math.max(order.postalServiceDiscount, 0), 99.99);
  const postageDiscount = (postageCost * pct) / (100 - pct);
  const money = (v: number) => roundMoney(options, v);

  return {
    subtotal: money(subtotal),
    postageCost,
    postageCostExTax,
    tax: money(itemTax + postageTax),
    totalCharge: money(subtotal + postageCostExTax + itemTax + postageTax - order.discount),
    totalDiscount: money(lineDiscounts + order.discount + postageDiscount),
  };
}
