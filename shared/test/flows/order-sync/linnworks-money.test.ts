import fc from 'fast-check';

import {
  linnworksRound2,
  linnworksTax,
  linnworksTaxRate,
  splitLine,
  toMajor,
} from '../../../src/flows/order-sync/linnworks-money';

describe('Linnworks money helpers', () => {
  it('when a total does not divide by the quantity, then the split has at most two parts of whole minor units adding up exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50_000 }),
        (total, qty, tax) => {
          const parts = splitLine(total, qty, tax);
          expect(parts.length).toBeLessThanOrEqual(2);
          expect(parts.reduce((s, p) => s + p.quantity * p.unitCents, 0)).toBe(total);
          expect(parts.reduce((s, p) => s + p.quantity, 0)).toBe(qty);
          expect(parts.reduce((s, p) => s + p.taxCents, 0)).toBe(tax);
        },
      ),
    );
  });

  it('when the nominal rate reproduces the tax, then it is kept; otherwise an effective rate reproduces it exactly', () => {
    expect(linnworksTaxRate({ unitCents: 1200, quantity: 1 }, 200, 2, 20, true)).toBe(20);
    // 19 % of 9.99 gross is 1.595 tax: Linnworks rounds it to 1.60; an order rounded down has 1.59.
    const rate = linnworksTaxRate({ unitCents: 999, quantity: 1 }, 159, 2, 19, true);
    expect(rate).not.toBe(19);
    expect(linnworksRound2(linnworksTax(9.99, rate, true))).toBe(1.59);
    expect(linnworksRound2(9.99 - linnworksTax(9.99, rate, true))).toBe(8.4);
  });

  it('when the nominal rate puts the tax exactly on a half cent, then a rate clear of the tie is sent', () => {
    // 20 % of 16.47 gross is 2.745 tax: half-up gives 2.75, half-even 2.74; the order holds 2.74.
    const rate = linnworksTaxRate({ unitCents: 1647, quantity: 1 }, 274, 2, 20, true);
    expect(rate).not.toBe(20);
    const raw = linnworksTax(16.47, rate, true);
    expect(Math.abs(raw - 2.74)).toBeLessThan(0.005 - 1e-9);
  });

  it('when amounts are converted for Linnworks, then minor units become decimals by the fraction digits', () => {
    expect([toMajor(12345, 2), toMajor(12345, 0), toMajor(-5, 2)]).toEqual([123.45, 12345, -0.05]);
  });
});
