// Two instances of order-sync, as Connect runs them when it scales the event app, with the
// default shares, `LINNWORKS_RATE_INSTANCES=auto` and the emulator's per-minute limits on: the
// instances split order-sync's share through their heartbeats, so together they stay under the
// tenant's limit (no 429), and the one that joins second makes no call until the first one's
// calls at the whole share have left the window.
import { JOIN_WAIT_MS } from 'shared';

import { type AppInstance, appProcessEnv, deliverEvent, startAppInstance } from './app-instance';
import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from './order-sync.harness';

const ORDERS = 200;

const deliver = deliverEvent;

function logLines(instance: AppInstance): string[] {
  const lines: string[] = [];
  instance.child.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));

  return lines;
}

describe('order-sync instances splitting the Linnworks share', () => {
  let world: OrderSyncWorld;
  const instances: AppInstance[] = [];
  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await world.close();
  });

  it('when a second instance joins under load, then it waits out the first one minute of calls and together they never reach the tenant limit', async () => {
    world = await startWorld();
    await seedSkus(world, ['LAMP-1']);
    const messages: Array<{ id: string; body: unknown }> = [];
    for (let n = 0; n < ORDERS; n++) {
      const order = await importOrder(world, {
        orderNumber: `CT-IN-${n}`,
        paymentState: 'Paid',
        lines: [{ sku: 'LAMP-1', quantity: 1, unitCents: 999 }],
      });
      messages.push({ id: order.id, body: orderMessage(order, 'OrderCreated', `pubsub-in-${n}`) });
    }
    world.emulator.control.setOptions({ rateLimits: true });
    // One order per CreateOrders call: the share is reached within seconds.
    const env = appProcessEnv(world, { ORDER_BATCH_MAX_SIZE: '1' });
    const first = await startAppInstance('order-sync', env);
    instances.push(first);
    const firstLog = logLines(first);
    const secondStarted = Date.now();
    const second = await startAppInstance('order-sync', env);
    instances.push(second);
    const secondLog = logLines(second);

    const secondAcks: number[] = [];
    let next = 0;
    const worker = async (k: number) => {
      for (let i = next++; i < messages.length; i = next++) {
        const { body } = messages[i]!;
        for (let attempt = k; ; attempt++) {
          const target = attempt % 2 === 0 ? first : second;
          const status = await deliver(target.url, body);
          if (status < 300) {
            if (target === second) secondAcks.push(Date.now());
            break;
          }
          expect(status).toBe(503);
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, k) => worker(k)));

    expect(world.emulator.control.rateLimited()).toEqual({});
    for (const { id } of messages) expect(linnworksOrdersFor(world, id)).toHaveLength(1);
    const joined = secondLog.find((l) => l.includes('joined the instances of this app'));
    expect(JSON.parse(joined!)).toMatchObject({ instances: 2 });
    expect(JSON.parse(joined!).firstCallInMs).toBeGreaterThan(JOIN_WAIT_MS - 5_000);
    expect(firstLog.some((l) => l.includes('"instances":2'))).toBe(true);
    // The second instance created nothing before its wait was over (all in its 2xx answers).
    expect(secondAcks.length).toBeGreaterThan(0);
    expect(Math.min(...secondAcks) - secondStarted).toBeGreaterThan(JOIN_WAIT_MS - 5_000);
  }, 240_000);
});
