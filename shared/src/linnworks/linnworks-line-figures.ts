/**
 * The money figures of one order line as Linnworks works them out (help article 7000005442
 * "Order taxes and discount calculations"; OrderItem: `Discount` is a percentage): the line is
 * `PricePerUnit × Quantity` less the discount percent; its tax is taken out of that total when
 * prices include tax, added to it otherwise; each step is rounded to the cent, midpoints to even
 * (.NET's `Math.Round`). Orders/UpdateOrderItem gets these so that `Cost`, `CostIncTax` and `Tax`
 * agree with the price fields whichever of them Linnworks keeps.
 */
export interface LinnworksLineInput {
  PricePerUnit: number;
  Quantity: number;
  /** Percent. */
  Discount: number;
  /** Percent. */
  TaxRate: number;
  TaxCostInclusive: boolean;
}

export interface LinnworksLineFigures {
  /** Line total excluding tax, after discount. */
  Cost: number;
  CostIncTax: number;
  Tax: number;
}

const NOISE = 1e-7;

/** Whole cents of an amount already in cents, midpoints to the even cent. */
function toEvenCents(cents: number): number {
  const whole = Math.floor(cents + NOISE);
  const rest = cents - whole;
  if (rest < 0.5 - NOISE) return whole;
  if (rest > 0.5 + NOISE) return whole + 1;

  return whole % 2 === 0 ? whole : whole + 1;
}

export function linnworksLineFigures(line: LinnworksLineInput): LinnworksLineFigures {
  const grossCents = toEvenCents(line.PricePerUnit * line.Quantity * 100);
  const totalCents = grossCents - toEvenCents((grossCents * line.Discount) / 100);
  const rate = line.TaxRate / 100;
  const taxCents = line.TaxCostInclusive
    ? toEvenCents(totalCents - totalCents / (1 + rate))
    : toEvenCents(totalCents * rate);
  const costCents = line.TaxCostInclusive ? totalCents - taxCents : totalCents;

  return {
    Cost: costCents / 100,
    CostIncTax: (costCents + taxCents) / 100,
    Tax: taxCents / 100,
  };
}
