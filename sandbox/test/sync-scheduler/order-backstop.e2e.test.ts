import request from 'supertest';
import { createCtApi, type JobRunReport, type TaskOutcome } from 'shared';
import { scheduledTasks, schedulerRun } from 'sync-scheduler';

import { buildSyncAdmin, startIntrospection, syncAdminEnv } from '../sync-admin/sync-admin-world';

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
    // sync-admin's /service/status shows the warning.
    const idp = await startIntrospection(world.ctConfig);
    try {
      const admin = buildSyncAdmin(syncAdminEnv(world.ctConfig, world.emulator), idp);
      const status = await request(admin.app)
        .get('/service/status')
        .set('Authorization', admin.bearer);
      const check = (status.body.checks as Array<{ name: string }>).find(
        (c) => c.name === 'last run: sync-scheduler',
      );
      expect(check).toMatchObject({
        status: 'DOWN',
        message: expect.stringContaining('found 5 order(s) missing from Linnworks'),
        details: { counts: { 'order-backstop.missing': 5 } },
      });
      expect(status.body.status).not.toBe('ok');
    } finally {
      await idp.close();
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

describe('order backstop start date (ORDER_BACKSTOP_SINCE)', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['BULB-2']);
  }, 30_000);
  afterAll(() => world.close());

  it('when orders were placed long before the first sweep, then only a start date imports them, and only the open ones', async () => {
    const line = { sku: 'BULB-2', quantity: 2, unitCents: 900 };
    const open = await importOrder(world, { lines: [line] });
    const done = await importOrder(world, { lines: [line] });
    await world.api
      .orders()
      .withId({ ID: done.id })
      .post({
        body: {
          version: done.version,
          actions: [{ action: 'changeOrderState', orderState: 'Complete' }],
        },
      })
      .execute();
    // Three hours later: older than the first sweep's own look-back.
    const later = () => new Date(Date.now() + 3 * 60 * MINUTE);
    const without = await scheduler(world, later)({ dryRun: false });
    expect(backstopOf(without).counts).toMatchObject({ scanned: 0, missing: 0 });
    expect(linnworksOrdersFor(world, open.id)).toHaveLength(0);

    const since = new Date(Date.now() - 24 * 60 * MINUTE).toISOString();
    const run = scheduler(world, () => new Date(later().getTime() + 20 * MINUTE), { since });
    const report = await run({ dryRun: false });
    expect(backstopOf(report).counts).toMatchObject({ missing: 1, exported: 1, closed: 1 });
    expect(linnworksOrdersFor(world, open.id)).toHaveLength(1);
    expect(linnworksOrdersFor(world, done.id)).toHaveLength(0);
  }, 60_000);
});
