import type { Payment } from '@commercetools/platform-sdk';

import type { LwRefundMoney } from '../../../src/flows/fulfillment-sync/fulfillment.types';
import {
  planRefundTransactions,
  refundMoneyFromHeaders,
  refundPaymentOf,
} from '../../../src/flows/fulfillment-sync/refund-money.mapper';
import type { LinnworksRefundHeader } from '../../../src/linnworks/linnworks-types';

const order = { totalPrice: { currencyCode: 'EUR', centAmount: 0, fractionDigits: 2 } } as never;

function money(over: Partial<LwRefundMoney> & { refundRowId: string }): LwRefundMoney {
  return {
    refundHeaderId: 1,
    unit: 'Item',
    amount: 10.5,
    externalReference: '',
    channelInitiated: false,
    actionedDate: '2026-01-02T00:00:00.000Z',
    ...over,
  };
}

function payment(transactions: Array<Partial<Payment['transactions'][number]>>): Payment {
  return {
    id: 'p1',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    transactions: transactions.map((t, i) => ({
      id: `t${i}`,
      type: 'Charge',
      state: 'Success',
      amount: { type: 'centPrecision', currencyCode: 'EUR', centAmount: 100, fractionDigits: 2 },
      ...t,
    })),
  } as unknown as Payment;
}

describe('refund rows as payment transactions (FULFILLMENT_REFUND_TRANSACTION)', () => {
  it('when Linnworks refunded an item and the shipping, then each row becomes one Refund transaction keyed by its row, Success in record mode and Initial in request mode', () => {
    const rows = [
      money({ refundRowId: 'r1' }),
      money({ refundRowId: 'r2', unit: 'Shipping', amount: 4.99 }),
    ];
    const recorded = planRefundTransactions(order, payment([{}]), rows, 'record');
    expect(recorded).toEqual([
      expect.objectContaining({
        type: 'Refund',
        state: 'Success',
        interactionId: 'lw-refund-r1',
        amount: { currencyCode: 'EUR', centAmount: 1050 },
      }),
      expect.objectContaining({
        type: 'Refund',
        state: 'Success',
        interactionId: 'lw-refund-r2',
        amount: { currencyCode: 'EUR', centAmount: 499 },
      }),
    ]);
    expect(
      planRefundTransactions(order, payment([{}]), rows, 'request').map((t) => t.state),
    ).toEqual(['Initial', 'Initial']);
  });

  it('when a row is already on the payment, then it is not added again (replay adds nothing)', () => {
    const booked = payment([{}, { type: 'Refund', interactionId: 'lw-refund-r1' }]);
    expect(planRefundTransactions(order, booked, [money({ refundRowId: 'r1' })], 'record')).toEqual(
      [],
    );
  });

  it('when the refund started in commercetools (order-sync created it), then it is not sent back', () => {
    const echoes = [
      money({ refundRowId: 'r1', externalReference: 'ct-tx-abc' }),
      money({ refundRowId: 'r2', channelInitiated: true }),
    ];
    expect(planRefundTransactions(order, payment([{}]), echoes, 'record')).toEqual([]);
  });

  it('when headers hold cancellation, deleted or unactioned lines, then only actioned money rows count, shipping and order-level included', () => {
    const line = (over: Record<string, unknown>) => ({
      RefundRowId: 'x',
      RefundHeaderId: 1,
      RefundedUnit: 'Item',
      IsShippingRefund: false,
      IsAdditionalRefund: false,
      IsCancellation: false,
      Amount: 5,
      Quantity: 1,
      RefundedItem: null,
      ReasonTag: '',
      FreeTextOrNote: '',
      ExternalReference: '',
      ChannelInitiated: false,
      Actioned: true,
      ActionedDate: null,
      Deleted: false,
      RefundValidationError: 'None',
      ValidationError: '',
      ...over,
    });
    const header = (id: number, actioned: boolean, lines: unknown[]) =>
      ({
        RefundHeaderId: id,
        Actioned: actioned,
        Status: actioned ? 'PROCESSED' : 'OPEN',
        ExternalReference: '',
        ChannelInitiated: false,
        LastActionDate: null,
        RefundLines: lines,
      }) as unknown as LinnworksRefundHeader;
    const rows = refundMoneyFromHeaders([
      header(1, true, [
        line({ RefundRowId: 'item' }),
        line({ RefundRowId: 'ship', RefundedUnit: 'Shipping', IsShippingRefund: true }),
        line({ RefundRowId: 'extra', RefundedUnit: 'Additional', IsAdditionalRefund: true }),
        line({ RefundRowId: 'cancel', IsCancellation: true }),
        line({ RefundRowId: 'gone', Deleted: true }),
      ]),
      header(2, false, [line({ RefundRowId: 'open' })]),
    ]);
    expect(rows.map((r) => r.refundRowId)).toEqual(['item', 'ship', 'extra']);
  });

  it('when the order has several payments, then the refund goes to the latest charged one; none charged among several is ambiguous', () => {
    const a = { ...payment([{}]), id: 'a', createdAt: '2026-01-01T00:00:00.000Z' };
    const b = { ...payment([{}]), id: 'b', createdAt: '2026-01-03T00:00:00.000Z' };
    const pending = { ...payment([{ state: 'Pending' }]), id: 'c' };
    expect(refundPaymentOf([a, b])?.id).toBe('b');
    expect(refundPaymentOf([pending])?.id).toBe('c');
    expect(refundPaymentOf([pending, { ...pending, id: 'd' }])).toBeUndefined();
  });
});
