// Fulfilment cost against history: `cd sandbox && npx tsx bench/fulfillment-history.bench.ts`
// (env BENCH_HISTORY, comma-separated closed records, default "2000,20000"; BENCH_OPEN, open
// orders, default 200; BENCH_CHANGED_EVERY, every n-th open order gets a new print flag, default 10).
// Per history size: a fresh project with `open` linked open orders and `history` closed
// order-state records, then one full fulfillment-sync run. What must hold: the Linnworks calls
// stay ceil(open/100) + one per changed order + the feed pages, whatever the history.
import {
  CtStateStore,
  createLogger,
  ensureFulfillmentStates,
  type FulfillmentSyncSettings,
  ORDER_STATE_CONTAINER,
  type OrderState,
} from 'shared';

import {
  createLinkedOrders,
  startFulfillmentWorld,
  worldSettings,
} from '../test/fulfillment-sync/fulfillment-world';
import { runLimited } from '../test/stock-sync/stock-world';
import { startCtMock, stopCtMock } from './bench-servers';

const settings: FulfillmentSyncSettings = { ...worldSettings, lateTrackingHours: 72 };

function closedRecord(i: number): OrderState {
  return {
    ctOrderId: `hist-${i}`,
    orderNumber: `H-${i}`,
    linnworksOrderId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    linnworksReference: `H-${i}`,
    status: 'closed',
    paid: true,
    lastOrderVersion: 3,
    attempts: 0,
    updatedAt: '2025-06-01T00:00:00.000Z',
    settled: { as: 'shipped', at: '2025-06-01T00:00:00.000Z' },
    closedAt: '2025-06-05T00:00:00.000Z',
  };
}

async function oneSize(ctUrl: string, history: number, open: number, changedEvery: number) {
  const logger = createLogger({ name: 'bench', level: 'warn' });
  const world = await startFulfillmentWorld(ctUrl, settings, logger);
  try {
    await ensureFulfillmentStates(world.ctApi, settings);
    const linked = await createLinkedOrders(world, open, [{ sku: 'SKU-1', quantity: 1 }]);
    const store = new CtStateStore(world.ctApi);
    const seedStart = Date.now();
    await runLimited(
      Array.from({ length: history }, (_, i) => i),
      32,
      (i) => store.put(ORDER_STATE_CONTAINER, `hist-${i}`, closedRecord(i)),
    );
    const seedMs = Date.now() - seedStart;
    let changed = 0;
    for (const [i, o] of linked.entries()) {
      if (i % changedEvery !== 0) continue;
      world.emulator.control.setPrintFlags({ order: o.lwOrderId, pickListPrinted: true });
      changed++;
    }
    world.emulator.control.resetCallCounts();
    const flow = world.flow({
      now: () => new Date(Date.now() + 60_000),
      settings: { job: { timeBudgetMs: 3_600_000, pageSize: 200 } },
    });
    const start = Date.now();
    const report = await flow.run({ dryRun: false });
    const runMs = Date.now() - start;
    const calls = world.emulator.control.callCounts();
    const { 'Auth/AuthorizeByApplication': _auth, ...endpoints } = calls;
    const linnworksCalls = Object.values(endpoints).reduce((a, b) => a + b, 0);

    return {
      history,
      open,
      changed,
      seedHistoryMs: seedMs,
      runMs,
      status: report.status,
      linnworksCalls,
      linnworksCallsPerEndpoint: endpoints,
      bound: `ceil(${open}/100) + feed pages = ${Math.ceil(open / 100)} + ${(calls['ProcessedOrders/SearchProcessedOrders'] ?? 0) + (calls['ReturnsRefunds/SearchReturnsRefundsPaged'] ?? 0)}`,
      progressUpdated: report.counts['progress.updated'] ?? 0,
      ctOrderReads: report.counts.ctReads,
      ctOrderWrites: report.counts.ctWrites,
    };
  } finally {
    await world.close();
  }
}

export async function runFulfillmentHistoryBench(): Promise<Record<string, unknown>> {
  const sizes = (process.env.BENCH_HISTORY ?? '2000,20000').split(',').map(Number);
  const open = Number(process.env.BENCH_OPEN ?? 200);
  const changedEvery = Number(process.env.BENCH_CHANGED_EVERY ?? 10);
  const ct = await startCtMock();
  try {
    const runs: Record<string, unknown> = {};
    for (const history of sizes) {
      runs[`history ${history}`] = await oneSize(ct.url, history, open, changedEvery);
      process.stderr.write(`${JSON.stringify(runs[`history ${history}`])}\n`);
    }

    return runs;
  } finally {
    await stopCtMock(ct.child);
  }
}

if (require.main === module) {
  runFulfillmentHistoryBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
