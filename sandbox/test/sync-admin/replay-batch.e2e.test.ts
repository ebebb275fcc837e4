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

const ORDERS = 60;

interface Item {
  id: string;
  outcome: string;
  reasonCode?: string;
  correlationId?: string;
  originalCorrelationId?: string;
}

/** An order of one line whose SKU Linnworks lacks: order-sync rejects it into the failure queue. */
async function rejectedOrder(world: OrderSyncWorld, n: number, sku: string): Promise<Order> {
  const order = await importOrder(world, {
    orderNumber: `CT-8${String(n).padStart(3, '0')}`,
    lines: [{ sku, quantity: 1, unitCents: 1990 }],
  });
  const res = await request(world.app)
    .post('/event')
    .set('x-correlation-id', `corr-original-${order.id}`)
    .send(orderMessage(order));
  expect(res.body).toEqual({ outcome: 'rejected' });

  return order;
}

/** The failure id of each order's SKU_UNKNOWN failure, as an operator lists them. */
async function failureIds(admin: SyncAdminUnderTest): Promise<Map<string, string>> {
  const listed = await request(admin.app)
    .get('/service/failures')
    .query({ flow: 'order-sync', reasonCode: 'SKU_UNKNOWN', status: 'pending', limit: 500 })
    .set('Authorization', admin.bearer);
  expect(listed.status).toBe(200);

  return new Map(
    (listed.body.items as Array<{ id: string; ref: { id: string } }>).map((f) => [f.ref.id, f.id]),
  );
}

describe('sync-admin replays many failed orders at batch speed (Linnworks rate limits on)', () => {
  let world: OrderSyncWorld;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;

  beforeAll(async () => {
    world = await startWorld({ supportedCurrencies: ['EUR'] });
    // In commercetools; Linnworks has neither yet.
    await seedSkus(world, ['BULB-60', 'GHOST-9'], []);
    idp = await startIntrospection(world.ctConfig);
    // sync-admin as deployed: its own rate shares, batching on (200 ms window, 20 a call).
    admin = buildSyncAdmin(syncAdminEnv(world.ctConfig, world.emulator, ORDER_ENV), idp);
  });
  afterAll(async () => {
    await idp.close();
    await world.close();
  });

  it('when 60 orders rejected for a missing SKU are replayed in one request after the SKU is created, then each is created once in few CreateOrders calls, without a 429, and a still-bad order fails alone', async () => {
    const good: Order[] = [];
    for (let n = 0; n < ORDERS; n++) good.push(await rejectedOrder(world, n, 'BULB-60'));
    const bad = await rejectedOrder(world, ORDERS, 'GHOST-9');
    const ids = await failureIds(admin);
    expect(ids.size).toBe(ORDERS + 1);

    // The fix: the item is created in Linnworks. GHOST-9 stays missing.
    world.emulator.control.seedItems([{ sku: 'BULB-60', title: 'Bulb', stock: { Default: 500 } }]);
    world.emulator.control.setOptions({ rateLimits: true });
    world.emulator.control.resetCallCounts();

    // The bad order in the middle, an unknown id at the end: answers follow the request.
    const requested = good.map((o) => ids.get(o.id)!);
    requested.splice(ORDERS / 2, 0, ids.get(bad.id)!);
    requested.push('order-sync.order.no-such-failure');
    const res = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .set('x-correlation-id', 'corr-bulk-replay')
      .send({ ids: requested });
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    expect(items.map((i) => i.id)).toEqual(requested);
    expect(res.body.counts).toEqual({ resolved: ORDERS, 'still-failing': 1, 'not-found': 1 });
    expect(items.map((i) => i.outcome)).toEqual([
      ...Array(ORDERS / 2).fill('resolved'),
      'still-failing',
      ...Array(ORDERS / 2).fill('resolved'),
      'not-found',
    ]);
    expect(items[ORDERS / 2]).toMatchObject({
      reasonCode: 'SKU_UNKNOWN',
      originalCorrelationId: `corr-original-${bad.id}`,
    });

    // Exactly one Linnworks order per good order, none for the bad one.
    for (const order of good) expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    expect(linnworksOrdersFor(world, bad.id)).toHaveLength(0);
    expect(world.emulator.control.listOrders()).toHaveLength(ORDERS);

    // Batched: one order a call (the sequential replay) would be 60 calls, and past sync-admin's
    // 19 a minute. At most 15 calls means at least four orders a call on average.
    const calls = world.emulator.control.callCounts();
    expect(calls['Orders/CreateOrders']).toBeLessThanOrEqual(ORDERS / 4);
    expect(calls['Orders/GetOrdersById']).toBe(calls['Orders/CreateOrders']);
    expect(world.emulator.control.rateLimited()).toEqual({});

    // Each failure closed or recorded again on its own.
    const after = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ flow: 'order-sync' });
    expect(after.body).toMatchObject({ requested: 1, counts: { 'still-failing': 1 } });
    const badFailure = await request(admin.app)
      .get(`/service/failures/${ids.get(bad.id)}`)
      .set('Authorization', admin.bearer);
    expect(badFailure.body).toMatchObject({ status: 'pending', attempts: 3 });

    // Per item: its own correlation ID, on every log line of it next to the original one.
    const replayed = items.slice(0, -1);
    expect(new Set(replayed.map((i) => i.correlationId)).size).toBe(ORDERS + 1);
    const lines = admin.logs.lines();
    for (const item of replayed) {
      const own = lines.filter((l) => l.correlationId === item.correlationId);
      expect(own.length).toBeGreaterThan(0);
      for (const line of own) {
        expect(line).toMatchObject({
          originalCorrelationId: item.originalCorrelationId,
          replayRequestId: 'corr-bulk-replay',
        });
      }
    }
  }, 300_000);
});
