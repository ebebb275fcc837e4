import type { EmulatorOptions } from '../emulator-options';
import type { CallParams } from '../http/params';
import { normaliseGuid, ZERO_GUID } from '../lw-format';
import type { OrderItemRecord } from '../state/records';
import { lineTotals } from './order-totals.rule';

type Warn = (message: string) => void;
type TotalsOptions = Pick<EmulatorOptions, 'lineDiscountUnit' | 'tenantTaxRate' | 'moneyRounding'>;

/**
 * Orders/UpdateOrderItem binds a whole SDK `OrderItem`. Which of its fields Linnworks applies is
 * not documented [?]. The emulator applies the price fields (Quantity, PricePerUnit, Discount %,
 * TaxRate, TaxCostInclusive, Title; left out → 0/false/empty) and recomputes the line, and warns
 * where either other reading would hurt: an identity field left out (stored empty) or changed
 * (not applied), and `Cost`/`CostIncTax`/`Tax` left out or not agreeing with the price fields
 * (stored as sent under the reading where Linnworks keeps them).
 */
const IDENTITY = ['ItemId', 'StockItemId', 'SKU', 'ItemNumber', 'ChannelSKU'] as const;
const FIGURES = [
  ['Cost', 'cost'],
  ['CostIncTax', 'costIncTax'],
  ['Tax', 'tax'],
] as const;
const CENT = 0.005;

function identityOf(line: OrderItemRecord, field: (typeof IDENTITY)[number]): string {
  if (field === 'ItemId' || field === 'StockItemId') return line.stockItemId ?? ZERO_GUID;
  if (field === 'SKU') return line.sku;
  if (field === 'ItemNumber') return line.itemNumber;

  return line.channelSku;
}

function sameIdentity(field: (typeof IDENTITY)[number], a: string, b: string): boolean {
  return field.endsWith('Id') ? normaliseGuid(a) === normaliseGuid(b) : a === b;
}

/** The line after the update, without touching the stored one. */
export function updatedLine(line: OrderItemRecord, sent: CallParams): OrderItemRecord {
  return {
    ...line,
    quantity: sent.number('Quantity') ?? 0,
    pricePerUnit: sent.number('PricePerUnit') ?? 0,
    lineDiscount: sent.number('Discount') ?? 0,
    lineDiscountUnit: 'percent',
    taxRate: sent.number('TaxRate') ?? 0,
    useChannelTax: true,
    taxCostInclusive: sent.boolean('TaxCostInclusive') ?? false,
    title: sent.string('Title') ?? '',
  };
}

export function checkOrderItemWrite(
  line: OrderItemRecord,
  after: OrderItemRecord,
  sent: CallParams,
  options: TotalsOptions,
  warn: Warn,
): void {
  for (const field of IDENTITY) {
    const value = sent.string(field);
    if (value === undefined) warn(`OrderItem.${field} left out: bound whole, it would be emptied`);
    else if (!sameIdentity(field, value, identityOf(line, field)))
      warn(`OrderItem.${field} changed: UpdateOrderItem does not change a line's identity`);
  }
  const computed = lineTotals(after, options);
  for (const [field, key] of FIGURES) {
    const value = sent.number(field);
    if (value === undefined || Math.abs(value - computed[key]) > CENT) {
      warn(
        `OrderItem.${field} ${value ?? 'left out'} does not agree with the price fields (${computed[key]})`,
      );
    }
  }
}
