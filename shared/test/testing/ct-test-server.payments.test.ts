import type {
  Order,
  OrderUpdateAction,
  Payment,
  PaymentDraft,
  PaymentUpdateAction,
} from '@commercetools/platform-sdk';

import { importOrder } from '../../testing/builders/ct-seed';
import {
  badJson,
  createVia,
  type Project,
  project,
  rejected,
  update,
  updateVia,
} from './ct-test-server.helpers';

// Payments, transactions and the order fields the mock accepted loosely, on the test server
// (docs/testing.md, "What the test server adds").

const eur = (centAmount: number) => ({ currencyCode: 'EUR', centAmount });

const createPayment = (p: Project, draft: Partial<PaymentDraft> = {}): Promise<Payment> =>
  createVia(p.api.payments(), { amountPlanned: eur(1000), ...draft } as PaymentDraft);

const changePayment = (
  p: Project,
  payment: Payment,
  ...actions: PaymentUpdateAction[]
): Promise<Payment> => updateVia(p.api.payments(), payment, actions);

describe('commercetools test server: payment transactions', () => {
  it('when transactions are created and changed, then type, state, timestamp and interactionId are kept', async () => {
    const p = await project();
    const payment = await createPayment(p, {
      paymentMethodInfo: { paymentInterface: 'stripe', method: 'card' },
      transactions: [
        {
          type: 'Charge',
          amount: eur(1000),
          state: 'Pending',
          interactionId: 'pi_1',
          timestamp: '2025-05-01T10:00:00.000Z',
        },
      ],
    });
    const charge = payment.transactions[0];
    expect(charge).toMatchObject({ type: 'Charge', state: 'Pending', interactionId: 'pi_1' });
    const changed = await changePayment(
      p,
      payment,
      { action: 'changeTransactionState', transactionId: charge?.id ?? '', state: 'Success' },
      {
        action: 'changeTransactionTimestamp',
        transactionId: charge?.id ?? '',
        timestamp: '2025-05-01T10:05:00.000Z',
      },
      {
        action: 'changeTransactionInteractionId',
        transactionId: charge?.id ?? '',
        interactionId: 'pi_2',
      },
      { action: 'addTransaction', transaction: { type: 'Refund', amount: eur(300) } },
    );
    expect(changed.transactions).toEqual([
      expect.objectContaining({
        state: 'Success',
        timestamp: '2025-05-01T10:05:00.000Z',
        interactionId: 'pi_2',
      }),
      expect.objectContaining({
        type: 'Refund',
        state: 'Initial',
        amount: expect.objectContaining({ centAmount: 300 }),
      }),
    ]);
  });

  it('when a transaction type or state is not in the enum, or a timestamp is not a date-time, then it is refused naming the field', async () => {
    const p = await project();
    await expect(
      createPayment(p, { transactions: [{ type: 'Charged' as 'Charge', amount: eur(1) }] }),
    ).rejects.toMatchObject(
      badJson(/transactions -> \[0\] -> type: Invalid enum value: 'Charged'/),
    );
    const payment = await createPayment(p);
    await expect(
      changePayment(p, payment, {
        action: 'addTransaction',
        transaction: { type: 'Refund', amount: eur(1), state: 'Done' as 'Success' },
      }),
    ).rejects.toMatchObject(badJson(/transaction -> state: Invalid enum value: 'Done'/));
    await expect(
      changePayment(p, payment, {
        action: 'addTransaction',
        transaction: { type: 'Refund', amount: eur(1), timestamp: 'yesterday' },
      }),
    ).rejects.toMatchObject(badJson(/timestamp: Invalid date-time/));
  });

  it('when an action names a transaction the payment does not have, then it is refused', async () => {
    const p = await project();
    const payment = await createPayment(p, {
      transactions: [{ type: 'Charge', amount: eur(1000), state: 'Success' }],
    });
    const unknown = { transactionId: 'no-such-transaction' };
    for (const action of [
      { action: 'changeTransactionState', state: 'Failure', ...unknown },
      { action: 'changeTransactionTimestamp', timestamp: '2025-05-01T10:00:00Z', ...unknown },
      { action: 'changeTransactionInteractionId', interactionId: 'x', ...unknown },
    ] as PaymentUpdateAction[]) {
      await expect(changePayment(p, payment, action)).rejects.toMatchObject(
        rejected('InvalidOperation', /no Transaction with ID 'no-such-transaction'/),
      );
    }
    await expect(
      changePayment(p, payment, {
        action: 'changeTransactionState',
        transactionId: payment.transactions[0]?.id ?? '',
        state: 'Done' as 'Success',
      }),
    ).rejects.toMatchObject(badJson(/state: Invalid enum value: 'Done'/));
  });
});

describe('commercetools test server: payments on orders', () => {
  it('when a payment is added by key, then the order references it by id and expands it; a second order cannot take it', async () => {
    const p = await project();
    const payment = await createPayment(p, {
      key: 'pay-1',
      transactions: [{ type: 'Charge', amount: eur(1000), state: 'Success' }],
    });
    const order = await importOrder(p.api, p.shippingMethodId, 'P-1', [{ sku: 'A', quantity: 1 }]);
    const add = { action: 'addPayment', payment: { typeId: 'payment', key: 'pay-1' } } as const;
    const paid = await update(p, order, add);
    expect(paid.paymentInfo?.payments).toEqual([{ typeId: 'payment', id: payment.id }]);
    const expanded = await p.api
      .orders()
      .withId({ ID: order.id })
      .get({ queryArgs: { expand: ['paymentInfo.payments[*]'] } })
      .execute();
    expect(expanded.body.paymentInfo?.payments[0]?.obj?.transactions[0]).toMatchObject({
      type: 'Charge',
      state: 'Success',
    });

    await expect(update(p, paid, add)).rejects.toMatchObject(
      rejected('InvalidOperation', /assigned to this Order already/),
    );
    const other = await importOrder(p.api, p.shippingMethodId, 'P-2', [{ sku: 'A', quantity: 1 }]);
    await expect(update(p, other, add)).rejects.toMatchObject(
      rejected('InvalidOperation', /assigned to another Order already/),
    );
  });
});

describe('commercetools test server: order fields', () => {
  async function order(p: Project): Promise<Order> {
    return importOrder(p.api, p.shippingMethodId, 'F-1', [{ sku: 'A', quantity: 1 }]);
  }

  it('when an order, payment or shipment state is outside its enum, then it is refused naming the field', async () => {
    const p = await project();
    const o = await order(p);
    const cases: Array<[OrderUpdateAction, RegExp]> = [
      [
        { action: 'changeShipmentState', shipmentState: 'Bogus' as 'Shipped' },
        /shipmentState: Invalid enum value: 'Bogus'/,
      ],
      [
        { action: 'changePaymentState', paymentState: 'Settled' as 'Paid' },
        /paymentState: Invalid enum value: 'Settled'/,
      ],
      [
        { action: 'changeOrderState', orderState: 'Done' as 'Complete' },
        /orderState: Invalid enum value: 'Done'/,
      ],
    ];
    for (const [action, detail] of cases) {
      await expect(update(p, o, action)).rejects.toMatchObject(badJson(detail));
    }
    const shipped = await update(p, o, {
      action: 'changeShipmentState',
      shipmentState: 'Canceled',
    });
    expect(shipped.shipmentState).toBe('Canceled');
  });

  it('when an address has a country that is not a two-letter upper-case code, then setting or importing it is refused', async () => {
    const p = await project();
    const o = await order(p);
    await expect(
      update(p, o, { action: 'setShippingAddress', address: { country: 'de' } }),
    ).rejects.toMatchObject(badJson(/address -> country: 'de' is not a two-letter/));
    await expect(
      update(p, o, { action: 'setBillingAddress', address: { country: 'Germany' } }),
    ).rejects.toMatchObject(badJson(/address -> country/));
    const moved = await update(
      p,
      o,
      { action: 'setShippingAddress', address: { country: 'DE', postalCode: '51147' } },
      { action: 'setBillingAddress', address: { country: 'DE' } },
      { action: 'setCustomerEmail', email: 'new@example.com' },
    );
    expect(moved).toMatchObject({
      shippingAddress: { country: 'DE', postalCode: '51147' },
      billingAddress: { country: 'DE' },
      customerEmail: 'new@example.com',
    });
    const cleared = await update(
      p,
      moved,
      { action: 'setBillingAddress' },
      { action: 'setCustomerEmail' },
    );
    expect(cleared.billingAddress).toBeUndefined();
    expect(cleared.customerEmail).toBeUndefined();
    await expect(
      p.api
        .orders()
        .importOrder()
        .post({
          body: {
            totalPrice: eur(1),
            shippingAddress: { country: 'uk' },
            lineItems: [],
          },
        })
        .execute(),
    ).rejects.toMatchObject(badJson(/shippingAddress -> country/));
  });
});
