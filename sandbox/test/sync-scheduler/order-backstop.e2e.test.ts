import request from 'supertest';
import { createCtApi, type JobRunReport, type TaskOutcome } from 'shared';
import { scheduledTasks, schedulerRun } from 'sync-scheduler';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from '../order-sync/order-sync.harness';

const MINUTE = 60_000;

/** The scheduler as its app wires it, over the world's systems, at a given time. */
function scheduler(
  world: OrderSyncWorld,
  at: () => Date,
  backstopSettings: { lagMinutes?: number; since?: string } = {},
) {
  const clients = {
    ct: createCtApi(world.config.ct, { maxRetries: 0 }),
    linnworks: world.linnworks,
    logger: world.logs.logger,
    now: at,
  };
  const backstop = { lagMinutes: 10, everyMinutes: 15, pageSize: 2, ...backstopSettings };
  const tasks = scheduledTasks(clients, { orderSync: world.config.settings, backstop });

  return schedulerRun(clients, tasks, { timeBudgetMs: 60_000, dryRunByDefault: false });
}

function backstopOf(report: JobRunReport): TaskOutcome {
  return (report.tasks as TaskOutcome[]).find((t) => t.name === 'order-backstop')!;
}

describe('order backstop sweep (sync-scheduler)', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['BULB-1']);
  }, 30_000);
  afterAll(() => world.close());

  it('when order messages never arrived, then the next sweep exports each order exactly once, reports them missing and the following sweeps do not send them again', async () => {
    const line = { sku: 'BULB-1', quantity: 1, unitCents: 1500 };
    const lost = [];
    for (let i = 0; i < 5; i++) lost.push(await importOrder(world, { lines: [line] }));
    const viaEvent = await importOrder(world, { lines: [line] });
    const res = await request(world.app).post('/event').send(orderMessage(viaEvent));
    expect(res.status).toBe(200);

    // Lag 0 and the real clock: what the sweep itself writes lands after its window, as in production.
    let offset = 0;
    const run = scheduler(world, () => new Date(Date.now() + offset), { lagMinutes: 0 });
    const first = await run({ dryRun: false });
    expect(first.status).toBe('completed');
    expect(backstopOf(first).counts).toMatchObject({
      scanned: 6,
      missing: 5,
      exported: 5,
      alreadySynced: 1,
    });
    expect(first.warnings).toEqual([expect.stringContaining('found 5 order(s) missing')]);
    expect(
      world.logs
        .lines()
        .some((e) => e.level === 'warn' && /missing from Linnworks/.test(String(e.message))),
    ).toBe(true);
    for (const order of [...lost, viaEvent]) {
      expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
      expect((await world.states.get(order.id))?.value.status).toBe('created');
    }

    // Not due again within its interval; once due, it finds nothing missing.
    offset = 5 * MINUTE;
    expect(backstopOf(await run({ dryRun: false })).status).toBe('not-due');
    offset = 20 * MINUTE;
    const later = await run({ dryRun: false });
    expect(backstopOf(later).counts).toMatchObject({ missing: 0 });
    expect(later.warnings).toBeUndefined();
    for (const order of lost) expect(linnworksOrdersFor(world, order.id)).toHaveLength(1);
  }, 60_000);
});
