import {
  orderSyncReconciler,
  orderSyncReconcilerFor,
} from '../../../src/flows/order-sync/order-sync.reconciler';
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
    expect(ctSnapshot(order, orderSyncReconciler).totalCentAmount).toBe(1190);
  });

  it('when the order has no taxed price, then its total price is compared', () => {
    const order = base as unknown as Parameters<typeof ctSnapshot>[0];
    expect(ctSnapshot(order, orderSyncReconciler)).toMatchObject({
      totalCentAmount: 1000,
      currency: 'EUR',
    });
  });

  describe('units in a cancelled line-item state (they left the Linnworks order, the commercetools totals kept them)', () => {
    const inState = (key: string, quantity: number) => ({
      quantity,
      state: { typeId: 'state', id: `id-${key}`, obj: { key } },
    });
    const order = (states: ReturnType<typeof inState>[]) =>
      ({
        ...base,
        totalPrice: money(6497),
        taxedPrice: { totalNet: money(5460), totalGross: money(6497), taxPortions: [] },
        lineItems: [
          {
            id: 'mug',
            quantity: 3,
            totalPrice: money(5997),
            taxedPrice: { totalNet: money(5040), totalGross: money(5997), totalTax: money(957) },
            state: states,
          },
        ],
      }) as unknown as Parameters<typeof ctSnapshot>[0];

    it('when 2 of 3 units sit in ORDER_CANCELLED_LINE_STATE, then the total compared is less exactly their price', () => {
      const reconciler = orderSyncReconcilerFor({
        cancelledLineState: 'ct-line-cancelled',
        linnworksCancelledLineState: 'lw-line-cancelled',
      });
      const snapshot = ctSnapshot(
        order([inState('initial', 1), inState('ct-line-cancelled', 2)]),
        reconciler,
      );
      expect(snapshot.totalCentAmount).toBe(6497 - 2 * 1999);
    });

    it('when Linnworks cancelled 2 units (fulfillment-sync default state), then the default reconciler leaves them out too', () => {
      const snapshot = ctSnapshot(
        order([inState('initial', 1), inState('lw-line-cancelled', 2)]),
        orderSyncReconciler,
      );
      expect(snapshot.totalCentAmount).toBe(6497 - 2 * 1999);
    });

    it('when the units sit in any other state, then the order total is compared as is', () => {
      const snapshot = ctSnapshot(
        order([inState('initial', 1), inState('lw-picking', 2)]),
        orderSyncReconciler,
      );
      expect(snapshot.totalCentAmount).toBe(6497);
    });
  });
});
