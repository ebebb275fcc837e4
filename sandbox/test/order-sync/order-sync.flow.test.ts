import { randomUUID } from 'node:crypto';

import type { Order } from '@commercetools/platform-sdk';
import request from 'supertest';
import {
  EXTENDED_PROPERTY_CT_ORDER_ID,
  EXTENDED_PROPERTY_CT_ORDER_NUMBER,
  failureId,
} from 'shared';
import { ctTestSeed } from 'shared/testing';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  seedSkus,
  startWorld,
  type OrderSyncWorld,
} from './order-sync.harness';

/** Linnworks data calls (authorisation excluded), per endpoint. */
function linnworksCalls(world: OrderSyncWorld): Record<string, number> {
  return Object.fromEntries(
    Object.entries(world.emulator.control.callCounts()).filter(([k]) => !/auth/i.test(k)),
  );
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

describe('order-sync against the commercetools test server and the Linnworks emulator', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['MUG-BLUE', 'MUG-RED', 'TEE-M'], ['MUG-BLUE', 'MUG-RED']);
  });
  afterAll(async () => {
    await world.close();
  });

  it('when a new paid order arrives, then exactly one Linnworks order is created with lines, references and totals, and the order carries its id', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-1001',
      lines: [
        { sku: 'MUG-BLUE', quantity: 3, unitCents: 1299 },
        { sku: 'MUG-RED', quantity: 1, unitCents: 1000, ratePercent: 7 },
      ],
    });
    const res = await request(world.app).post('/event').send(orderMessage(order));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'processed' });

    const [lw, ...more] = linnworksOrdersFor(world, order.id);
    expect(more).toHaveLength(0);
    expect(lw!.GeneralInfo).toMatchObject({
      ReferenceNum: 'CT-1001',
      Source: 'COMMERCETOOLS',
      SubSource: 'web',
      Status: 1,
    });
    expect(lw!.Items.map((i) => [i.ItemNumber, i.ChannelSKU, i.Quantity])).toEqual([
      [order.lineItems[0]!.id, 'MUG-BLUE', 3],
      [order.lineItems[1]!.id, 'MUG-RED', 1],
    ]);
    expect(lw!.ExtendedProperties.map((p) => [p.Name, p.Value])).toEqual(
      expect.arrayContaining([
        [EXTENDED_PROPERTY_CT_ORDER_ID, order.id],
        [EXTENDED_PROPERTY_CT_ORDER_NUMBER, 'CT-1001'],
      ]),
    );
    const taxed = order.taxedPrice!;
    expect(Math.round(lw!.TotalsInfo.TotalCharge * 100)).toBe(taxed.totalGross.centAmount);
    expect(Math.round(lw!.TotalsInfo.Tax * 100)).toBe(taxed.totalTax!.centAmount);

    const state = await world.states.get(order.id);
    expect(state?.value).toMatchObject({
      status: 'created',
      linnworksOrderId: lw!.OrderId,
      paid: true,
      linnworksReference: 'CT-1001',
    });
    const after = await world.api.orders().withId({ ID: order.id }).get().execute();
    expect(after.body.syncInfo.map((s) => s.externalId)).toEqual([lw!.OrderId]);
  });

  it('when a new order arrives with known SKUs, then it costs at most 2 Linnworks calls and 4 commercetools calls; a duplicate costs 0 and at most 2', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-1002',
      lines: [{ sku: 'MUG-BLUE', quantity: 1, unitCents: 500 }],
    });
    world.emulator.control.resetCallCounts();
    world.proxy.reset();
    await request(world.app).post('/event').send(orderMessage(order)).expect(200);
    expect(total(linnworksCalls(world))).toBeLessThanOrEqual(2);
    expect(linnworksCalls(world)).toMatchObject({ 'Orders/CreateOrders': 1 });
    expect(world.proxy.calls().length).toBeLessThanOrEqual(4);

    world.emulator.control.resetCallCounts();
    world.proxy.reset();
    const dup = await request(world.app).post('/event').send(orderMessage(order, 'OrderCreated'));
    expect(dup.status).toBe(202);
    expect(dup.body).toEqual({ outcome: 'skipped' });
    expect(total(linnworksCalls(world))).toBe(0);
    expect(world.proxy.calls().length).toBeLessThanOrEqual(2);
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
  });

  it('when a line has a SKU Linnworks does not know, then the order is rejected, recorded with the field and correlation ID, logged once without personal data, and acknowledged', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-1003',
      lines: [{ sku: 'TEE-M', quantity: 2, unitCents: 1500 }],
    });
    const res = await request(world.app)
      .post('/event')
      .set('x-correlation-id', 'corr-reject-1')
      .send(orderMessage(order));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ outcome: 'rejected' });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);

    const failure = await world.failures.get(
      failureId('order-sync', { type: 'order', id: order.id }),
    );
    expect(failure).toMatchObject({
      flow: 'order-sync',
      reasonCode: 'SKU_UNKNOWN',
      field: 'lineItems[0].variant.sku',
      correlationId: 'corr-reject-1',
      status: 'pending',
      ref: { type: 'order', id: order.id },
    });
    const rejectionLines = world.logs
      .lines()
      .filter(
        (l) =>
          l.message === 'order rejected; recorded in the failure queue' &&
          l.correlationId === 'corr-reject-1',
      );
    expect(rejectionLines).toHaveLength(1);
    const text = world.logs.text();
    for (const personal of ['erika@example.com', 'Mustermann', 'Heidestr', '51147']) {
      expect(text).not.toContain(personal);
    }
    expect((await world.states.get(order.id))?.value.status).toBe('rejected');
  });

  it('when an order is in Multiple shipping mode, then order-sync rejects it naming shippingMode, so Linnworks never ships what commercetools cannot record as a delivery', async () => {
    const imported = await importOrder(world, {
      orderNumber: 'CT-1009',
      lines: [{ sku: 'MUG-BLUE', quantity: 1, unitCents: 1200 }],
    });
    const shipping = (shippingKey: string) => ({
      shippingKey,
      shippingAddress: imported.shippingAddress,
      shippingInfo: {
        shippingMethodName: shippingKey,
        price: { type: 'centPrecision', currencyCode: 'EUR', centAmount: 0, fractionDigits: 2 },
        shippingRate: {
          price: { type: 'centPrecision', currencyCode: 'EUR', centAmount: 0, fractionDigits: 2 },
        },
        shippingMethodState: 'MatchesCart',
        deliveries: [],
      },
    });
    // The test server cannot build a Multiple-mode cart; the order is stored as commercetools holds one.
    const order = await ctTestSeed<Order>(world.ctConfig, 'order', {
      ...imported,
      id: randomUUID(),
      orderNumber: 'CT-1009-M',
      shippingMode: 'Multiple',
      shipping: [shipping('home'), shipping('office')],
    });

    const res = await request(world.app).post('/event').send(orderMessage(order));

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ outcome: 'rejected' });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);
    const failure = await world.failures.get(
      failureId('order-sync', { type: 'order', id: order.id }),
    );
    expect(failure).toMatchObject({
      reasonCode: 'MULTIPLE_SHIPPING_ADDRESSES',
      field: 'shippingMode',
      retryable: false,
    });
  });

  it('when an unpaid order is paid later, then the same Linnworks order becomes paid and no second order appears', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-1004',
      paymentState: 'BalanceDue',
      lines: [{ sku: 'MUG-RED', quantity: 2, unitCents: 800 }],
    });
    await request(world.app).post('/event').send(orderMessage(order)).expect(200);
    const [unpaid] = linnworksOrdersFor(world, order.id);
    expect(unpaid!.GeneralInfo).toMatchObject({ Status: 0, IsParked: true });

    const paid = await world.api
      .orders()
      .withId({ ID: order.id })
      .post({
        body: {
          version: (await world.api.orders().withId({ ID: order.id }).get().execute()).body.version,
          actions: [{ action: 'changePaymentState', paymentState: 'Paid' }],
        },
      })
      .execute();
    const res = await request(world.app)
      .post('/event')
      .send(orderMessage(paid.body, 'OrderPaymentStateChanged'));
    expect(res.body).toEqual({ outcome: 'processed' });
    const after = linnworksOrdersFor(world, order.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.OrderId).toBe(unpaid!.OrderId);
    // Marked paid with Orders/ChangeStatus and un-parked with Orders/ChangeOrderTag: the strict
    // emulator does neither on a re-send.
    expect(after[0]!.GeneralInfo).toMatchObject({ Status: 1, IsParked: false });
    expect(world.emulator.control.callCounts()).toMatchObject({
      'Orders/ChangeStatus': 1,
      'Orders/ChangeOrderTag': 1,
    });
    expect((await world.states.get(order.id))?.value).toMatchObject({
      paid: true,
      status: 'created',
    });
  });

  it('when a message type order-sync does not handle arrives, then it is acknowledged and ignored', async () => {
    const order = await importOrder(world, {
      lines: [{ sku: 'MUG-RED', quantity: 1, unitCents: 100 }],
    });
    const res = await request(world.app).post('/event').send(orderMessage(order, 'DeliveryAdded'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ outcome: 'ignored' });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);
  });
});
