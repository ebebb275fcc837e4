import type { LineItem, Order, TaxedItemPrice, TaxRate } from '@commercetools/platform-sdk';

/**
 * Builds commercetools orders the way commercetools prices them: line totals from the
 * (discounted) per-quantity prices, and per-line taxes rounded half-even (LineItemLevel), order
 * taxedPrice = sum of lines and shipping. Used by the mapper tests and the property test.
 */
export interface LineSpec {
  id?: string;
  sku?: string;
  quantity: number;
  unitCents: number;
  /** Total a (product or cart) discount takes off the line, spread over units in whole cents. */
  discountCents?: number;
  ratePercent: number;
  custom?: boolean;
  attributes?: Array<{ name: string; value: unknown }>;
}

export interface OrderSpec {
  id?: string;
  orderNumber?: string;
  version?: number;
  currency?: string;
  fractionDigits?: number;
  taxIncluded?: boolean;
  lines: LineSpec[];
  shipping?: { priceCents: number; discountedCents?: number; ratePercent: number; method?: string };
  paymentState?: Order['paymentState'];
  orderState?: Order['orderState'];
  storeKey?: string;
  shippingMode?: Order['shippingMode'];
  country?: string;
  createdAt?: string;
}

function halfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;

  return Math.round(value);
}

function money(cents: number, currency: string, fractionDigits: number) {
  return {
    type: 'centPrecision' as const,
    centAmount: cents,
    currencyCode: currency,
    fractionDigits,
  };
}

export function taxed(
  amountCents: number,
  ratePercent: number,
  included: boolean,
  currency: string,
  fractionDigits: number,
): TaxedItemPrice {
  const rate = ratePercent / 100;
  const tax = included ? halfEven((amountCents * rate) / (1 + rate)) : halfEven(amountCents * rate);
  const net = included ? amountCents - tax : amountCents;
  const gross = included ? amountCents : amountCents + tax;

  return {
    totalNet: money(net, currency, fractionDigits),
    totalGross: money(gross, currency, fractionDigits),
    totalTax: money(tax, currency, fractionDigits),
    taxPortions: [],
  };
}

function taxRate(ratePercent: number, included: boolean, country: string): TaxRate {
  return {
    name: `vat-${ratePercent}`,
    amount: ratePercent / 100,
    includedInPrice: included,
    country,
  };
}

/** Per-quantity prices of a discounted line: whole cents, lower price first. */
function perQuantity(unitCents: number, quantity: number, discountCents: number) {
  const total = unitCents * quantity - discountCents;
  const low = Math.floor(total / quantity);
  const high = total - low * quantity;

  return {
    total,
    groups: [
      { quantity: quantity - high, price: low },
      { quantity: high, price: low + 1 },
    ].filter((g) => g.quantity > 0),
  };
}

export function buildCtOrder(spec: OrderSpec): Order {
  const currency = spec.currency ?? 'EUR';
  const fd = spec.fractionDigits ?? 2;
  const included = spec.taxIncluded ?? true;
  const country = spec.country ?? 'DE';
  const id = spec.id ?? 'order-1';
  const lineItems: LineItem[] = [];
  const customLineItems: Order['customLineItems'] = [];
  let net = 0;
  let gross = 0;
  spec.lines.forEach((line, i) => {
    const { total, groups } = perQuantity(line.unitCents, line.quantity, line.discountCents ?? 0);
    const t = taxed(total, line.ratePercent, included, currency, fd);
    net += t.totalNet.centAmount;
    gross += t.totalGross.centAmount;
    const common = {
      id: line.id ?? `line-${i + 1}`,
      quantity: line.quantity,
      totalPrice: money(total, currency, fd),
      taxedPrice: t,
      taxRate: taxRate(line.ratePercent, included, country),
      discountedPricePerQuantity: [],
      state: [],
      perMethodTaxRate: [],
      taxedPricePortions: [],
      priceMode: 'Platform',
    };
    if (line.custom) {
      customLineItems.push({
        ...common,
        name: { en: `Service ${i + 1}` },
        slug: `service-${i + 1}`,
        money: money(line.unitCents, currency, fd),
        priceMode: 'Standard',
      } as unknown as Order['customLineItems'][number]);

      return;
    }
    lineItems.push({
      ...common,
      productId: `product-${i + 1}`,
      name: { en: `Product ${i + 1}`, de: `Produkt ${i + 1}` },
      productType: { typeId: 'product-type', id: 'pt' },
      variant: {
        id: 1,
        sku: line.sku === undefined ? `SKU-${i + 1}` : line.sku || undefined,
        attributes: line.attributes ?? [],
      },
      price: { id: 'price', value: money(line.unitCents, currency, fd) },
      lineItemMode: 'Standard',
      discountedPricePerQuantity: groups.map((g) => ({
        quantity: g.quantity,
        discountedPrice: { value: money(g.price, currency, fd), includedDiscounts: [] },
      })),
    } as unknown as LineItem);
  });
  let shippingInfo: Order['shippingInfo'];
  if (spec.shipping) {
    const s = spec.shipping;
    const charged = s.discountedCents ?? s.priceCents;
    const t = taxed(charged, s.ratePercent, included, currency, fd);
    net += t.totalNet.centAmount;
    gross += t.totalGross.centAmount;
    shippingInfo = {
      shippingMethodName: s.method ?? 'standard',
      price: money(s.priceCents, currency, fd),
      ...(s.discountedCents !== undefined
        ? {
            discountedPrice: {
              value: money(s.discountedCents, currency, fd),
              includedDiscounts: [],
            },
          }
        : {}),
      taxRate: taxRate(s.ratePercent, included, country),
      taxedPrice: t,
      shippingRate: { price: money(s.priceCents, currency, fd), tiers: [] },
      shippingMethodState: 'MatchesCart',
    } as unknown as Order['shippingInfo'];
  }
  const address = {
    country,
    firstName: 'Jane',
    lastName: 'Smith',
    streetName: 'Hauptstr.',
    streetNumber: '1',
    postalCode: '10115',
    city: 'Berlin',
    email: 'jane@example.com',
  };

  return {
    id,
    version: spec.version ?? 1,
    createdAt: spec.createdAt ?? '2026-11-01T10:00:00.000Z',
    lastModifiedAt: spec.createdAt ?? '2026-11-01T10:00:00.000Z',
    ...(spec.orderNumber !== undefined ? { orderNumber: spec.orderNumber } : {}),
    customerEmail: 'jane@example.com',
    lineItems,
    customLineItems,
    totalPrice: money(included ? gross : net, currency, fd),
    taxedPrice: {
      totalNet: money(net, currency, fd),
      totalGross: money(gross, currency, fd),
      totalTax: money(gross - net, currency, fd),
      taxPortions: [],
    },
    taxMode: 'Platform',
    taxRoundingMode: 'HalfEven',
    taxCalculationMode: 'LineItemLevel',
    inventoryMode: 'None',
    shippingMode: spec.shippingMode ?? 'Single',
    shipping: [],
    ...(shippingInfo ? { shippingInfo } : {}),
    shippingAddress: address,
    billingAddress: address,
    orderState: spec.orderState ?? 'Open',
    paymentState: spec.paymentState ?? 'Paid',
    ...(spec.storeKey ? { store: { typeId: 'store', key: spec.storeKey } } : {}),
    syncInfo: [],
    refusedGifts: [],
    origin: 'Customer',
    itemShippingAddresses: [],
    discountCodes: [],
    directDiscounts: [],
    lastMessageSequenceNumber: 1,
  } as unknown as Order;
}
