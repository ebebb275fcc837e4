/**
 * A decimal amount (as Linnworks sends it) in integer minor units, rounded half away from zero
 * on the decimal digits (so 1.005 with 2 digits is 101, not the float product's 100).
 */
export function decimalToMinorUnits(amount: number, fractionDigits: number): number {
  if (!Number.isFinite(amount)) throw new RangeError('amount must be a finite number');
  const negative = amount < 0;
  const [whole = '0', fraction = ''] = Math.abs(amount)
    .toFixed(fractionDigits + 4)
    .split('.');
  const kept = fraction.slice(0, fractionDigits);
  const next = Number(fraction.charAt(fractionDigits) || '0');
  const units = Number(`${whole}${kept}`) + (next >= 5 ? 1 : 0);

  return negative && units !== 0 ? -units : units;
}
