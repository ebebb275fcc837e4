import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from './order-sync.harness';
import { type AppInstance, appProcessEnv, deliverEvent, startAppInstance } from './app-instance';

type Instance = AppInstance;
const startInstance = (env: Record<string, string>) => startAppInstance('order-sync', env);

const deliver = deliverEvent;

describe('order-sync exactly once across processes', () => {
  let world: OrderSyncWorld;
  let instances: Instance[] = [];
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['LAMP-1', 'LAMP-2']);
    // Three instances started at once: a fixed third of the share each (the heartbeat's own
    // test is order-sync.instances.test.ts; here a joiner would wait out a minute).
    const env = appProcessEnv(world, { LINNWORKS_RATE_INSTANCES: '3' });
    instances = await Promise.all([startInstance(env), startInstance(env), startInstance(env)]);
  }, 60_000);
  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await world.close();
  });

  it('when the same message is delivered 10 times concurrently to each of 3 processes, then exactly one Linnworks order exists', async () => {
    for (const [n, paymentState] of [
      [1, 'Paid'],
      [2, 'BalanceDue'],
    ] as const) {
      const order = await importOrder(world, {
        orderNumber: `CT-MP-${n}`,
        paymentState,
        lines: [
          { sku: 'LAMP-1', quantity: 2, unitCents: 4999 },
          { sku: 'LAMP-2', quantity: 1, unitCents: 1999 },
        ],
      });
      const message = orderMessage(order, 'OrderCreated', `pubsub-mp-${n}`);
      const statuses = await Promise.all(
        instances.flatMap((instance) =>
          Array.from({ length: 10 }, () => deliver(instance.url, message)),
        ),
      );
      // Every delivery is answered: created or found (2xx), or told to retry (503).
      expect(statuses.every((s) => s < 300 || s === 503)).toBe(true);
      // Redeliver until every instance acknowledges (Pub/Sub would redeliver the 503s).
      for (const instance of instances) {
        expect(await deliver(instance.url, message)).toBeLessThan(300);
      }
      const lw = linnworksOrdersFor(world, order.id);
      expect(lw).toHaveLength(1);
      const state = await world.states.get(order.id);
      expect(state?.value).toMatchObject({ status: 'created', linnworksOrderId: lw[0]!.OrderId });
      const after = await world.api.orders().withId({ ID: order.id }).get().execute();
      expect(new Set(after.body.syncInfo.map((s) => s.externalId))).toEqual(
        new Set([lw[0]!.OrderId]),
      );
    }
  }, 60_000);
});
