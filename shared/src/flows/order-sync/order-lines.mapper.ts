import type {
  Attribute,
  CustomLineItem,
  LineItem,
  LocalizedString,
  Order,
  TaxedItemPrice,
  TaxRate,
} from '@commercetools/platform-sdk';

import type { LinnworksChannelOrderItem } from '../../linnworks/linnworks-types';
import { normaliseSku, type SkuMatching } from '../stock-sync/sku-matching.contract';
import { linnworksTaxRate, splitLine, toMajor } from './linnworks-money';
import { itemNumberFor } from './linnworks-order.contract';

/** Sums of what was sent, in minor units, to check against the order's `taxedPrice`. */
export interface MoneySums {
  net: number;
  tax: number;
  gross: number;
}

export interface MappedLines {
  items: LinnworksChannelOrderItem[];
  sums: MoneySums;
  /** What discounts took off the lines (product, cart, code, direct), in minor units. */
  discountCents: number;
}

interface LineMoney {
  net: number;
  tax: number;
  gross: number;
  inclusive: boolean;
  nominalPercent: number;
}

export function localized(text: LocalizedString | undefined, locale: string): string {
  if (!text) return '';

  return text[locale] ?? Object.values(text)[0] ?? '';
}

/** The money of one line, from its taxedPrice (or its total when the order is untaxed). */
function lineMoney(
  totalCents: number,
  taxed: TaxedItemPrice | undefined,
  rate: TaxRate | undefined,
): LineMoney {
  const inclusive = rate?.includedInPrice ?? false;
  const nominalPercent = (rate?.amount ?? 0) * 100;
  if (!taxed) return { net: totalCents, tax: 0, gross: totalCents, inclusive, nominalPercent };
  const net = taxed.totalNet.centAmount;
  const gross = taxed.totalGross.centAmount;

  return { net, tax: gross - net, gross, inclusive, nominalPercent };
}

function attributeText(attribute: Attribute, locale: string): string | undefined {
  const value: unknown = attribute.value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.label === 'string') return record.label;
    if (record.label && typeof record.label === 'object') {
      return localized(record.label as LocalizedString, locale);
    }
    if (typeof record.key === 'string') return record.key;
    if (!Array.isArray(value)) return localized(value as LocalizedString, locale) || undefined;
  }

  return undefined;
}

function splitIntoItems(
  base: Omit<LinnworksChannelOrderItem, 'Qty' | 'PricePerUnit' | 'TaxRate' | 'TaxCostInclusive'>,
  quantity: number,
  money: LineMoney,
  fractionDigits: number,
): LinnworksChannelOrderItem[] {
  const amount = money.inclusive ? money.gross : money.net;

  return splitLine(amount, quantity, money.tax).map((part, index) => ({
    ...base,
    ItemNumber: itemNumberFor(base.ItemNumber, index + 1),
    Qty: part.quantity,
    PricePerUnit: toMajor(part.unitCents, fractionDigits),
    TaxRate: linnworksTaxRate(
      { unitCents: part.unitCents, quantity: part.quantity },
      part.taxCents,
      fractionDigits,
      money.nominalPercent,
      money.inclusive,
    ),
    TaxCostInclusive: money.inclusive,
  }));
}

function lineItemToItems(line: LineItem, fractionDigits: number, options: LineOptions) {
  const { locale } = options;
  const money = lineMoney(line.totalPrice.centAmount, line.taxedPrice, line.taxRate);
  const sku = normaliseSku(line.variant.sku ?? '', options.skuMatching);
  const attributes = (line.variant.attributes ?? []).flatMap((a) => {
    const value = attributeText(a, locale);

    return value === undefined ? [] : [{ Property: a.name, Value: value }];
  });
  const items = splitIntoItems(
    {
      ItemNumber: line.id,
      ChannelSKU: sku,
      ChannelReferenceId: line.id,
      ItemTitle: localized(line.name, locale) || sku,
      UseChannelTax: true,
      LineDiscount: 0,
      IsService: false,
      ...(attributes.length ? { Options: attributes } : {}),
    },
    line.quantity,
    money,
    fractionDigits,
  );
  const listCents = line.price.value.centAmount * line.quantity;

  return { items, money, discount: Math.max(0, listCents - line.totalPrice.centAmount) };
}

function customLineToItems(line: CustomLineItem, fractionDigits: number, locale: string) {
  const money = lineMoney(line.totalPrice.centAmount, line.taxedPrice, line.taxRate);
  const items = splitIntoItems(
    {
      ItemNumber: line.id,
      ChannelSKU: line.slug,
      ChannelReferenceId: line.id,
      ItemTitle: localized(line.name, locale) || line.slug,
      UseChannelTax: true,
      LineDiscount: 0,
      IsService: true,
    },
    line.quantity,
    money,
    fractionDigits,
  );
  const listCents = line.money.centAmount * line.quantity;

  return { items, money, discount: Math.max(0, listCents - line.totalPrice.centAmount) };
}

/**
 * Line items and custom line items (as service items) at their discounted prices; lines with
 * quantity 0 are left out. See linnworks-money.ts for how remainders are kept exact.
 */
/** How lines are written: the title locale and the shared SKU normaliser (`STOCK_SKU_MATCHING`). */
export interface LineOptions {
  locale: string;
  skuMatching: SkuMatching;
}

export function mapOrderLines(order: Order, options: LineOptions): MappedLines {
  const { locale } = options;
  const fractionDigits = order.totalPrice.fractionDigits;
  const mapped = [
    ...order.lineItems
      .filter((l) => l.quantity > 0)
      .map((l) => lineItemToItems(l, fractionDigits, options)),
    ...(order.customLineItems ?? [])
      .filter((l) => l.quantity > 0)
      .map((l) => customLineToItems(l, fractionDigits, locale)),
  ];
  const sums: MoneySums = { net: 0, tax: 0, gross: 0 };
  let discountCents = 0;
  for (const m of mapped) {
    sums.net += m.money.net;
    sums.tax += m.money.tax;
    sums.gross += m.money.gross;
    discountCents += m.discount;
  }

  return { items: mapped.flatMap((m) => m.items), sums, discountCents };
}
