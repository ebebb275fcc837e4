import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from '../order-sync/order-sync.harness';
import { type AppInstance, appProcessEnv, startAppInstance } from '../order-sync/app-instance';

type Instance = AppInstance;
const startInstance = startAppInstance;

async function post(url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  return { status: res.status, body: await res.json().catch(() => undefined) };
}

describe('order backstop and event path at once, across processes', () => {
  let world: OrderSyncWorld;
  const instances: Instance[] = [];
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['FAN-1']);
    const env = appProcessEnv(world, {
      // No lag: the sweep looks at the orders while their messages are being delivered.
      ORDER_BACKSTOP_LAG_MINUTES: '0',
      ORDER_BACKSTOP_EVERY_MINUTES: '1',
      // Two order-sync instances started at once: a fixed half of the share each.
      LINNWORKS_RATE_INSTANCES: '2',
    });
    instances.push(
      ...(await Promise.all([
        startInstance('order-sync', env),
        startInstance('order-sync', env),
        startInstance('sync-scheduler', env),
        startInstance('sync-scheduler', env),
      ])),
    );
  }, 90_000);
  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await world.close();
  });

  it('when messages arrive while the sweep runs, then every order exists exactly once in Linnworks with one sync info', async () => {
    const orders = [];
    for (let i = 0; i < 8; i++) {
      const paymentState = i % 2 ? 'BalanceDue' : 'Paid';
      orders.push(
        await importOrder(world, {
          paymentState,
          lines: [{ sku: 'FAN-1', quantity: 1, unitCents: 2500 }],
        }),
      );
    }
    const [eventA, eventB, schedulerA, schedulerB] = instances as [
      Instance,
      Instance,
      Instance,
      Instance,
    ];
    const deliveries = orders.flatMap((order) => {
      const message = orderMessage(order);

      return [eventA, eventB].flatMap((e) => [post(`${e.url}/event`, message)]);
    });
    const sweeps = [post(`${schedulerA.url}/job`), post(`${schedulerB.url}/job`)];
    const [sweepResults, eventResults] = await Promise.all([
      Promise.all(sweeps),
      Promise.all(deliveries),
    ]);
    expect(eventResults.every((r) => r.status < 300 || r.status === 503)).toBe(true);
    expect(sweepResults.map((r) => r.status)).toEqual([200, 200]);
    // One scheduler swept every order (the other found the lease held or nothing due).
    const swept = sweepResults
      .map((r) => r.body as { counts: Record<string, number> })
      .find((b) => b.counts['order-backstop.scanned'] !== undefined);
    expect(swept?.counts['order-backstop.scanned']).toBeGreaterThanOrEqual(orders.length);
    // Redeliver what was told to retry (Pub/Sub would), then sweep once more.
    for (const order of orders) {
      expect((await post(`${eventA.url}/event`, orderMessage(order))).status).toBeLessThan(300);
    }
    for (const order of orders) {
      const lw = linnworksOrdersFor(world, order.id);
      expect(lw).toHaveLength(1);
      expect((await world.states.get(order.id))?.value).toMatchObject({
        status: 'created',
        linnworksOrderId: lw[0]!.OrderId,
      });
      const after = await world.api.orders().withId({ ID: order.id }).get().execute();
      expect(new Set(after.body.syncInfo.map((s) => s.externalId))).toEqual(
        new Set([lw[0]!.OrderId]),
      );
    }
  }, 90_000);
});
