/**
 * Money for Linnworks: amounts stay integer minor units until `toMajor`, the last step.
 *
 * Linnworks computes each line's tax from PricePerUnit × Qty and TaxRate and rounds it to two
 * decimals (half away from zero); the order's tax is the sum of those rounded line taxes plus the
 * postage tax. commercetools rounds each line's tax on its own terms (rounding mode, line- or
 * unit-level). To land on the commercetools figures to the cent, each Linnworks line is built so
 * that Linnworks' own computation reproduces the commercetools net and tax exactly:
 *  - a line whose total is not a whole multiple of its quantity is split in two (q₁ units at
 *    ⌊A/q⌋, q₂ units at ⌊A/q⌋ + 1 minor unit), so every PricePerUnit is whole minor units;
 *  - the line's TaxRate is the nominal rate when Linnworks' computation gives the commercetools
 *    tax with it, otherwise the effective rate tax ÷ net, with as few decimals as reproduce it.
 */

export interface Money {
  /** Integer minor units. */
  cents: number;
  fractionDigits: number;
}

/** The figure Linnworks shows for a money value: two decimals, half away from zero. */
export function linnworksRound2(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + Number.EPSILON)) / 100;
}

/** Minor units → the decimal Linnworks expects (the last step of every mapping). */
export function toMajor(cents: number, fractionDigits: number): number {
  return Number((cents / 10 ** fractionDigits).toFixed(fractionDigits));
}

/** A Linnworks decimal → minor units (to compare Linnworks' totals with commercetools'). */
export function toMinor(value: number, fractionDigits: number): number {
  return Math.round(value * 10 ** fractionDigits);
}

/** Linnworks' tax of a line (or of postage, which is always tax-inclusive). */
export function linnworksTax(amount: number, ratePercent: number, inclusive: boolean): number {
  return inclusive ? amount - amount / (1 + ratePercent / 100) : (amount * ratePercent) / 100;
}

/** An amount as Linnworks multiplies it out: PricePerUnit × Qty, in floating point. */
export interface LinnworksAmount {
  unitCents: number;
  quantity: number;
}

function reproduces(
  amount: LinnworksAmount,
  taxCents: number,
  fractionDigits: number,
  ratePercent: number,
  inclusive: boolean,
): boolean {
  const scale = 10 ** fractionDigits;
  const total = toMajor(amount.unitCents, fractionDigits) * amount.quantity;
  const rawTax = linnworksTax(total, ratePercent, inclusive);
  const tax = linnworksRound2(rawTax);
  const net = inclusive ? linnworksRound2(total - rawTax) : linnworksRound2(total);
  const totalCents = amount.unitCents * amount.quantity;
  const expectedNet = inclusive ? totalCents - taxCents : totalCents;

  // Tie-safe: the raw tax must sit strictly nearer the target than half of Linnworks' last
  // decimal, so the figure is the same whether Linnworks rounds half-up or half-even, and per
  // line or once on the order's sum (postage tax is only rounded as part of the order's Tax).
  const clearOfTies = Math.abs(rawTax - taxCents / scale) < 0.005 - 1e-9;

  return (
    clearOfTies &&
    Math.abs(tax * scale - taxCents) < 1e-6 &&
    Math.abs(net * scale - expectedNet) < 1e-6
  );
}

/**
 * The TaxRate (percent) to send for an amount (gross when `inclusive`, else net) whose tax must
 * come out as `taxCents`: the nominal rate if it does, else the shortest effective rate that does.
 */
export function linnworksTaxRate(
  amount: LinnworksAmount,
  taxCents: number,
  fractionDigits: number,
  nominalPercent: number,
  inclusive: boolean,
): number {
  const nominal = Number(nominalPercent.toFixed(6));
  if (reproduces(amount, taxCents, fractionDigits, nominal, inclusive)) return nominal;
  const totalCents = amount.unitCents * amount.quantity;
  const base = inclusive ? totalCents - taxCents : totalCents;
  if (base === 0) return nominal;
  const effective = (taxCents / base) * 100;
  for (let decimals = 2; decimals <= 14; decimals++) {
    const rate = Number(effective.toFixed(decimals));
    if (reproduces(amount, taxCents, fractionDigits, rate, inclusive)) return rate;
  }

  return effective;
}

export interface SplitPart {
  quantity: number;
  /** Unit price in minor units. */
  unitCents: number;
  /** This part's share of the line tax, in minor units. */
  taxCents: number;
}

/**
 * Splits a line total over its quantity into at most two parts with whole-minor-unit prices,
 * sharing the line tax in proportion (the second part takes the remainder).
 */
export function splitLine(totalCents: number, quantity: number, taxCents: number): SplitPart[] {
  const unit = Math.floor(totalCents / quantity);
  const remainder = totalCents - unit * quantity;
  if (remainder === 0) return [{ quantity, unitCents: unit, taxCents }];
  const lowQty = quantity - remainder;
  const lowTotal = lowQty * unit;
  const lowTax = totalCents === 0 ? 0 : Math.round((taxCents * lowTotal) / totalCents);

  return [
    { quantity: lowQty, unitCents: unit, taxCents: lowTax },
    { quantity: remainder, unitCents: unit + 1, taxCents: taxCents - lowTax },
  ];
}
