import { createApp, orderSyncClientOptions } from 'order-sync';
import { createCtApi, createOrderSync, LinnworksClient, SlidingWindowRateBudget } from 'shared';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from './order-sync.harness';

/** Issue #19: concurrent deliveries share CreateOrders calls; each is answered for its own order. */
describe('order-sync batches concurrent new orders into CreateOrders calls', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    // The longest window: the deliveries reach the batch over a few hundred ms on a loaded machine.
    world = await startWorld({ batch: { windowMs: 1_000, maxSize: 20 } });
    await seedSkus(world, ['CUP-1', 'CUP-2'], ['CUP-1']);
  });
  afterAll(async () => {
    await world.close();
  });

  const newOrders = (prefix: string, n: number, sku = 'CUP-1') =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        importOrder(world, {
          orderNumber: `${prefix}-${i}`,
          lines: [{ sku, quantity: 1 + (i % 2), unitCents: 1500 + i }],
        }),
      ),
    );

  it('when 25 new orders are delivered at once, then a few CreateOrders calls create them all, one read-back each and no lookup', async () => {
    const orders = await newOrders('BATCH', 25);
    world.emulator.control.resetCallCounts();

    const answers = await Promise.all(
      orders.map((o) => request(world.app).post('/event').send(orderMessage(o))),
    );

    expect(answers.map((a) => a.status)).toEqual(orders.map(() => 200));
    for (const o of orders) expect(linnworksOrdersFor(world, o.id)).toHaveLength(1);
    const calls = world.emulator.control.callCounts();
    // 2 when all 25 reach the batch within the window (20 + 5); never one call per order.
    expect(calls['Orders/CreateOrders']).toBeGreaterThanOrEqual(2);
    expect(calls['Orders/CreateOrders']).toBeLessThanOrEqual(4);
    expect(calls['Orders/GetOrdersById']).toBe(calls['Orders/CreateOrders']);
    expect(calls['Orders/GetOrderDetailsByReferenceId']).toBeUndefined();
    const state = await world.states.get(orders[7]!.id);
    expect(state?.value).toMatchObject({
      status: 'created',
      linnworksOrderId: linnworksOrdersFor(world, orders[7]!.id)[0]!.OrderId,
    });
  });

  it('when one order of the batch cannot be created, then it alone is rejected and its batch-mates are created', async () => {
    const good = await newOrders('MIX', 4);
    // CUP-2 is unknown to Linnworks: refused before batching (validation happens first).
    const [bad] = await newOrders('MIXBAD', 1, 'CUP-2');

    const answers = await Promise.all(
      [...good, bad!].map((o) => request(world.app).post('/event').send(orderMessage(o))),
    );

    expect(answers.map((a) => a.body.outcome)).toEqual([
      'processed',
      'processed',
      'processed',
      'processed',
      'rejected',
    ]);
    expect(linnworksOrdersFor(world, bad!.id)).toHaveLength(0);
  });

  it("when the app's CreateOrders budget is spent, then deliveries answer 503 early instead of waiting past the deadline", async () => {
    // The event app with a CreateOrders share of 1 call a minute, already used.
    const budget = new SlidingWindowRateBudget({ limits: { 'Orders/CreateOrders': 1 } });
    await budget.acquire('Orders/CreateOrders');
    const linnworks = new LinnworksClient({
      config: world.config.linnworks,
      logger: world.logs.logger,
      ...orderSyncClientOptions.linnworks,
      rateBudget: budget,
    });
    const clients = {
      ct: createCtApi(world.config.ct, orderSyncClientOptions.ct),
      linnworks,
      logger: world.logs.logger,
    };
    const orderSync = createOrderSync(clients, world.config.settings);
    const app = createApp({ logger: world.logs.logger, handleMessage: orderSync.handle });
    const [order] = await newOrders('SPENT', 1);
    const started = Date.now();

    const answer = await request(app).post('/event').send(orderMessage(order!));

    expect(answer.status).toBe(503);
    expect(answer.body.reason).toBe('RATE_BUDGET_SPENT');
    // Held in the batch for up to 4 s in case budget frees up, then 503: well before the 8 s deadline.
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(linnworksOrdersFor(world, order!.id)).toHaveLength(0);
    // Redelivered to an instance with budget: created once.
    await request(world.app).post('/event').send(orderMessage(order!)).expect(200);
    expect(linnworksOrdersFor(world, order!.id)).toHaveLength(1);
  });
});
