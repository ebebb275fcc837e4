// Stock-sync benchmark: `cd sandbox && npx tsx bench/stock-sync.bench.ts [skus ...]`.
// The Linnworks emulator and the commercetools test server each run in their own process, so
// the RSS measured here is the sync's own (client, snapshot, page in flight).

import {
  createCtApi,
  createLogger,
  createStockSync,
  CtStateStore,
  CtStockApiGateway,
  LinnworksClient,
  type RateBudgetClock,
  SlidingWindowRateBudget,
  STOCK_SNAPSHOT_CONTAINER,
  STOCK_STATE_CONTAINER,
  type StockSyncReport,
  unlimitedRateBudget,
} from 'shared';

import { defaultEmulatorCredentials } from '../linnworks-emulator/src/emulator-options';
import { emulatorControl, startCtMock, startEmulatorProcess } from './bench-servers';
import {
  LOCATIONS,
  runLimited,
  seedCtCatalogue,
  seededLevel,
  skuOf,
  threeLocationMapping,
} from '../test/stock-sync/stock-world';

/** Virtual clock: the real sliding-window budget, but its waits add up instead of sleeping. */
function virtualClock(): RateBudgetClock & { waitedMs: number } {
  let now = 0;
  const clock = {
    waitedMs: 0,
    now: () => now,
    sleep: (ms: number) => {
      now += ms;
      clock.waitedMs += ms;

      return Promise.resolve();
    },
  };

  return clock;
}

async function rateLimitWaitMs(calls: Record<string, number>): Promise<number> {
  const clock = virtualClock();
  const budget = new SlidingWindowRateBudget({ clock });
  for (const [endpoint, count] of Object.entries(calls)) {
    for (let i = 0; i < count; i++) await budget.acquire(endpoint);
  }

  return clock.waitedMs;
}

async function measured(run: () => Promise<StockSyncReport>) {
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const start = performance.now();
  const report = await run();
  const wallMs = Math.round(performance.now() - start);
  clearInterval(timer);

  return {
    report,
    wallMs,
    peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6),
    peakHeapMb: Math.round(peakHeap / 1e6),
  };
}

async function benchSize(
  skus: number,
  ctUrl: string,
  lwUrl: string,
): Promise<Record<string, unknown>> {
  const logger = createLogger({ name: 'stock-bench', level: 'warn' });
  const projectKey = `bench-stock-${skus}-${Date.now()}`;
  const ctApi = createCtApi(
    {
      projectKey,
      clientId: 'b',
      clientSecret: 'b',
      scopes: undefined,
      apiUrl: ctUrl,
      authUrl: ctUrl,
    },
    { timeoutMs: 120_000, maxRetries: 0 },
  );
  await emulatorControl(lwUrl, '/reset', {});
  await emulatorControl(lwUrl, '/options', { rateLimits: false });
  await emulatorControl(lwUrl, '/locations', {
    locations: [{ name: 'Leeds' }, { name: 'Bristol' }],
  });
  const seedStart = performance.now();
  for (let from = 0; from < skus; from += 5_000) {
    const items = Array.from({ length: Math.min(5_000, skus - from) }, (_, k) => ({
      sku: skuOf(from + k),
      stock: Object.fromEntries(LOCATIONS.map((l, li) => [l, seededLevel(from + k, li)])),
    }));
    await emulatorControl(lwUrl, '/items', { items });
  }
  const emulatorSeedMs = Math.round(performance.now() - seedStart);
  const ctSeedStart = performance.now();
  await seedCtCatalogue(ctApi, skus, { variantsPerProduct: 100, concurrency: 8 });
  const ctCatalogueSeedMs = Math.round(performance.now() - ctSeedStart);

  const c = defaultEmulatorCredentials;
  const linnworks = new LinnworksClient({
    config: {
      applicationId: c.applicationId,
      applicationSecret: c.applicationSecret,
      installationToken: c.installationToken,
      authUrl: lwUrl,
    },
    timeoutMs: 60_000,
    rateBudget: unlimitedRateBudget,
  });
  const sync = () =>
    createStockSync({
      linnworks,
      ct: new CtStockApiGateway(ctApi),
      store: new CtStateStore(ctApi),
      logger,
      mapping: threeLocationMapping,
      skuMatching: { trim: false, case: 'preserve' },
      timeBudgetMs: 6 * 60 * 60_000,
      writeConcurrency: 16,
    });
  const runOnce = async (label: string) => {
    const before = (await emulatorControl(lwUrl, '/calls')) as Record<string, number>;
    const result = await measured(() => sync().run({ dryRun: false }));
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      process.stderr.write(
        `  after gc: ${JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1e6)])))}\n`,
      );
    }
    const after = (await emulatorControl(lwUrl, '/calls')) as Record<string, number>;
    const lwCalls: Record<string, number> = {};
    for (const [k, v] of Object.entries(after)) {
      const d = v - (before[k] ?? 0);
      if (d > 0 && k !== 'Auth/AuthorizeByApplication') lwCalls[k] = d;
    }
    const waitMs = await rateLimitWaitMs(lwCalls);
    const counts = result.report.counts;
    process.stderr.write(`${skus} ${label}: ${result.wallMs} ms\n`);

    return {
      status: result.report.status,
      wallMs: result.wallMs,
      documentedRateLimitWaitMs: waitMs,
      wallWithRateLimitsMs: result.wallMs + waitMs,
      sweepCalls: lwCalls['Stock/GetStockItemsFull'] ?? 0,
      linnworksCalls: counts.linnworksCalls,
      changed: counts.changed,
      ctInventoryWrites: counts.ctInventoryWrites,
      created: counts.created,
      written: counts.written,
      ctReads: counts.ctReads,
      ctStateWrites: counts.ctStateWrites,
      peakRssMb: result.peakRssMb,
      peakHeapUsedMb: result.peakHeapMb,
    };
  };

  const first = await runOnce('first');
  const unchanged = await runOnce('unchanged');
  const pairs = skus * LOCATIONS.length;
  const toChange = Math.round(pairs / 100);
  const step = Math.floor(pairs / toChange);
  const changes = Array.from({ length: toChange }, (_, k) => k * step);
  await runLimited(changes, 16, async (pair) => {
    const i = Math.floor(pair / LOCATIONS.length);
    const li = pair % LOCATIONS.length;
    await emulatorControl(lwUrl, '/stock/adjust', {
      sku: skuOf(i),
      location: LOCATIONS[li],
      set: seededLevel(i, li) + 100,
    });
  });
  const changed = await runOnce('1% changed');
  const stateObjects = async (container: string) =>
    (
      await ctApi
        .customObjects()
        .withContainer({ container })
        .get({ queryArgs: { limit: 1 } })
        .execute()
    ).body.total;

  return {
    skus,
    pairs,
    changedPairs: toChange,
    expectedSweepCalls: Math.ceil(skus / 200),
    emulatorSeedMs,
    ctCatalogueSeedMs,
    first,
    unchanged,
    changed,
    stateObjects: {
      snapshot: await stateObjects(STOCK_SNAPSHOT_CONTAINER),
      runState: await stateObjects(STOCK_STATE_CONTAINER),
    },
    processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1000),
  };
}

export async function runStockSyncBench(
  sizes: number[] = [10_000, 50_000, 100_000],
): Promise<Record<string, unknown>> {
  const ct = await startCtMock();
  const lw = await startEmulatorProcess();
  try {
    const results: Record<string, unknown>[] = [];
    for (const size of sizes) results.push(await benchSize(size, ct.url, lw.url));

    return {
      bench: 'stock-sync',
      date: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      results,
    };
  } finally {
    lw.stop();
    ct.child.kill('SIGTERM');
  }
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  runStockSyncBench(sizes.length ? sizes : undefined)
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
