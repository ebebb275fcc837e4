import {
  compareOrders,
  ctCoarseState,
  type CtOrderSnapshot,
  lwCoarseState,
  type LwOrderSnapshot,
} from '../../../src/flows/reconcile/order-discrepancies';

const ct = (reference: string, over: Partial<CtOrderSnapshot> = {}): CtOrderSnapshot => ({
  id: `ct-${reference}`,
  reference,
  createdAt: '2026-01-01T00:00:00.000Z',
  currency: 'EUR',
  totalCentAmount: 1999,
  fractionDigits: 2,
  state: 'open',
  ...over,
});
const lw = (reference: string, over: Partial<LwOrderSnapshot> = {}): LwOrderSnapshot => ({
  orderId: `lw-${reference}`,
  reference,
  currency: 'EUR',
  totalCentAmount: 1999,
  state: 'open',
  ...over,
});

describe('compareOrders', () => {
  it('when both sides agree, then there is no finding', () => {
    expect(compareOrders([ct('A')], new Map([['A', [lw('A')]]]))).toEqual([]);
  });

  it('when Linnworks lacks the order or holds it twice, then that is reported once and nothing else', () => {
    const findings = compareOrders(
      [ct('A'), ct('B')],
      new Map([['B', [lw('B', { orderId: 'x' }), lw('B', { orderId: 'y', totalCentAmount: 1 })]]]),
    );
    expect(findings).toEqual([
      { kind: 'missing-in-linnworks', reference: 'A', ctOrderId: 'ct-A', lwOrderIds: [] },
      {
        kind: 'duplicated-in-linnworks',
        reference: 'B',
        ctOrderId: 'ct-B',
        lwOrderIds: ['x', 'y'],
        linnworks: 2,
      },
    ]);
  });

  it('when every unit sat in a cancelled line-item state before export (order-sync sent nothing), then no Linnworks order is in step; one found is still compared', () => {
    const none = ct('A', { nothingToSend: true, totalCentAmount: 0 });
    expect(compareOrders([none], new Map())).toEqual([]);
    expect(compareOrders([none], new Map([['A', [lw('A')]]]))).toEqual([
      expect.objectContaining({ kind: 'total-differs', commercetools: 0, linnworks: 1999 }),
    ]);
  });

  it('when totals, currency or state differ, then each is named with both values', () => {
    const findings = compareOrders(
      [ct('A'), ct('B'), ct('C', { state: 'cancelled' })],
      new Map([
        ['A', [lw('A', { totalCentAmount: 2000 })]],
        ['B', [lw('B', { currency: 'GBP' })]],
        ['C', [lw('C')]],
      ]),
    );
    expect(findings.map((f) => [f.kind, f.reference, f.commercetools, f.linnworks])).toEqual([
      ['total-differs', 'A', 1999, 2000],
      ['currency-differs', 'B', 'EUR', 'GBP'],
      ['state-differs', 'C', 'cancelled', 'open'],
    ]);
  });
});

describe('coarse states', () => {
  it('when refunded totals differ (commercetools transactions vs Linnworks refunds), then refunds-differ names both to the cent; equal or unread refunds are no finding', () => {
    const findings = compareOrders(
      [
        ct('A', { refundedCentAmount: 3998 }),
        ct('B', { refundedCentAmount: 500 }),
        ct('C', { refundedCentAmount: 0 }),
        ct('D', { refundedCentAmount: 700 }),
      ],
      new Map([
        ['A', [lw('A', { refundedCentAmount: 3998 })]],
        ['B', [lw('B', { refundedCentAmount: 0 })]],
        ['C', [lw('C', { refundedCentAmount: 199 })]],
        ['D', [lw('D')]],
      ]),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'refunds-differ',
        reference: 'B',
        commercetools: 500,
        linnworks: 0,
      }),
      expect.objectContaining({
        kind: 'refunds-differ',
        reference: 'C',
        commercetools: 0,
        linnworks: 199,
      }),
    ]);
  });

  it('when a commercetools order is cancelled or shipped, then its coarse state says so', () => {
    expect(ctCoarseState({ orderState: 'Cancelled', shipmentState: 'Shipped' })).toBe('cancelled');
    expect(ctCoarseState({ orderState: 'Open', shipmentState: 'Delivered' })).toBe('shipped');
    expect(ctCoarseState({ orderState: 'Confirmed' })).toBe('open');
  });

  it('when a Linnworks order is on hold but open, then it is open; processed with HoldOrCancel is cancelled', () => {
    expect(lwCoarseState({ processed: false, holdOrCancel: true })).toBe('open');
    expect(lwCoarseState({ processed: true, holdOrCancel: true })).toBe('cancelled');
    expect(lwCoarseState({ processed: true, holdOrCancel: false })).toBe('shipped');
  });
});
