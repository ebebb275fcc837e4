import type { EmulatorOptions } from '../emulator-options';

type RoundingOptions = Pick<EmulatorOptions, 'moneyRounding'>;

/**
 * Money to 2 decimals the way the emulated tenant rounds it. Midpoints follow `moneyRounding`:
 * `half-even` is .NET's default for `Math.Round` (MidpointRounding.ToEven), `half-away` rounds
 * away from zero. Binary noise below a millionth of a cent is ignored, so 0.125 is a midpoint.
 */
export function roundMoney(options: RoundingOptions, value: number): number {
  const cents = Math.round(value * 100 * 1e6) / 1e6;
  const floor = Math.floor(cents);
  let rounded: number;
  if (Math.abs(cents - floor - 0.5) > 1e-9) rounded = Math.round(cents);
  else if (options.moneyRounding === 'half-even') rounded = floor % 2 === 0 ? floor : floor + 1;
  else rounded = cents > 0 ? floor + 1 : floor;

  return rounded / 100 + 0;
}
