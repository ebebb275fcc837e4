import { lwOrderDetailsSchema } from 'shared';

import { isLinnworksOrderOf } from '../src/reconcile/order-reconcile';

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
