import type { Order } from '@commercetools/platform-sdk';

import { paymentOf } from '../../../src/flows/order-sync/order-payment.mapper';

function order(paymentState: string | undefined, charges: number[], method = 'card'): Order {
  const transactions = charges.map((cents, i) => ({
    id: `t${i}`,
    type: 'Charge',
    state: 'Success',
    amount: { currencyCode: 'EUR', centAmount: cents },
    timestamp: `2026-01-01T10:0${i}:00.000Z`,
  }));

  return {
    createdAt: '2026-01-01T09:00:00.000Z',
    lastModifiedAt: '2026-02-01T00:00:00.000Z',
    totalPrice: { currencyCode: 'EUR', centAmount: 1000, fractionDigits: 2 },
    paymentState,
    paymentInfo: {
      payments: [
        {
          typeId: 'payment',
          id: 'p',
          obj: {
            createdAt: '2026-01-01T09:30:00.000Z',
            paymentMethodInfo: { paymentInterface: 'adyen', method },
            transactions,
          },
        },
      ],
    },
  } as unknown as Order;
}

const rule = (paidWhen: 'paymentState' | 'transactions' | 'either', mapping = {}) => ({
  paidWhen,
  paymentMethodMapping: mapping,
});

describe('paid detection', () => {
  it('when the rule is paymentState, then only the state counts, and PaidOn is the payment time, never lastModifiedAt', () => {
    expect(paymentOf(order('Paid', []), rule('paymentState'))).toMatchObject({
      paid: true,
      paidOn: '2026-01-01T09:30:00.000Z',
    });
    expect(paymentOf(order('BalanceDue', [1000]), rule('paymentState')).paid).toBe(false);
    expect(paymentOf(order('Paid', [400, 600]), rule('paymentState')).paidOn).toBe(
      '2026-01-01T10:01:00.000Z',
    );
  });

  it('when the rule is transactions or either, then charges covering the total count, paid at the covering charge', () => {
    expect(paymentOf(order(undefined, [400, 600, 50]), rule('transactions'))).toMatchObject({
      paid: true,
      paidOn: '2026-01-01T10:01:00.000Z',
    });
    expect(paymentOf(order('Paid', [999]), rule('transactions')).paid).toBe(false);
    expect(paymentOf(order('Paid', [999]), rule('either')).paid).toBe(true);
    expect(paymentOf(order('Pending', [1000]), rule('either')).paid).toBe(true);
  });

  it('when a mapping table is set, then the most specific entry names the Linnworks method', () => {
    const mapping = { 'adyen/card': 'Card (Adyen)', paypal: 'PayPal', _default: 'Other' };
    expect(paymentOf(order('Paid', [], 'card'), rule('either', mapping)).method).toBe(
      'Card (Adyen)',
    );
    expect(paymentOf(order('Paid', [], 'paypal'), rule('either', mapping)).method).toBe('PayPal');
    expect(paymentOf(order('Paid', [], 'klarna'), rule('either', mapping)).method).toBe('Other');
    expect(paymentOf(order('Paid', [], 'klarna'), rule('either')).method).toBe('klarna');
  });
});
