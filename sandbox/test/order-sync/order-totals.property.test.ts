import fc from 'fast-check';
import { mapOrderToLinnworks, type OrderSyncSettings } from 'shared';

import { buildCtOrder, type OrderSpec } from 'shared/testing';
import { type Harness, startHarness } from '../linnworks/emulator-harness';
import { toMinor } from './order-sync.harness';

const settings: OrderSyncSettings = {
  source: 'COMMERCETOOLS',
  storeMapping: { _none: { subSource: 'web', location: 'Default' } },
  shippingMethodMapping: { standard: { postalService: 'Standard' } },
  countryLocations: {},
  paidOnly: false,
  paidWhen: 'paymentState',
  paymentMethodMapping: {},
  stores: [],
  unknownSkuPolicy: 'unlinked',
  skuMatching: { trim: false, case: 'preserve' },
  supportedCurrencies: ['EUR', 'GBP', 'USD', 'JPY', 'CHF'],
  postcodeCountries: [],
  titleLocale: 'en',
  dispatchWithinHours: 48,
};

const currencies = fc.constantFrom(
  { currency: 'EUR', fractionDigits: 2 },
  { currency: 'GBP', fractionDigits: 2 },
  { currency: 'USD', fractionDigits: 2 },
  { currency: 'CHF', fractionDigits: 2 },
  { currency: 'JPY', fractionDigits: 0 },
);
const rates = fc.constantFrom(0, 5, 7.7, 10, 19, 20, 21, 25.5);

const line = fc
  .record({
    quantity: fc.integer({ min: 1, max: 9 }),
    unitCents: fc.integer({ min: 0, max: 200_000 }),
    discountShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
    discounted: fc.boolean(),
    ratePercent: rates,
    custom: fc.boolean(),
  })
  .map((l) => ({
    quantity: l.quantity,
    unitCents: l.unitCents,
    // A cart or product discount on the whole line: the unit price after it is rarely whole cents.
    discountCents: l.discounted ? Math.floor(l.unitCents * l.quantity * l.discountShare) : 0,
    ratePercent: l.ratePercent,
    custom: l.custom && l.unitCents > 0,
  }));

const shipping = fc.option(
  fc.record({
    priceCents: fc.integer({ min: 0, max: 5_000 }),
    kind: fc.constantFrom('full', 'free', 'discounted'),
    ratePercent: rates,
  }),
  { nil: undefined },
);

const orderSpec: fc.Arbitrary<OrderSpec> = fc
  .record({
    money: currencies,
    taxIncluded: fc.boolean(),
    lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    shipping,
  })
  .map((o) => ({
    ...o.money,
    taxIncluded: o.taxIncluded,
    lines: o.lines.some((l) => !l.custom) ? o.lines : [{ ...o.lines[0]!, custom: false }],
    ...(o.shipping
      ? {
          shipping: {
            priceCents: o.shipping.priceCents,
            ratePercent: o.shipping.ratePercent,
            ...(o.shipping.kind === 'free' ? { discountedCents: 0 } : {}),
            ...(o.shipping.kind === 'discounted'
              ? { discountedCents: Math.floor(o.shipping.priceCents / 3) }
              : {}),
          },
        }
      : {}),
  }));

describe('order totals, commercetools → Linnworks (property)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ rateLimits: false });
  });
  afterAll(async () => {
    await harness.emulator.close();
  });

  it('when any generated order is created in Linnworks, then TotalsInfo equals the commercetools taxedPrice gross, net and tax to the minor unit', async () => {
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(orderSpec, async (spec) => {
        const n = ++seen;
        const ct = buildCtOrder({ ...spec, id: `order-${n}`, orderNumber: `PT-${n}` });
        const result = mapOrderToLinnworks(ct, settings);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const ids = await harness.client.createOrders({
          orders: [result.mapped.order],
          location: result.mapped.location,
        });
        const [details] = await harness.client.getOrdersById({ orderIds: ids });
        const totals = details!.TotalsInfo;
        const fd = ct.totalPrice.fractionDigits;
        const expected = ct.taxedPrice!;
        expect({
          gross: toMinor(totals.TotalCharge, fd),
          net: toMinor(totals.Subtotal + totals.PostageCostExTax, fd),
          tax: toMinor(totals.Tax, fd),
          exact: Number.isInteger(Number((totals.TotalCharge * 10 ** fd).toFixed(6))),
        }).toEqual({
          gross: expected.totalGross.centAmount,
          net: expected.totalNet.centAmount,
          tax: expected.totalTax?.centAmount ?? 0,
          exact: true,
        });
        // Every unit price Linnworks receives is a whole number of minor units.
        for (const item of result.mapped.order.OrderItems) {
          expect(Number.isInteger(Number((item.PricePerUnit * 10 ** fd).toFixed(6)))).toBe(true);
        }
      }),
      {
        numRuns: 300,
        // Found by this property: shipping tax exactly on a half cent (16.47 at 20 % included).
        examples: [
          [
            {
              currency: 'EUR',
              fractionDigits: 2,
              taxIncluded: true,
              lines: [
                { quantity: 1, unitCents: 11659, discountCents: 0, ratePercent: 19, custom: false },
              ],
              shipping: { priceCents: 4941, ratePercent: 20, discountedCents: 1647 },
            },
          ],
        ],
      },
    );
    expect(seen).toBeGreaterThanOrEqual(300);
  });
});
