import { createApp as createOrderSyncApp } from 'order-sync';
import type { IntrospectionStandIn } from 'shared/testing';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  setPostalCode,
  startWorld,
} from '../order-sync/order-sync.harness';
import {
  buildSyncAdmin,
  startIntrospection,
  type SyncAdminUnderTest,
  syncAdminEnv,
} from './sync-admin-world';

/** The settings order-sync runs with, as sync-admin's environment spells them. */
const ORDER_ENV = {
  LINNWORKS_ORDER_SOURCE: 'COMMERCETOOLS',
  ORDER_STORE_MAPPING: JSON.stringify({ _none: { subSource: 'web', location: 'Default' } }),
  ORDER_SUPPORTED_CURRENCIES: JSON.stringify(['EUR']),
};

/** A GBP order (the harness imports EUR only); the test server computes its taxedPrice. */
async function importGbpOrder(world: OrderSyncWorld, orderNumber: string, sku: string) {
  const address = {
    country: 'GB',
    firstName: 'Ada',
    lastName: 'Lovelace',
    streetName: 'Baker Street',
    streetNumber: '221b',
    postalCode: 'NW1 6XE',
    city: 'London',
  };
  const res = await world.api
    .orders()
    .importOrder()
    .post({
      body: {
        orderNumber,
        totalPrice: { currencyCode: 'GBP', centAmount: 1800 },
        paymentState: 'Paid',
        orderState: 'Open',
        shippingAddress: address,
        billingAddress: address,
        lineItems: [
          {
            variant: { sku },
            name: { en: sku },
            price: { value: { currencyCode: 'GBP', centAmount: 1800 } },
            quantity: 1,
            taxRate: { name: 'vat', amount: 0.2, includedInPrice: true, country: 'GB' },
          },
        ],
      },
    })
    .execute();

  return res.body;
}

function createOrdersCalls(world: OrderSyncWorld): number {
  return world.emulator.control.callCounts()['Orders/CreateOrders'] ?? 0;
}

describe('sync-admin replay end to end (order-sync, commercetools test server, Linnworks emulator)', () => {
  let world: OrderSyncWorld;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;

  beforeAll(async () => {
    world = await startWorld({ supportedCurrencies: ['EUR'] });
    await seedSkus(world, ['LAMP-1', 'LAMP-2']);
    idp = await startIntrospection(world.ctConfig);
    admin = buildSyncAdmin(syncAdminEnv(world.ctConfig, world.emulator, ORDER_ENV), idp);
  });
  afterAll(async () => {
    await idp.close();
    await world.close();
  });

  it('when an order rejected for a missing postcode is fixed in commercetools, then replay creates it in Linnworks exactly once and keeps both correlation IDs', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-7001',
      lines: [{ sku: 'LAMP-1', quantity: 2, unitCents: 2450 }],
      address: { postalCode: undefined },
    });
    const rejected = await request(world.app)
      .post('/event')
      .set('x-correlation-id', 'corr-original-7001')
      .send(orderMessage(order));
    expect(rejected.body).toEqual({ outcome: 'rejected' });

    // The operator finds it.
    const listed = await request(admin.app)
      .get('/service/failures')
      .query({ flow: 'order-sync', reasonCode: 'ADDRESS_POSTCODE_MISSING', status: 'pending' })
      .set('Authorization', admin.bearer);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    const [failure] = listed.body.items;
    expect(failure).toMatchObject({
      flow: 'order-sync',
      reasonCode: 'ADDRESS_POSTCODE_MISSING',
      field: 'shippingAddress.postalCode',
      ref: { type: 'order', id: order.id },
      correlationId: 'corr-original-7001',
      attempts: 1,
      status: 'pending',
    });
    expect(JSON.stringify(listed.body)).not.toMatch(/Mustermann|erika@example\.com|Heidestr/);
    expect((await request(admin.app).get('/service/failures')).status).toBe(401);

    // Not fixed yet: a dry run says it still fails and changes nothing.
    const early = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ ids: [failure.id], dryRun: true });
    expect(early.body.items).toEqual([
      expect.objectContaining({ outcome: 'still-failing', reasonCode: 'ADDRESS_POSTCODE_MISSING' }),
    ]);

    // The data is fixed in commercetools.
    await setPostalCode(world, order.id, '50667');

    world.emulator.control.resetCallCounts();
    const dry = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ ids: [failure.id], dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, requested: 1, counts: { 'would-replay': 1 } });
    expect(createOrdersCalls(world)).toBe(0);
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);
    const afterDry = await request(admin.app)
      .get(`/service/failures/${failure.id}`)
      .set('Authorization', admin.bearer);
    expect(afterDry.body).toMatchObject({ status: 'pending', attempts: 1 });

    const replayed = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .set('x-correlation-id', 'corr-replay-request')
      .send({ flow: 'order-sync', reasonCode: 'ADDRESS_POSTCODE_MISSING' });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({
      dryRun: false,
      requested: 1,
      counts: { resolved: 1 },
      correlationId: 'corr-replay-request',
    });
    const [item] = replayed.body.items;
    expect(item).toMatchObject({
      id: failure.id,
      flow: 'order-sync',
      outcome: 'resolved',
      originalCorrelationId: 'corr-original-7001',
    });
    expect(item.correlationId).toEqual(expect.any(String));
    expect(item.correlationId).not.toBe('corr-original-7001');
    expect(item.correlationId).not.toBe('corr-replay-request');

    const created = linnworksOrdersFor(world, order.id);
    expect(created).toHaveLength(1);
    expect(created[0]!.GeneralInfo.ReferenceNum).toBe('CT-7001');
    expect(Math.round(created[0]!.TotalsInfo.TotalCharge * 100)).toBe(4900);
    expect(createOrdersCalls(world)).toBe(1);

    const resolved = await request(admin.app)
      .get(`/service/failures/${failure.id}`)
      .set('Authorization', admin.bearer);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      correlationId: 'corr-original-7001',
    });

    // Each log line of the replay carries the new correlation ID next to the original one.
    const replayLines = admin.logs.lines().filter((l) => l.correlationId === item.correlationId);
    expect(replayLines.length).toBeGreaterThan(0);
    for (const line of replayLines) expect(line.originalCorrelationId).toBe('corr-original-7001');

    // A second replay (and a redelivered event) creates nothing.
    const again = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ ids: [failure.id] });
    expect(again.body.items).toEqual([expect.objectContaining({ outcome: 'not-pending' })]);
    const everything = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ all: true });
    expect(everything.body).toMatchObject({ requested: 0, items: [] });
    await request(world.app).post('/event').send(orderMessage(order));
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    expect(createOrdersCalls(world)).toBe(1);
  });

  it('when an order rejected for an unsupported currency is replayed before and after the mapping is fixed, then it fails again (attempts + 1) and then is created once', async () => {
    const order = await importGbpOrder(world, 'CT-7002', 'LAMP-2');
    await request(world.app)
      .post('/event')
      .set('x-correlation-id', 'corr-original-7002')
      .send(orderMessage(order))
      .expect(202);
    const listed = await request(admin.app)
      .get('/service/failures')
      .query({ flow: 'order-sync', reasonCode: 'CURRENCY_UNSUPPORTED' })
      .set('Authorization', admin.bearer);
    expect(listed.body.items).toHaveLength(1);
    const id: string = listed.body.items[0].id;

    // Replayed before the configuration is fixed: recorded again, nothing created.
    const tooEarly = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ ids: [id] });
    const [early] = tooEarly.body.items;
    expect(early).toMatchObject({
      outcome: 'still-failing',
      reasonCode: 'CURRENCY_UNSUPPORTED',
      originalCorrelationId: 'corr-original-7002',
    });
    const recordedAgain = await request(admin.app)
      .get(`/service/failures/${id}`)
      .set('Authorization', admin.bearer);
    expect(recordedAgain.body).toMatchObject({
      status: 'pending',
      attempts: 2,
      correlationId: 'corr-original-7002',
      correlationIds: ['corr-original-7002', early.correlationId],
    });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);

    // The merchant adds GBP to ORDER_SUPPORTED_CURRENCIES; sync-admin restarts with it.
    const fixed = buildSyncAdmin(
      syncAdminEnv(world.ctConfig, world.emulator, {
        ...ORDER_ENV,
        ORDER_SUPPORTED_CURRENCIES: JSON.stringify(['EUR', 'GBP']),
      }),
      idp,
    );
    world.emulator.control.resetCallCounts();
    const replayed = await request(fixed.app)
      .post('/service/replay')
      .set('Authorization', fixed.bearer)
      .send({ flow: 'order-sync' });
    expect(replayed.body.items).toEqual([
      expect.objectContaining({
        id,
        outcome: 'resolved',
        originalCorrelationId: 'corr-original-7002',
      }),
    ]);
    const second = await request(fixed.app)
      .post('/service/replay')
      .set('Authorization', fixed.bearer)
      .send({ flow: 'order-sync' });
    expect(second.body).toMatchObject({ requested: 0 });
    const created = linnworksOrdersFor(world, order.id);
    expect(created).toHaveLength(1);
    expect(Math.round(created[0]!.TotalsInfo.TotalCharge * 100)).toBe(1800);
    expect(createOrdersCalls(world)).toBe(1);
  });

  it('when a delivery is too large to read, then its order is recorded and replay creates it in Linnworks once', async () => {
    const order = await importOrder(world, {
      orderNumber: 'CT-7009',
      lines: [{ sku: 'LAMP-2', quantity: 1, unitCents: 1990 }],
    });
    // order-sync as index.ts wires it, with a small body limit so the message is "too large".
    const app = createOrderSyncApp({
      logger: world.logs.logger,
      handleMessage: world.orderSync.handle,
      failures: world.orderSync.failures,
      bodyLimitBytes: 512,
    });
    const push = orderMessage(order);
    const padded = JSON.stringify({ ...push, padding: 'p'.repeat(4096) });
    const res = await request(app)
      .post('/event')
      .set('content-type', 'application/json')
      .send(padded);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ reason: 'BODY_TOO_LARGE', orderId: order.id });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);

    const replayed = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ flow: 'order-sync', reasonCode: 'BODY_TOO_LARGE' });
    expect(replayed.body).toMatchObject({ requested: 1, counts: { resolved: 1 } });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
  });
});
