import { failureId, ORDER_STATE_CONTAINER } from 'shared';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  setPostalCode,
  startWorld,
} from './order-sync.harness';

/** The first write of an order-state record never happens, as if the process died right there. */
function crashOnFirstStateWrite(world: OrderSyncWorld): void {
  world.proxy.failOnce(
    (method, path, body) =>
      method === 'POST' &&
      path.endsWith('/custom-objects') &&
      body.includes(`"container":"${ORDER_STATE_CONTAINER}"`),
  );
}

async function cancelInCt(world: OrderSyncWorld, orderId: string) {
  const current = await world.api.orders().withId({ ID: orderId }).get().execute();
  const res = await world.api
    .orders()
    .withId({ ID: orderId })
    .post({
      body: {
        version: current.body.version,
        actions: [{ action: 'changeOrderState', orderState: 'Cancelled' }],
      },
    })
    .execute();

  return res.body;
}

describe('order-sync recovery, cancellation and replay', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld({});
    await seedSkus(world, ['BOOK-1', 'BOOK-2']);
  });
  afterAll(async () => {
    await world.close();
  });

  // What CreateOrders answers for the skipped duplicate of a paid order is undocumented
  // (reference §3.1 [?]): the emulator plays both readings.
  it.each([
    ['omits it from the result', 'omit', 'CT-2001'],
    ['echoes the existing id', 'existing-id', 'CT-2011'],
  ] as const)(
    'when the process crashes between the Linnworks create and the state write and Linnworks %s, then redeliveries still yield exactly one Linnworks order',
    async (_reading, paidDuplicateResult, orderNumber) => {
      world.emulator.control.setOptions({ paidDuplicateResult });
      crashOnFirstStateWrite(world);
      const order = await importOrder(world, {
        orderNumber,
        lines: [{ sku: 'BOOK-1', quantity: 1, unitCents: 2500 }],
      });
      const first = await request(world.app)
        .post('/event')
        .send(orderMessage(order, 'OrderCreated', 'same'));
      expect(first.body.outcome).toBe('rejected'); // the crash: acknowledged as INTERNAL by the app
      expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
      expect(await world.states.get(order.id)).toBeUndefined();

      world.emulator.control.resetCallCounts();
      await request(world.app)
        .post('/event')
        .send(orderMessage(order, 'OrderCreated', 'same'))
        .expect(200);
      // No record, so no lookup first: CreateOrders again, which Linnworks dedupes (the paid
      // order is skipped); the order is found by the batch read-back or, when omitted, the lookup.
      const calls = world.emulator.control.callCounts();
      expect(calls['Orders/CreateOrders']).toBe(1);
      const found =
        (calls['Orders/GetOrdersById'] ?? 0) + (calls['Orders/GetOrderDetailsByReferenceId'] ?? 0);
      expect(found).toBe(1);
      for (let i = 0; i < 3; i++) {
        const again = await request(world.app)
          .post('/event')
          .send(orderMessage(order, 'OrderCreated', 'same'));
        expect(again.status).toBeLessThan(300);
      }
      const lw = linnworksOrdersFor(world, order.id);
      expect(lw).toHaveLength(1);
      expect((await world.states.get(order.id))?.value).toMatchObject({
        status: 'created',
        linnworksOrderId: lw[0]!.OrderId,
      });
      world.emulator.control.setOptions({ paidDuplicateResult: 'omit' });
    },
  );

  it('when an order open in Linnworks is cancelled in commercetools, then it is cancelled in Linnworks and the record says commercetools started it', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-2002',
      lines: [{ sku: 'BOOK-2', quantity: 1, unitCents: 900 }],
    });
    await request(world.app).post('/event').send(orderMessage(order)).expect(200);
    const cancelled = await cancelInCt(world, order.id);
    const res = await request(world.app)
      .post('/event')
      .send(orderMessage(cancelled, 'OrderStateChanged'));
    expect(res.body).toEqual({ outcome: 'processed' });
    const [lw] = linnworksOrdersFor(world, order.id);
    expect(lw).toMatchObject({ Processed: true, GeneralInfo: { HoldOrCancel: true } });
    expect((await world.states.get(order.id))?.value).toMatchObject({
      status: 'cancelled',
      cancellation: { source: 'commercetools' },
    });
  });

  it('when an order Linnworks already shipped is cancelled in commercetools, then a conflict is recorded in the failure queue', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-2003',
      lines: [{ sku: 'BOOK-2', quantity: 1, unitCents: 900 }],
    });
    await request(world.app).post('/event').send(orderMessage(order)).expect(200);
    const [lw] = linnworksOrdersFor(world, order.id);
    world.emulator.control.processOrder({ order: lw!.OrderId, trackingNumber: 'TRK1' });
    const cancelled = await cancelInCt(world, order.id);
    const res = await request(world.app)
      .post('/event')
      .send(orderMessage(cancelled, 'OrderStateChanged'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ outcome: 'rejected' });
    const failure = await world.failures.get(
      failureId('order-sync', { type: 'order', id: order.id }),
    );
    expect(failure).toMatchObject({ reasonCode: 'CANCEL_CONFLICT_SHIPPED', status: 'pending' });
    expect(failure?.message).toContain('already processed');
    expect(linnworksOrdersFor(world, order.id)[0]!.GeneralInfo.HoldOrCancel).toBe(false);
  });

  it('when the cancellation came from Linnworks (marked by fulfillment-sync), then it is not sent back to Linnworks', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-2004',
      lines: [{ sku: 'BOOK-1', quantity: 1, unitCents: 900 }],
    });
    await request(world.app).post('/event').send(orderMessage(order)).expect(200);
    await world.states.markCancellation(order.id, 'linnworks');
    const cancelled = await cancelInCt(world, order.id);
    world.emulator.control.resetCallCounts();
    const res = await request(world.app)
      .post('/event')
      .send(orderMessage(cancelled, 'OrderStateChanged'));
    expect(res.body).toEqual({ outcome: 'skipped' });
    expect(world.emulator.control.callCounts()['Orders/CancelOrder']).toBeUndefined();
    expect(linnworksOrdersFor(world, order.id)[0]!.Processed).toBe(false);
    expect((await world.states.get(order.id))?.value.status).toBe('cancelled');
  });

  it('when a rejected order is replayed after its mapping is fixed, then dry run writes nothing and the replay creates it once', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-2005',
      lines: [{ sku: 'BOOK-1', quantity: 2, unitCents: 1234 }],
      address: { postalCode: undefined },
    });
    const res = await request(world.app).post('/event').send(orderMessage(order));
    expect(res.body).toEqual({ outcome: 'rejected' });
    const failure = (await world.failures.get(
      failureId('order-sync', { type: 'order', id: order.id }),
    ))!;
    expect(failure).toMatchObject({
      reasonCode: 'ADDRESS_POSTCODE_MISSING',
      field: 'shippingAddress.postalCode',
    });

    const replay = world.orderSync.replayer;
    expect(await replay(failure, { dryRun: true })).toMatchObject({
      outcome: 'still-failing',
      reasonCode: 'ADDRESS_POSTCODE_MISSING',
    });

    await setPostalCode(world, order.id, '50667');
    world.emulator.control.resetCallCounts();
    expect(await replay(failure, { dryRun: true })).toEqual({
      outcome: 'resolved',
      message: 'dry run: would-create',
    });
    expect(world.emulator.control.callCounts()['Orders/CreateOrders']).toBeUndefined();
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);

    expect(await replay(failure, { dryRun: false })).toEqual({
      outcome: 'resolved',
      message: 'created',
    });
    expect(await replay(failure, { dryRun: false })).toEqual({
      outcome: 'resolved',
      message: 'already-synced',
    });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    expect((await world.failures.get(failure.id))?.status).toBe('resolved');
  });
});
