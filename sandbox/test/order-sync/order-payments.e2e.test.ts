import type { Order } from '@commercetools/platform-sdk';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from './order-sync.harness';

interface LwPaidView {
  PaidDateTime?: string;
  GeneralInfo: { Status: number };
  TotalsInfo: { PaymentMethod?: string };
}

/** A payment with successful charges of these amounts (minor units) at these times, added to the order. */
async function pay(
  world: OrderSyncWorld,
  order: Order,
  charges: Array<{ cents: number; at: string; state?: 'Success' | 'Failure' }>,
) {
  const payment = await world.api
    .payments()
    .post({
      body: {
        amountPlanned: { currencyCode: 'EUR', centAmount: order.totalPrice.centAmount },
        paymentMethodInfo: { paymentInterface: 'stripe', method: 'card' },
        transactions: charges.map((c) => ({
          type: 'Charge' as const,
          state: c.state ?? 'Success',
          amount: { currencyCode: 'EUR', centAmount: c.cents },
          timestamp: c.at,
        })),
      },
    })
    .execute();
  const current = await world.api.orders().withId({ ID: order.id }).get().execute();
  const res = await world.api
    .orders()
    .withId({ ID: order.id })
    .post({
      body: {
        version: current.body.version,
        actions: [{ action: 'addPayment', payment: { typeId: 'payment', id: payment.body.id } }],
      },
    })
    .execute();

  return res.body;
}

describe('paid detection (ORDER_PAID_WHEN) and the payment method table', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld({
      paidWhen: 'transactions',
      paymentMethodMapping: { 'stripe/card': 'Card' },
    });
    await seedSkus(world, ['CHAIR-1']);
  }, 30_000);
  afterAll(() => world.close());

  it('when successful Charge transactions cover the total and paymentState is never set, then Linnworks gets a Paid order, paid at the charge time, with the mapped method', async () => {
    const order = await importOrder(world, {
      paymentState: 'BalanceDue',
      lines: [{ sku: 'CHAIR-1', quantity: 2, unitCents: 5000 }],
    });
    const paid = await pay(world, order, [
      { cents: 4000, at: '2026-03-01T10:00:00.000Z' },
      { cents: 9999, at: '2026-03-01T10:05:00.000Z', state: 'Failure' },
      { cents: 6000, at: '2026-03-01T10:07:00.000Z' },
    ]);
    const res = await request(world.app).post('/event').send(orderMessage(paid, 'OrderCreated'));
    expect(res.status).toBe(200);
    const [lw] = linnworksOrdersFor(world, order.id) as unknown as LwPaidView[];
    expect(lw?.GeneralInfo.Status).toBe(1);
    expect(new Date(lw!.PaidDateTime!).toISOString()).toBe('2026-03-01T10:07:00.000Z');
    expect(lw?.TotalsInfo.PaymentMethod).toBe('Card');
  });

  it('when the charges do not cover the total, then the order is sent Unpaid', async () => {
    const order = await importOrder(world, {
      paymentState: 'Paid',
      lines: [{ sku: 'CHAIR-1', quantity: 1, unitCents: 5000 }],
    });
    const partly = await pay(world, order, [{ cents: 4999, at: '2026-03-01T11:00:00.000Z' }]);
    await request(world.app).post('/event').send(orderMessage(partly, 'OrderCreated'));
    const [lw] = linnworksOrdersFor(world, order.id) as unknown as LwPaidView[];
    expect(lw?.GeneralInfo.Status).toBe(0);
  });
});
