import { orderSyncReconciler } from '../../../src/flows/order-sync/order-sync.reconciler';
import { lwOrderDetailsSchema } from '../../../src/linnworks/linnworks-schemas';

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

describe('the order-sync reconciler: isLinnworksOrderOf (which Linnworks orders found by reference belong to a commercetools order)', () => {
  it('when the reference matches and ct_order_id names this order, then it belongs to it', () => {
    expect(
      orderSyncReconciler.isLinnworksOrderOf(
        lwOrder('R-1', [{ Name: 'ct_order_id', Value: 'ct-order-1' }]),
        ct,
      ),
    ).toBe(true);
  });

  it('when the reference matches but ct_order_id names another order, then it does not (another store, same number)', () => {
    expect(
      orderSyncReconciler.isLinnworksOrderOf(
        lwOrder('R-1', [{ Name: 'ct_order_id', Value: 'ct-order-9' }]),
        ct,
      ),
    ).toBe(false);
  });

  it('when the order has no ct_order_id (created by hand), then the reference alone decides', () => {
    expect(
      orderSyncReconciler.isLinnworksOrderOf(lwOrder('R-1', [{ Name: 'note', Value: 'x' }]), ct),
    ).toBe(true);
    expect(orderSyncReconciler.isLinnworksOrderOf(lwOrder('R-1'), ct)).toBe(true);
    expect(orderSyncReconciler.isLinnworksOrderOf(lwOrder('R-10'), ct)).toBe(false);
  });

  it('when ct_order_id names this order but the lookup matched it by another field, then ct_order_id decides', () => {
    expect(
      orderSyncReconciler.isLinnworksOrderOf(
        lwOrder('old-ref', [{ Name: 'ct_order_id', Value: 'ct-order-1' }]),
        ct,
      ),
    ).toBe(true);
  });
});

describe('the order-sync reconciler: referenceOf', () => {
  it('when the order has a number, then the reference is the number, else the id', () => {
    expect(orderSyncReconciler.referenceOf({ id: 'o-1', orderNumber: ' N-7 ' })).toBe('N-7');
    expect(orderSyncReconciler.referenceOf({ id: 'o-1' })).toBe('o-1');
  });
});
