import { orderSyncReconciler } from '../../../src/flows/order-sync/order-sync.reconciler';
import { ReconcileReportRepo } from '../../../src/flows/reconcile/reconcile-report.repo';
import { runScheduledReconcile } from '../../../src/flows/reconcile/reconcile.task';
import { AGGREGATE_SLOT, type DesiredSlots } from '../../../src/flows/stock-sync/stock-sync.flow';
import { parseEnv } from '../../../src/config/env';
import {
  type Alert,
  alertEnvShape,
  createConnectorAlerts,
  toAlertSettings,
} from '../../../src/index';
import type { LinnworksApi } from '../../../src/linnworks/linnworks-api.port';
import {
  captureLogger,
  ctTestApi,
  importOrder,
  InMemoryStateStore,
  seedCatalogue,
} from '../../../testing';

/** The default alert settings (one alert per condition an hour). */
const ALERTS = toAlertSettings({ ...parseEnv(alertEnvShape, {}), CTP_PROJECT_KEY: 'shop-prod' });
const SKUS = Array.from({ length: 10 }, (_, i) => `CYC-${String(i).padStart(2, '0')}`);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Each SKU one aggregate entry of 5 units; Linnworks holds 5 unless a test changes it. `orders`
 * orders in the lookback window, none in Linnworks, each lookup a minute of the fake clock.
 */
async function world(options: { budgetMinutes: number; orders?: number } = { budgetMinutes: 2 }) {
  const ct = ctTestApi();
  if (options.orders) {
    const { shippingMethodId } = await seedCatalogue(ct, ['ORD-A']);
    for (let i = 0; i < options.orders; i++) {
      await importOrder(ct, shippingMethodId, `CYC-ORDER-${i}`, [{ sku: 'ORD-A', quantity: 1 }]);
    }
  }
  for (const sku of SKUS) {
    await ct
      .inventory()
      .post({ body: { sku, quantityOnStock: 5 } })
      .execute();
  }
  const byId = await ct
    .inventory()
    .get({ queryArgs: { sort: ['id asc'], limit: 20 } })
    .execute();
  let now = new Date(Date.now() + MINUTE);
  const levels: Record<string, number> = Object.fromEntries(SKUS.map((sku) => [sku, 5]));
  /** The SKUs each run compared, in order. */
  const compared: string[][] = [];
  // Each level batch (one page of 2 SKUs) takes a minute of the fake clock.
  const linnworks = {
    async getStockItemIdsBySku({ skus }: { skus: string[] }) {
      compared.at(-1)!.push(...skus);

      return skus.map((sku) => ({ SKU: sku, StockItemId: `item-${sku}` }));
    },
    async getStockLevelBatch({ stockItemIds }: { stockItemIds: string[] }) {
      now = new Date(now.getTime() + MINUTE);

      return stockItemIds.map((id) => ({
        pkStockItemId: id,
        StockItemLevels: [{ StockLevel: levels[id.replace('item-', '')] }],
      }));
    },
    async getOrderDetailsByReferenceId() {
      now = new Date(now.getTime() + MINUTE);

      return [];
    },
  } as unknown as LinnworksApi;
  const store = new InMemoryStateStore();
  const sent: Alert[] = [];
  const alerts = createConnectorAlerts(
    {
      ct,
      logger: captureLogger().logger,
      store,
      now: () => now,
      deliver: async (a) => void sent.push(a),
    },
    ALERTS,
  );
  const desiredSlots: DesiredSlots = (lv) => [
    [AGGREGATE_SLOT, lv.reduce((n, l) => n + l.StockLevel, 0)],
  ];
  const reports = new ReconcileReportRepo(store);
  const run = async () => {
    now = new Date(now.getTime() + DAY);
    compared.push([]);

    return runScheduledReconcile({
      ct,
      linnworks,
      orderSync: orderSyncReconciler,
      stockSync: { desiredSlots: async () => desiredSlots },
      reports,
      // 2 minutes: two pages of 2 SKUs per run; the 10 SKUs are 5 pages.
      settings: {
        everyMinutes: 1440,
        orderLookbackMs: 30 * DAY,
        stockTolerance: 0,
        timeBudgetMs: options.budgetMinutes * MINUTE,
        pageSize: 2,
      },
      logger: captureLogger().logger,
      alerts,
      now: () => now,
    });
  };

  return {
    run,
    compared,
    levels,
    sent,
    reports,
    /** The SKUs in the order the walk visits them (by inventory entry id). */
    inWalkOrder: byId.body.results.map((e) => e.sku),
  };
}

const drift = (sent: Alert[]) =>
  sent.filter((a) => a.condition === 'reconcile-drift').map((a) => `${a.status} ${a.count}`);

describe('scheduled reconciliation across runs (the stock walk resumes where the last run stopped)', () => {
  it('when a run has time for 2 of 5 pages, then 3 runs compare every SKU exactly once and the 4th starts a new cycle', async () => {
    const w = await world();
    /** What a run compared: its status, its SKUs, and the cycle so far. */
    const slice = (status: string, checkedSkus: number, cycle: Record<string, unknown>) => ({
      status,
      stock: { checkedSkus, cycle },
    });
    const first = await w.run();
    expect(first).toMatchObject(
      slice('partial', 4, { runs: 1, skusCheckedThisCycle: 4, complete: false, resumed: false }),
    );
    const second = await w.run();
    expect(second).toMatchObject(
      slice('partial', 4, { runs: 2, skusCheckedThisCycle: 8, complete: false, resumed: true }),
    );
    const third = await w.run();
    expect(third).toMatchObject(
      slice('completed', 2, { runs: 3, skusCheckedThisCycle: 10, complete: true, resumed: true }),
    );
    const cycleStart = 'cycle' in first.stock ? first.stock.cycle?.startedAt : undefined;
    expect(cycleStart).toBe(first.generatedAt);
    expect(third.stock).toMatchObject({
      cycle: { startedAt: cycleStart, completedAt: third.finishedAt },
    });
    expect(w.compared.flat()).toEqual(w.inWalkOrder);

    const fourth = await w.run();
    expect(fourth.stock).toMatchObject({
      checkedSkus: 4,
      cycle: { runs: 1, skusCheckedThisCycle: 4, complete: false, resumed: false },
      previousCycle: { startedAt: cycleStart, runs: 3, skusChecked: 10, drift: 0 },
    });
    expect(fourth.stock).toMatchObject({ cycle: { startedAt: fourth.generatedAt } });
    expect(w.compared[3]).toEqual(w.compared[0]);
    expect(await w.reports.latest()).toEqual(fourth);
  });

  it('when an earlier slice of the cycle found drift, then a clean slice does not resolve the alert; a complete clean cycle does', async () => {
    const w = await world();
    const [drifting] = w.inWalkOrder;
    w.levels[drifting!] = 3;
    const first = await w.run();
    expect(first).toMatchObject({ drift: 1, stock: { counts: { 'quantity-differs': 1 } } });
    expect(drift(w.sent)).toEqual(['firing 1']);

    // The rest of the cycle is clean: each report says so, the cycle remembers the first slice.
    const second = await w.run();
    expect(second).toMatchObject({ drift: 0, stock: { cycle: { drift: 1, runs: 2 } } });
    const third = await w.run();
    expect(third).toMatchObject({ drift: 0, stock: { cycle: { drift: 1, complete: true } } });
    expect(drift(w.sent)).toEqual(['firing 1']);

    // Fixed: the next cycle's first slice is clean, but the slices not compared again yet are not
    // known to be: the alert holds until the cycle completes clean.
    w.levels[drifting!] = 5;
    await w.run();
    await w.run();
    expect(drift(w.sent)).toEqual(['firing 1']);
    const sixth = await w.run();
    expect(sixth).toMatchObject({ stock: { cycle: { drift: 0, complete: true } } });
    expect(drift(w.sent)).toEqual(['firing 1', 'resolved 0']);
    // A walk cut by its budget that moved on is not a job cut short.
    expect(w.sent.filter((a) => a.condition.startsWith('job-cut-short'))).toEqual([]);
  });

  it('when the order window outlasts its half of the time budget, then the orders stop there and the stock walk still gets the rest', async () => {
    // 4 minutes: the orders' half is 2 minutes, one page of 2 orders; the stock walk 2 pages.
    const w = await world({ budgetMinutes: 4, orders: 6 });
    const report = await w.run();
    expect(report).toMatchObject({
      status: 'partial',
      orders: { checked: 2, complete: false, counts: { 'missing-in-linnworks': 2 } },
      stock: { checkedSkus: 4, cycle: { skusCheckedThisCycle: 4, complete: false } },
    });
    // The orders were cut, not resumed: that run was cut short.
    await w.run();
    expect(w.sent.map((a) => `${a.status} ${a.condition}`)).toContain(
      'firing job-cut-short.reconcile',
    );
  });
});
