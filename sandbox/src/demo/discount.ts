import { randomUUID } from 'node:crypto';

import type { Cart, LineItem, TaxedItemPrice, TaxRate } from '@commercetools/platform-sdk';

import { DISCOUNT } from '../seed/catalog';

function money(currencyCode: string, centAmount: number) {
  return { type: 'centPrecision' as const, currencyCode, centAmount, fractionDigits: 2 };
}

/** Net, gross and tax of an amount at a rate, rounded half-even to the cent like commercetools. */
export function taxed(amount: number, rate: Pick<TaxRate, 'amount' | 'includedInPrice'>) {
  const roundHalfEven = (x: number) => {
    const r = Math.round(x);

    return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  };
  if (rate.includedInPrice) {
    const tax = roundHalfEven((amount * rate.amount) / (1 + rate.amount));

    return { net: amount - tax, gross: amount, tax };
  }
  const tax = roundHalfEven(amount * rate.amount);

  return { net: amount, gross: amount + tax, tax };
}

function discountLine(
  line: LineItem,
  cartDiscountId: string | undefined,
): { line: LineItem; net: number; gross: number } {
  const currency = line.price.value.currencyCode;
  const unit = line.price.value.centAmount;
  const off = cartDiscountId ? Math.round((unit * DISCOUNT.permyriad) / 10_000) : 0;
  const total = (unit - off) * line.quantity;
  const rate = line.taxRate ?? { amount: 0, includedInPrice: true, name: 'none', country: 'GB' };
  const t = taxed(total, rate);
  const taxedPrice: TaxedItemPrice = {
    totalNet: money(currency, t.net),
    totalGross: money(currency, t.gross),
    totalTax: money(currency, t.tax),
    taxPortions: [{ rate: rate.amount, name: rate.name, amount: money(currency, t.tax) }],
  };

  return {
    net: t.net,
    gross: t.gross,
    line: {
      ...line,
      discountedPricePerQuantity: !cartDiscountId
        ? []
        : [
            {
              quantity: line.quantity,
              discountedPrice: {
                value: money(currency, unit - off),
                includedDiscounts: [
                  {
                    discount: { typeId: 'cart-discount', id: cartDiscountId },
                    discountedAmount: money(currency, off),
                  },
                ],
              },
            },
          ],
      totalPrice: money(currency, total),
      taxedPrice,
    },
  };
}

/**
 * The order commercetools would create from this cart, with the seeded 10 %-off-every-line
 * discount applied when `cartDiscountId` is given. Two gaps of the commercetools test server make
 * the sandbox compute it: it applies no cart discount (it only records the code), and its
 * order-from-cart copies the cart's `totalPrice` with `fractionDigits: 0` (real commercetools
 * says 2 for GBP and EUR), which would make cents look like pounds.
 */
export function orderFromCart(cart: Cart, orderNumber: string, cartDiscountId: string | undefined) {
  const currency = cart.totalPrice.currencyCode;
  const lines = cart.lineItems.map((l) => discountLine(l, cartDiscountId));
  const shipping = cart.shippingInfo?.taxedPrice;
  const shippingNet = shipping?.totalNet.centAmount ?? 0;
  const shippingGross = shipping?.totalGross.centAmount ?? 0;
  const net = lines.reduce((s, l) => s + l.net, 0) + shippingNet;
  const gross = lines.reduce((s, l) => s + l.gross, 0) + shippingGross;
  const portions = new Map<string, { rate: number; name: string; amount: number }>();
  for (const p of [
    ...lines.flatMap((l) => l.line.taxedPrice?.taxPortions ?? []),
    ...(shipping?.taxPortions ?? []),
  ]) {
    const key = `${p.rate}-${p.name ?? ''}`;
    const entry = portions.get(key) ?? { rate: p.rate, name: p.name ?? '', amount: 0 };
    entry.amount += p.amount.centAmount;
    portions.set(key, entry);
  }
  const included = cart.lineItems.every((l) => l.taxRate?.includedInPrice);
  const now = new Date().toISOString();

  return {
    id: randomUUID(),
    version: 1,
    createdAt: now,
    lastModifiedAt: now,
    orderNumber,
    orderState: 'Open',
    origin: 'Customer',
    store: cart.store,
    cart: { typeId: 'cart', id: cart.id },
    customerEmail: cart.customerEmail,
    shippingAddress: cart.shippingAddress,
    billingAddress: cart.billingAddress,
    country: cart.country,
    lineItems: lines.map((l) => l.line),
    customLineItems: [],
    totalPrice: money(currency, included ? gross : net),
    taxedPrice: {
      totalNet: money(currency, net),
      totalGross: money(currency, gross),
      totalTax: money(currency, gross - net),
      taxPortions: [...portions.values()].map((p) => ({
        rate: p.rate,
        name: p.name,
        amount: money(currency, p.amount),
      })),
    },
    shippingInfo: cart.shippingInfo,
    shippingMode: cart.shippingMode,
    shipping: cart.shipping ?? [],
    taxMode: cart.taxMode,
    taxRoundingMode: cart.taxRoundingMode,
    taxCalculationMode: cart.taxCalculationMode,
    inventoryMode: cart.inventoryMode,
    discountCodes: cartDiscountId
      ? cart.discountCodes.map((d) => ({ ...d, state: 'MatchesCart' }))
      : [],
    directDiscounts: [],
    syncInfo: [],
    returnInfo: [],
    refusedGifts: [],
    itemShippingAddresses: [],
    lastMessageSequenceNumber: 0,
  };
}
