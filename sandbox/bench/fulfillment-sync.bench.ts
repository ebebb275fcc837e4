import { createLogger, type FulfillmentSyncSettings } from 'shared';

import {
  createLinkedOrders,
  startFulfillmentWorld,
} from '../test/fulfillment-sync/fulfillment-world';
import { startCtMock, stopCtMock } from './bench-servers';

const settings: FulfillmentSyncSettings = {
  source: 'COMMERCETOOLS',
  progressRules: [],
  shippedOrderState: 'Complete',
  lineCancelledState: 'lw-line-cancelled',
  refundPaymentState: undefined,
  returnPaymentState: undefined,
  trackingUpdate: 'add-parcel',
  lateTrackingHours: 0,
  packageSplit: 'auto',
};

/**
 * One fulfillment-sync run over N processed orders (default 10,000; `BENCH_ORDERS`), every
 * `BENCH_MULTI_EVERY`-th shipped in two boxes. Reports wall time, Linnworks calls per endpoint,
 * commercetools updates and heap.
 */
export async function runFulfillmentSyncBench(): Promise<Record<string, unknown>> {
  const orders = Number(process.env.BENCH_ORDERS ?? 10_000);
  const multiEvery = Number(process.env.BENCH_MULTI_EVERY ?? 100);
  const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 200);
  const ct = await startCtMock();
  const logger = createLogger({ name: 'bench', level: 'warn' });
  const world = await startFulfillmentWorld(ct.url, settings, logger);
  try {
    const seedStart = Date.now();
    const linked = await createLinkedOrders(world, orders, [
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    const seedMs = Date.now() - seedStart;
    let multi = 0;
    for (const [i, o] of linked.entries()) {
      const processedOn = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString();
      if (multiEvery > 0 && i % multiEvery === 0) {
        multi++;
        world.emulator.control.processOrder({
          order: o.lwOrderId,
          processedOn,
          vendor: 'Royal Mail',
          postalServiceName: 'Tracked 24',
          trackingNumber: `A${i}, B${i}`,
          packages: [
            { trackingNumber: `A${i}`, lines: [{ sku: 'SKU-1', quantity: 1 }] },
            { trackingNumber: `B${i}`, lines: [{ sku: 'SKU-2', quantity: 1 }] },
          ],
        });
      } else {
        world.emulator.control.processOrder({
          order: o.lwOrderId,
          processedOn,
          trackingNumber: `T${i}`,
        });
      }
    }
    world.emulator.control.resetCallCounts();
    const flow = world.flow({
      now: () => new Date('2026-01-01T23:59:00Z'),
      settings: { job: { timeBudgetMs: 3_600_000, pageSize, initialLookbackHours: 24 } },
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const start = Date.now();
    const report = await flow.run({ dryRun: false, feeds: ['processed'] });
    const runMs = Date.now() - start;

    return {
      orders,
      multiPackageOrders: multi,
      pageSize,
      seedMs,
      runMs,
      ordersPerSecond: Math.round((orders / runMs) * 1000),
      linnworksCalls: world.emulator.control.callCounts(),
      expectedSearchCalls: Math.ceil(orders / pageSize),
      ctUpdates: report.counts.ctWrites,
      heapDeltaMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
      report: { status: report.status, counts: report.counts },
    };
  } finally {
    await world.close();
    await stopCtMock(ct.child);
  }
}

if (require.main === module) {
  runFulfillmentSyncBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
