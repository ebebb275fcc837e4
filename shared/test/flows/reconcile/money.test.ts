import fc from 'fast-check';

import { decimalToMinorUnits } from '../../../src/flows/reconcile/money';

describe('decimalToMinorUnits', () => {
  it('when the float product would round down (1.005), then it rounds half away from zero on the decimal', () => {
    expect(decimalToMinorUnits(1.005, 2)).toBe(101);
    expect(decimalToMinorUnits(-1.005, 2)).toBe(-101);
    expect(decimalToMinorUnits(19.99, 2)).toBe(1999);
    expect(decimalToMinorUnits(1200, 0)).toBe(1200);
    expect(decimalToMinorUnits(0.1234, 3)).toBe(123);
  });

  it('when any cent amount is written as a decimal, then it converts back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        expect(decimalToMinorUnits(cents / 100, 2)).toBe(cents);
      }),
    );
  });

  it('when the amount is not finite, then it refuses', () => {
    expect(() => decimalToMinorUnits(Number.NaN, 2)).toThrow(RangeError);
  });
});
