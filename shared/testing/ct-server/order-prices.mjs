// The money of an edited Order, recalculated as commercetools documents it
// (api-specs/api/types/cart/LineItem.raml `totalPrice`, `taxedPrice`; order/Order.raml
// `totalPrice`, `taxedPrice`, `taxedShippingPrice`; cart/TaxCalculationMode.raml,
// cart/RoundingMode.raml):
// - a Line Item's `totalPrice` is its unit price (the discounted one, if any) times `quantity`,
//   gross when its TaxRate is `includedInPrice`, net otherwise;
// - its `taxedPrice` comes from its TaxRate: per line (`LineItemLevel`, the default) or per unit
//   times quantity (`UnitPriceLevel`), rounded with the Order's `taxRoundingMode` (default
//   HalfEven); exact decimal arithmetic, so no cent is lost to floating point;
// - the Order's `totalPrice` sums the line items, custom line items and the shipping price; its
//   `taxedPrice` sums their taxed prices, with the tax portions merged per rate.
// Test-server limits (a 400 that says so, never a silent guess): a discount on the total price,
// `Multiple` shipping mode, more than one discounted-price bucket on a changed line, and
// `ExternalAmount` tax mode.

const HALF = { HalfEven: 'even', HalfUp: 'up', HalfDown: 'down' };

/** An exact fraction num/den for a decimal rate such as 0.19 or 0.075. */
function fraction(rate) {
  const [whole, part = ''] = Number(rate).toFixed(10).replace(/0+$/, '').split('.');

  return { num: BigInt(whole + part), den: 10n ** BigInt(part.length) };
}

/** p/q rounded to an integer with a commercetools RoundingMode (p ≥ 0, q > 0). */
function roundDivision(p, q, mode) {
  const quotient = p / q;
  const twice = 2n * (p % q);
  if (twice !== q) return twice < q ? quotient : quotient + 1n;
  if (HALF[mode] === 'up') return quotient + 1n;
  if (HALF[mode] === 'down') return quotient;

  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/** The tax in an amount of cents at a rate: inside it (included) or on top of it. */
function taxOf(cents, taxRate, mode) {
  const { num, den } = fraction(taxRate.amount);
  const sign = cents < 0 ? -1n : 1n;
  const amount = BigInt(Math.abs(cents));
  const tax = taxRate.includedInPrice
    ? roundDivision(amount * num, den + num, mode)
    : roundDivision(amount * num, den, mode);

  return Number(sign * tax);
}

export const money = (like, centAmount) => ({
  type: 'centPrecision',
  currencyCode: like.currencyCode,
  centAmount,
  fractionDigits: like.fractionDigits ?? 2,
});

/** A TaxedItemPrice for `quantity` units at `unitCents`, in the shape the mock stores. */
function taxedItemPrice(order, like, unitCents, quantity, taxRate) {
  const mode = order.taxRoundingMode ?? 'HalfEven';
  const total = unitCents * quantity;
  const tax =
    order.taxCalculationMode === 'UnitPriceLevel'
      ? taxOf(unitCents, taxRate, mode) * quantity
      : taxOf(total, taxRate, mode);
  const net = taxRate.includedInPrice ? total - tax : total;
  const gross = taxRate.includedInPrice ? total : total + tax;

  return {
    totalNet: money(like, net),
    totalGross: money(like, gross),
    totalTax: tax !== 0 ? money(like, tax) : undefined,
    taxPortions:
      tax !== 0 ? [{ rate: taxRate.amount, name: taxRate.name, amount: money(like, tax) }] : [],
  };
}

/** Recomputes a line item's totalPrice and taxedPrice from its unit price and quantity. */
export function repriceLine(ctx, order, line) {
  const buckets = line.discountedPricePerQuantity ?? [];
  if (buckets.length > 1) {
    throw ctx.errors.invalidInput(
      `Line item '${line.id}' has ${buckets.length} discounted-price buckets: the commercetools ` +
        'test server cannot re-apply cart discounts to a changed quantity.',
    );
  }
  if (buckets[0]) buckets[0].quantity = line.quantity;
  const unit = buckets[0]?.discountedPrice.value ?? line.price.value;
  line.totalPrice = money(unit, unit.centAmount * line.quantity);
  line.taxedPrice = line.taxRate
    ? taxedItemPrice(order, unit, unit.centAmount, line.quantity, line.taxRate)
    : undefined;
}

/** Refuses, with a reason, an edit whose money the test server cannot recompute. */
export function checkRepriceable(ctx, order) {
  const limits = [
    [order.discountOnTotalPrice, 'a discount on the total price'],
    [order.shippingMode === 'Multiple', 'Multiple shipping mode'],
    [order.taxMode === 'ExternalAmount', 'ExternalAmount tax mode'],
  ];
  for (const [applies, what] of limits) {
    if (applies) {
      throw ctx.errors.invalidInput(
        `The commercetools test server cannot recalculate the prices of an Order with ${what}.`,
      );
    }
  }
}

function sumTaxed(like, prices) {
  const portions = new Map();
  let net = 0;
  let gross = 0;
  for (const price of prices) {
    net += price.totalNet.centAmount;
    gross += price.totalGross.centAmount;
    for (const portion of price.taxPortions ?? []) {
      const key = `${portion.rate}\u0000${portion.name ?? ''}`;
      const known = portions.get(key) ?? { ...portion, amount: money(like, 0) };
      known.amount = money(like, known.amount.centAmount + portion.amount.centAmount);
      portions.set(key, known);
    }
  }

  return {
    totalNet: money(like, net),
    totalGross: money(like, gross),
    taxPortions: [...portions.values()],
    totalTax: gross - net !== 0 ? money(like, gross - net) : undefined,
  };
}

/** Recomputes the Order's totalPrice, taxedPrice and taxedShippingPrice from its items. */
export function repriceOrder(order) {
  const like = order.totalPrice;
  const items = [...(order.lineItems ?? []), ...(order.customLineItems ?? [])];
  const shipping = order.shippingInfo;
  const shippingCents = shipping
    ? (shipping.discountedPrice?.value ?? shipping.price).centAmount
    : 0;
  const total = items.reduce((sum, item) => sum + item.totalPrice.centAmount, shippingCents);
  order.totalPrice = money(like, total);
  const taxed = [...items.map((i) => i.taxedPrice), shipping?.taxedPrice].filter(Boolean);
  order.taxedPrice = taxed.length ? sumTaxed(like, taxed) : undefined;
  order.taxedShippingPrice = shipping?.taxedPrice;
}
