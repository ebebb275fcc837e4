import { createCtApi, type JobRunReport, type LinnworksClient, type TaskOutcome } from 'shared';
import type { IntrospectionStandIn } from 'shared/testing';
import request from 'supertest';
import { scheduledTasks, schedulerRun } from 'sync-scheduler';

import { type OrderSyncWorld, startWorld } from '../order-sync/order-sync.harness';
import {
  buildSyncAdmin,
  ORDER_ENV,
  startIntrospection,
  type SyncAdminUnderTest,
  syncAdminEnv,
} from '../sync-admin/sync-admin-world';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Six SKUs, one entry each in the mapped channel: three pages of two. */
const SKUS = ['CYC-A', 'CYC-B', 'CYC-C', 'CYC-D', 'CYC-E', 'CYC-F'];

/**
 * The client the scheduler uses: the emulator's, with each level batch (one page of two SKUs)
 * taking a minute of the scheduler's clock, so a 2-minute budget has time for two pages.
 */
function slowLevels(linnworks: LinnworksClient, advance: () => void): LinnworksClient {
  return new Proxy(linnworks, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'getStockLevelBatch') {
        return async (args: { stockItemIds: string[] }) => {
          advance();

          return target.getStockLevelBatch(args);
        };
      }

      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('scheduled reconciliation across runs (sync-scheduler task, sync-admin, test server, emulator)', () => {
  let world: OrderSyncWorld;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;
  let offset = 0;
  let run: ReturnType<typeof schedulerRun>;
  const latest = (format?: 'csv') =>
    request(admin.app)
      .get('/service/reconcile/latest')
      .query(format ? { format } : {})
      .set('Authorization', admin.bearer);
  /** The SKUs the scheduler looked up in Linnworks since the last call. */
  let seenRequests = 0;
  const lookedUp = () => {
    const requests = world.emulator.control.requests();
    const skus = requests
      .slice(seenRequests)
      .filter((r) => r.endpoint === 'Inventory/GetStockItemIdsBySKU')
      .flatMap((r) => (r.params as { request: { SKUS: string[] } }).request.SKUS);
    seenRequests = requests.length;

    return skus;
  };
  const reconcileRun = async (): Promise<TaskOutcome> => {
    offset += DAY;
    const report: JobRunReport = await run({ dryRun: false });

    return (report.tasks as TaskOutcome[]).find((t) => t.name === 'reconcile')!;
  };

  beforeAll(async () => {
    world = await startWorld();
    world.emulator.control.seedItems(SKUS.map((sku) => ({ sku, stock: { Default: 7 } })));
    const channel = await world.api
      .channels()
      .post({ body: { key: 'wh-cycle', roles: ['InventorySupply'] } })
      .execute();
    for (const sku of SKUS) {
      const quantityOnStock = sku === 'CYC-F' ? 9 : 7;
      const supplyChannel = { typeId: 'channel' as const, id: channel.body.id };
      await world.api.inventory().post({ body: { sku, quantityOnStock, supplyChannel } }).execute();
    }
    idp = await startIntrospection(world.ctConfig);
    admin = buildSyncAdmin(
      syncAdminEnv(world.ctConfig, world.emulator, {
        ...ORDER_ENV,
        STOCK_LOCATION_MAPPING: JSON.stringify({
          locations: [{ location: 'Default', channel: 'wh-cycle', quantity: 'onHand' }],
        }),
      }),
      idp,
    );
    const at = () => new Date(Date.now() + offset);
    const clients = {
      ct: createCtApi(world.config.ct, { maxRetries: 0 }),
      linnworks: slowLevels(world.linnworks, () => (offset += MINUTE)),
      logger: world.logs.logger,
      now: at,
    };
    const tasks = scheduledTasks(clients, {
      orderSync: world.config.settings,
      backstop: { lagMinutes: 10, everyMinutes: 15, pageSize: 50 },
      reconcile: {
        ...admin.config.reconcile,
        stockSync: admin.config.stockSync,
        orderSync: world.config.settings,
        timeBudgetMs: 2 * MINUTE,
        pageSize: 2,
      },
    });
    run = schedulerRun(clients, tasks, { timeBudgetMs: 60 * MINUTE, dryRunByDefault: false });
    world.emulator.control.recordRequests(true);
  }, 30_000);
  afterAll(async () => {
    await idp.close();
    await world.close();
  });

  it('when one run has time for 2 of 3 pages, then the next run continues where it stopped, completes the cycle, and the one after starts over', async () => {
    const first = await reconcileRun();
    expect(first).toMatchObject({
      status: 'partial',
      counts: { skusChecked: 4, cycleSkusChecked: 4, cycleComplete: 0 },
    });
    const firstSkus = lookedUp();
    expect(firstSkus).toHaveLength(4);
    const partial = await latest();
    expect(partial.body).toMatchObject({
      status: 'partial',
      stock: {
        checkedSkus: 4,
        cycle: { runs: 1, skusCheckedThisCycle: 4, complete: false, resumed: false },
      },
    });

    const second = await reconcileRun();
    expect(second).toMatchObject({
      status: 'completed',
      counts: { skusChecked: 2, cycleSkusChecked: 6, cycleComplete: 1 },
    });
    const secondSkus = lookedUp();
    expect([...firstSkus, ...secondSkus].sort()).toEqual(SKUS);
    const complete = await latest();
    expect(complete.body).toMatchObject({
      status: 'completed',
      stock: {
        checkedSkus: 2,
        cycle: {
          runs: 2,
          skusCheckedThisCycle: 6,
          complete: true,
          resumed: true,
          drift: 1,
          counts: { 'quantity-differs': 1 },
          startedAt: partial.body.generatedAt,
        },
      },
    });
    // This run's findings: CYC-F's difference is in whichever slice compared it.
    const found = [...partial.body.stock.discrepancies, ...complete.body.stock.discrepancies];
    expect(found).toEqual([expect.objectContaining({ sku: 'CYC-F', difference: 2 })]);
    const csv = await latest('csv');
    expect(csv.status).toBe(200);
    expect(csv.text.includes('CYC-F')).toBe(complete.body.stock.discrepancies.length === 1);

    const third = await reconcileRun();
    expect(third).toMatchObject({ status: 'partial', counts: { cycleSkusChecked: 4 } });
    expect(lookedUp()).toEqual(firstSkus);
    expect((await latest()).body.stock).toMatchObject({
      cycle: { runs: 1, resumed: false, complete: false },
      previousCycle: { runs: 2, skusChecked: 6, drift: 1 },
    });
  }, 60_000);
});
