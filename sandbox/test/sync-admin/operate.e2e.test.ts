import type { Order } from '@commercetools/platform-sdk';
import type { IntrospectionStandIn } from 'shared/testing';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from '../order-sync/order-sync.harness';
import {
  buildSyncAdmin,
  ORDER_ENV,
  startIntrospection,
  type SyncAdminUnderTest,
  syncAdminEnv,
} from './sync-admin-world';

describe('operators act (sync-admin end to end: find, discard, force-sync)', () => {
  let world: OrderSyncWorld;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;
  const get = (path: string, query: Record<string, string> = {}) =>
    request(admin.app).get(`/service${path}`).query(query).set('Authorization', admin.bearer);
  const post = (path: string, body: object = {}) =>
    request(admin.app).post(`/service${path}`).set('Authorization', admin.bearer).send(body);
  const reject = async (orderNumber: string, correlationId: string): Promise<Order> => {
    const order = await importOrder(world, {
      orderNumber,
      lines: [{ sku: 'GHOST-9', quantity: 1, unitCents: 990 }],
    });
    const res = await request(world.app)
      .post('/event')
      .set('x-correlation-id', correlationId)
      .send(orderMessage(order));
    expect(res.body).toEqual({ outcome: 'rejected' });

    return order;
  };
  const failureQueueCheck = async () =>
    ((await get('/status')).body.checks as Array<{ name: string; status: string }>).find(
      (c) => c.name === 'failure queue',
    );

  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['LAMP-1']);
    await seedSkus(world, ['GHOST-9'], []);
    idp = await startIntrospection(world.ctConfig);
    admin = buildSyncAdmin(syncAdminEnv(world.ctConfig, world.emulator, ORDER_ENV), idp);
  });
  afterAll(async () => {
    await idp.close();
    await world.close();
  });

  it('when an operator looks for a failure by order number, order id, correlation ID or SKU, then each finds exactly it; the order is found by its number', async () => {
    const order = await reject('FIND-1', 'corr-find-1');
    await reject('FIND-2', 'corr-find-2');
    const queries: Array<Record<string, string>> = [
      { orderNumber: 'FIND-1' },
      { ctOrderId: order.id },
      { correlationId: 'corr-find-1' },
      { sku: 'GHOST-9', orderNumber: 'FIND-1' },
    ];
    for (const query of queries) {
      const res = await get('/failures', query);
      expect(res.status).toBe(200);
      expect(res.body.items.map((f: { ctOrderId: string }) => f.ctOrderId)).toEqual([order.id]);
    }
    expect((await get('/failures', { sku: 'GHOST-9' })).body.total).toBeGreaterThanOrEqual(2);
    expect((await get('/failures', { orderNumber: 'NOPE-1' })).body.total).toBe(0);
    const found = await get('/orders/FIND-1');
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      ctOrderId: order.id,
      orderNumber: 'FIND-1',
      sync: { status: 'rejected' },
      failures: [expect.objectContaining({ reasonCode: 'SKU_UNKNOWN', status: 'pending' })],
    });
    expect((await get('/orders/NOPE-1')).status).toBe(404);
  });

  it('when every pending failure is discarded (one by id, the rest by flow and reason), then status no longer reports them and each is kept with who and why', async () => {
    await reject('DISC-1', 'corr-disc-1');
    await reject('DISC-2', 'corr-disc-2');
    await reject('DISC-3', 'corr-disc-3');
    const pending = (await get('/failures', { status: 'pending', reasonCode: 'SKU_UNKNOWN' })).body
      .total as number;
    expect(await failureQueueCheck()).toMatchObject({ status: 'DOWN' });
    const [one] = (await get('/failures', { orderNumber: 'DISC-1' })).body.items;
    const single = await post(`/failures/${one.id}/discard`, { reason: 'order settled by hand' });
    expect(single.body).toMatchObject({
      status: 'discarded',
      resolvedBy: 'client:operator-client',
    });
    const dry = await post('/failures/discard', {
      flow: 'order-sync',
      reasonCode: 'SKU_UNKNOWN',
      reason: 'SKU retired; orders refunded',
      dryRun: true,
    });
    expect(dry.body).toMatchObject({ dryRun: true, wouldDiscard: pending - 1, stillPending: 0 });
    expect(dry.body.ids).toHaveLength(pending - 1);
    expect((await get('/failures', { status: 'pending' })).body.total).toBe(pending - 1);
    const bulk = await post('/failures/discard', {
      flow: 'order-sync',
      reasonCode: 'SKU_UNKNOWN',
      reason: 'SKU retired; orders refunded',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ discarded: pending - 1, stillPending: 0 });
    expect(await failureQueueCheck()).toMatchObject({ status: 'UP' });
    const kept = (await get('/failures', { status: 'discarded' })).body.items;
    expect(kept).toHaveLength(pending);
    for (const record of kept) expect(record.resolvedBy).toBe('client:operator-client');
    const missing = await post('/failures/discard', { flow: 'order-sync', reasonCode: 'X' });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('reason');
  });

  it('when an order never delivered is force-synced by number, then a dry run writes nothing and the real runs (concurrent with its message) create exactly one Linnworks order', async () => {
    const order = await importOrder(world, {
      orderNumber: 'FORCE-1',
      lines: [{ sku: 'LAMP-1', quantity: 2, unitCents: 1250 }],
    });
    const dry = await post('/orders/FORCE-1/sync?dryRun=true');
    expect(dry.body).toMatchObject({ ctOrderId: order.id, dryRun: true, action: 'would-create' });
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);
    const runs = await Promise.all([
      post('/orders/FORCE-1/sync'),
      post(`/orders/by-id/${order.id}/sync`),
      request(world.app).post('/event').send(orderMessage(order)),
    ]);
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    const again = await post('/orders/FORCE-1/sync');
    expect(again.body).toMatchObject({ outcome: 'skipped', action: 'already-synced' });
    expect(again.body.linnworksOrderId).toBe(linnworksOrdersFor(world, order.id)[0]!.OrderId);
    expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    expect((await post('/orders/NOPE-2/sync')).status).toBe(404);
  });
});
