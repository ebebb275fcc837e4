import { lwOrderDetailsSchema } from 'shared';

import { ctSnapshot, isLinnworksOrderOf } from '../src/reconcile/order-reconcile';

const ct = { id: 'ct-order-1', reference: 'R-1' };

/** A Linnworks order as the client parses it, with the given reference and extended properties. */
function lwOrder(
  referenceNum: string,
  extendedProperties?: Array<{ Name: string; Value: string }>,
) {
  return lwOrderDetailsSchema.parse({
    OrderId: 'lw-1',
    GeneralInfo: { ReferenceNum: referenceNum },
    ...(extendedProperties ? { ExtendedProperties: extendedProperties } : {}),
  });
}

describe('isLinnworksOrderOf (which Linnworks orders found by reference belong to a commercetools order)', () => {
  it('when the reference matches and ct_order_id names this order, then it belongs to it', () => {
    expect(
      isLinnworksOrderOf(lwOrder('R-1', [{ Name: 'ct_order_id', Value: 'ct-order-1' }]), ct),
    ).toBe(true);
  });

  it('when the reference matches but ct_order_id names another order, then it does not (another store, same number)', () => {
    expect(
      isLinnworksOrderOf(lwOrder('R-1', [{ Name: 'ct_order_id', Value: 'ct-order-9' }]), ct),
    ).toBe(false);
  });

  it('when the order has no ct_order_id (created by hand), then the reference alone decides', () => {
    expect(isLinnworksOrderOf(lwOrder('R-1', [{ Name: 'note', Value: 'x' }]), ct)).toBe(true);
    expect(isLinnworksOrderOf(lwOrder('R-1'), ct)).toBe(true);
    expect(isLinnworksOrderOf(lwOrder('R-10'), ct)).toBe(false);
  });

  it('when ct_order_id names this order but the lookup matched it by another field, then ct_order_id decides', () => {
    expect(
      isLinnworksOrderOf(lwOrder('old-ref', [{ Name: 'ct_order_id', Value: 'ct-order-1' }]), ct),
    ).toBe(true);
  });
});

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
