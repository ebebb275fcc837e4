import { ctSnapshot } from '../../../src/flows/reconcile/order-reconcile';

describe('ctSnapshot (the commercetools side of an order comparison)', () => {
  const money = (centAmount: number) => ({
    type: 'centPrecision' as const,
    currencyCode: 'EUR',
    centAmount,
    fractionDigits: 2,
  });
  const base = {
    id: 'o-1',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModifiedAt: '2026-01-01T00:00:00.000Z',
    orderState: 'Open' as const,
    lineItems: [],
    customLineItems: [],
    syncInfo: [],
    refusedGifts: [],
    shipping: [],
    shippingMode: 'Single' as const,
    origin: 'Customer' as const,
    totalPrice: money(1000),
  };

  it('when prices exclude tax, then the total compared is the gross, as Linnworks shows it', () => {
    const order = {
      ...base,
      taxedPrice: { totalNet: money(1000), totalGross: money(1190), taxPortions: [] },
    } as unknown as Parameters<typeof ctSnapshot>[0];
    expect(ctSnapshot(order, () => 'R-1').totalCentAmount).toBe(1190);
  });

  it('when the order has no taxed price, then its total price is compared', () => {
    const order = base as unknown as Parameters<typeof ctSnapshot>[0];
    expect(ctSnapshot(order, () => 'R-1')).toMatchObject({
      totalCentAmount: 1000,
      currency: 'EUR',
    });
  });
});
