import fc from 'fast-check';
import { LINNWORKS_RATE_LIMITS, linnworksLineFigures } from 'shared';

import { defaultEmulatorOptions } from '../../linnworks-emulator/src';
import { EmulatorRateLimiter } from '../../linnworks-emulator/src/http/rate-limiter';
import { lineTotals } from '../../linnworks-emulator/src/rules/order-totals.rule';
import type { OrderItemRecord } from '../../linnworks-emulator/src/state/records';
import { type Harness, startHarness } from './emulator-harness';

/**
 * Two things the client and the emulator each take from Linnworks' documents, checked to agree:
 * the per-method limits (API spec "Rate limit: N / minute") and a line's money (help 7000005442).
 */
describe('Linnworks limits and line figures, client and emulator', () => {
  it('when the client budgets an endpoint, then the emulator enforces the same documented limit', () => {
    const limiter = new EmulatorRateLimiter(defaultEmulatorOptions);

    for (const [endpoint, limit] of Object.entries(LINNWORKS_RATE_LIMITS)) {
      expect([endpoint, limiter.limitFor(endpoint)]).toEqual([endpoint, limit]);
    }
  });

  it('when the 151st UpdateOrderItem comes within a minute, then the emulator answers 429 with the 150 text', async () => {
    const h: Harness = await startHarness();
    try {
      const call = () => h.api('Orders/UpdateOrderItem', { orderId: 'none' });
      for (let i = 0; i < 150; i++) expect((await call()).status).toBe(400);
      expect(await call()).toEqual({
        status: 429,
        json: { Message: 'API calls quota exceeded! Maximum admitted 150 per Minute.' },
      });
    } finally {
      await h.emulator.close();
    }
  });

  it('when the client works out a line for UpdateOrderItem, then its figures are the ones the emulator computes', () => {
    const money = fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100);
    const line = fc.record({
      PricePerUnit: money,
      Quantity: fc.integer({ min: 1, max: 40 }),
      Discount: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 5000 }).map((b) => b / 100),
      ),
      TaxRate: fc.constantFrom(0, 5, 7.7, 20, 21, 25),
      TaxCostInclusive: fc.boolean(),
    });
    fc.assert(
      fc.property(line, (input) => {
        const record = {
          quantity: input.Quantity,
          pricePerUnit: input.PricePerUnit,
          lineDiscount: input.Discount,
          lineDiscountUnit: 'percent',
          taxRate: input.TaxRate,
          useChannelTax: true,
          taxCostInclusive: input.TaxCostInclusive,
        } as OrderItemRecord;
        const emulated = lineTotals(record, defaultEmulatorOptions);
        const client = linnworksLineFigures(input);

        expect([client.Cost, client.CostIncTax, client.Tax]).toEqual([
          emulated.cost,
          emulated.costIncTax,
          emulated.tax,
        ]);
      }),
      { numRuns: 2000 },
    );
  });
});
