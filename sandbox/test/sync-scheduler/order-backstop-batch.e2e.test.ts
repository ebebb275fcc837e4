import { createConnectorClients, type JobRunReport, type TaskOutcome } from 'shared';
import { captureLogger } from 'shared/testing';
import { loadConfig, scheduledTasks, schedulerRun } from 'sync-scheduler';

import {
  importOrder,
  linnworksOrdersFor,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from '../order-sync/order-sync.harness';
import { ORDER_ENV, syncAdminEnv } from '../sync-admin/sync-admin-world';

const LOST = 30;

function backstopOf(report: JobRunReport): TaskOutcome {
  return (report.tasks as TaskOutcome[]).find((t) => t.name === 'order-backstop')!;
}

/**
 * sync-scheduler as its index.ts builds it: its own Linnworks rate shares (3 CreateOrders calls
 * a minute by default) and order-sync's batching (200 ms window, 20 a call); lag 0.
 */
function scheduler(world: OrderSyncWorld, timeBudgetMs: number, now?: () => Date) {
  const config = loadConfig(
    syncAdminEnv(world.ctConfig, world.emulator, { ...ORDER_ENV, ORDER_BACKSTOP_LAG_MINUTES: '0' }),
  );
  const logs = captureLogger();
  const clients = {
    ...createConnectorClients(config, logs.logger, { app: 'sync-scheduler' }),
    ...(now ? { now } : {}),
  };

  return schedulerRun(clients, scheduledTasks(clients, config), {
    timeBudgetMs,
    dryRunByDefault: false,
  });
}

async function loseOrders(world: OrderSyncWorld, n: number, sku: string) {
  const lost = [];
  for (let i = 0; i < n; i++) {
    lost.push(await importOrder(world, { lines: [{ sku, quantity: 1, unitCents: 990 }] }));
  }

  return lost;
}

describe('order backstop after an outage of the event path (Linnworks rate limits on)', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['BULB-3']);
  }, 30_000);
  afterAll(() => world.close());

  it('when 30 order messages were lost, then one sweep exports each order once in few CreateOrders calls, within the scheduler’s own share and without a 429', async () => {
    const lost = await loseOrders(world, LOST, 'BULB-3');
    world.emulator.control.setOptions({ rateLimits: true });
    world.emulator.control.resetCallCounts();

    const report = await scheduler(world, 60_000)({ dryRun: false });

    expect(backstopOf(report)).toMatchObject({
      status: 'completed',
      counts: { missing: LOST, exported: LOST, failed: 0 },
    });
    for (const order of lost) expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    expect(world.emulator.control.listOrders()).toHaveLength(LOST);
    // One order a call (the one-at-a-time sweep) would be 30 calls, ten times the share.
    const calls = world.emulator.control.callCounts();
    expect(calls['Orders/CreateOrders']).toBeLessThanOrEqual(LOST / 4);
    expect(world.emulator.control.rateLimited()).toEqual({});
  }, 120_000);
});

describe('order backstop stopped by its time budget mid-page', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['BULB-4']);
  }, 30_000);
  afterAll(() => world.close());

  it('when time is up while orders are in flight, then those end, no further order starts, and the next sweep starts at the first one not looked at', async () => {
    const lost = await loseOrders(world, LOST, 'BULB-4');
    world.emulator.control.setOptions({ rateLimits: true });
    // The first batch takes 2 s: the 1.5 s budget is used up before the next orders' turn.
    world.emulator.control.injectFault({
      kind: 'latency',
      endpoint: 'Orders/CreateOrders',
      latencyMs: 2_000,
      times: 1,
    });
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const first = await scheduler(world, 1_500, now)({ dryRun: false });
    const stopped = backstopOf(first);
    expect(stopped.status).toBe('partial');
    const exported = Number(stopped.counts?.['exported']);
    expect(exported).toBeGreaterThan(0);
    expect(exported).toBeLessThan(LOST);
    expect(world.emulator.control.listOrders()).toHaveLength(exported);

    offset = 20 * 60_000;
    const next = await scheduler(world, 60_000, now)({ dryRun: false });
    expect(backstopOf(next)).toMatchObject({
      status: 'completed',
      counts: { missing: LOST - exported, failed: 0 },
    });
    for (const order of lost) expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
    expect(world.emulator.control.listOrders()).toHaveLength(LOST);
  }, 120_000);
});
