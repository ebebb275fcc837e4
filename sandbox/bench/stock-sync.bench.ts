// Stock-sync benchmark: `cd sandbox && npx tsx bench/stock-sync.bench.ts [skus ...]`.
// The Linnworks emulator and the commercetools test server each run in their own process, and
// so does every measured sync run: this process seeds both servers, then starts a child process
// per run (first, unchanged, 1% changed) with exactly the V8 flags of stock-sync's `start`
// script (plus `--import tsx`, because shared is run from source here). The child's peak RSS
// (`process.resourceUsage().maxRSS`) is the sync's own: no seeding garbage, no servers.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  createCtApi,
  createLogger,
  createStockSync,
  LinnworksClient,
  type RateBudgetClock,
  SlidingWindowRateBudget,
  STOCK_SNAPSHOT_CONTAINER,
  STOCK_STATE_CONTAINER,
  type StockSyncReport,
} from 'shared';
import { unlimitedRateBudget } from 'shared/testing';

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

const CHILD_ENV = 'STOCK_SYNC_BENCH_CHILD';
const mb = (bytes: number) => Math.round(bytes / 1e6);

/**
 * The node flags of stock-sync's `start` script (`node <flags> build/index.js`), unless
 * STOCK_BENCH_NODE_FLAGS (space-separated, may be empty) overrides them for an experiment.
 */
export function deployedNodeFlags(): string[] {
  const override = process.env.STOCK_BENCH_NODE_FLAGS;
  if (override !== undefined) return override.split(/\s+/).filter((t) => t.startsWith('--'));
  const pkg = JSON.parse(
    readFileSync(path.join(__dirname, '../../stock-sync/package.json'), 'utf8'),
  ) as { scripts: { start: string } };

  return pkg.scripts.start.split(/\s+/).filter((token) => token.startsWith('--'));
}

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

/** What the calls would wait under per-minute `limits` (default: the documented ones). */
export async function rateLimitWaitMs(
  calls: Record<string, number>,
  limits?: Record<string, number>,
): Promise<number> {
  const clock = virtualClock();
  const budget = new SlidingWindowRateBudget({ clock, ...(limits ? { limits } : {}) });
  for (const [endpoint, count] of Object.entries(calls)) {
    for (let i = 0; i < count; i++) await budget.acquire(endpoint);
  }

  return clock.waitedMs;
}

export interface ChildInput {
  mode: 'run' | 'baseline';
  ctUrl: string;
  lwUrl: string;
  /** The emulator's auth host (a host of its own, as api.linnworks.net). */
  lwAuthUrl: string;
  projectKey: string;
  /** Diagnostics: force a GC before each page sample, so samples show the live heap. */
  gcEachPage: boolean;
}

export interface ChildOutput {
  report?: StockSyncReport;
  wallMs: number;
  maxRssMb: number;
  peakHeapUsedMb: number;
  /** Every 25th page: memory when the page was requested (after a GC with gcEachPage). */
  pages: Array<{ page: number; rssMb: number; heapUsedMb: number }>;
}

/** The real client, with a hook as each sweep page is requested (memory samples). */
function sampled(client: LinnworksClient, beforePage: (page: number) => void): LinnworksClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'getStockItemsFull' || typeof value !== 'function') return value;

      return (request: { pageNumber: number }) => {
        beforePage(request.pageNumber);

        return (value as (r: unknown) => unknown).call(target, request);
      };
    },
  });
}

/** One sync run, in the child process. */
async function childRun(input: ChildInput): Promise<ChildOutput> {
  const maxRssMb = () => mb(process.resourceUsage().maxRSS * 1024);
  if (input.mode === 'baseline') {
    return { wallMs: 0, maxRssMb: maxRssMb(), peakHeapUsedMb: 0, pages: [] };
  }
  const ctApi = createCtApi(
    {
      projectKey: input.projectKey,
      clientId: 'b',
      clientSecret: 'b',
      scopes: undefined,
      apiUrl: input.ctUrl,
      authUrl: input.ctUrl,
    },
    { timeoutMs: 120_000, maxRetries: 0 },
  );
  const c = defaultEmulatorCredentials;
  const client = new LinnworksClient({
    config: {
      applicationId: c.applicationId,
      applicationSecret: c.applicationSecret,
      installationToken: c.installationToken,
      authUrl: input.lwAuthUrl,
    },
    timeoutMs: 60_000,
    rateBudget: unlimitedRateBudget,
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  const pages: ChildOutput['pages'] = [];
  // Every 25th page, memory as the page is requested.
  const linnworks = sampled(client, (pageNumber) => {
    if (pageNumber % 25 !== 1) return;
    if (input.gcEachPage && gc) gc();
    const m = process.memoryUsage();
    pages.push({ page: pageNumber, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) });
  });
  const sync = createStockSync(
    { ct: ctApi, linnworks, logger: createLogger({ name: 'stock-bench', level: 'warn' }) },
    {
      mapping: threeLocationMapping,
      skuMatching: { trim: false, case: 'preserve' },
      job: { timeBudgetMs: 6 * 60 * 60_000 },
      tuning: { writeConcurrency: 16 },
    },
  );
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const start = performance.now();
  const report = await sync.run({ dryRun: false });
  const wallMs = Math.round(performance.now() - start);
  clearInterval(timer);

  return { report, wallMs, maxRssMb: maxRssMb(), peakHeapUsedMb: mb(peakHeap), pages };
}

/** Starts a child process for one run and returns what it measured. */
export async function inChild(input: ChildInput): Promise<ChildOutput> {
  const flags = [...deployedNodeFlags(), ...(input.gcEachPage ? ['--expose-gc'] : [])];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', __filename], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(input) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`sync child exited with ${code}: ${out.slice(-2000)}`);

  return JSON.parse(out.slice(out.lastIndexOf('\n{') + 1)) as ChildOutput;
}

async function benchSize(
  skus: number,
  ctUrl: string,
  lw: { url: string; authUrl: string },
  gcEachPage: boolean,
): Promise<Record<string, unknown>> {
  const lwUrl = lw.url;
  const lwAuthUrl = lw.authUrl;
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

  const runOnce = async (label: string) => {
    const before = (await emulatorControl(lwUrl, '/calls')) as Record<string, number>;
    const result = await inChild({ mode: 'run', ctUrl, lwUrl, lwAuthUrl, projectKey, gcEachPage });
    const after = (await emulatorControl(lwUrl, '/calls')) as Record<string, number>;
    const lwCalls: Record<string, number> = {};
    for (const [k, v] of Object.entries(after)) {
      const d = v - (before[k] ?? 0);
      if (d > 0 && k !== 'Auth/AuthorizeByApplication') lwCalls[k] = d;
    }
    const waitMs = await rateLimitWaitMs(lwCalls);
    const report = result.report as StockSyncReport;
    const counts = report.counts;
    process.stderr.write(
      `${skus} ${label}: ${result.wallMs} ms, peak RSS ${result.maxRssMb} MB, heap ${result.peakHeapUsedMb} MB\n`,
    );

    return {
      status: report.status,
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
      peakRssMb: result.maxRssMb,
      peakHeapUsedMb: result.peakHeapUsedMb,
      pages: result.pages,
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
  // Diagnostic, not a measurement of RSS: one more (unchanged) run that collects garbage before
  // every 25th page, so its page samples show the live heap with the whole snapshot loaded.
  const live = await inChild({
    mode: 'run',
    ctUrl,
    lwUrl,
    lwAuthUrl,
    projectKey,
    gcEachPage: true,
  });
  const liveHeapMb = Math.max(...live.pages.map((p) => p.heapUsedMb));
  process.stderr.write(`${skus} live heap (gc before samples): max ${liveHeapMb} MB\n`);
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
    liveHeap: {
      maxMb: liveHeapMb,
      pages: live.pages,
      inventoryWrites: live.report?.counts.ctInventoryWrites,
    },
    stateObjects: {
      snapshot: await stateObjects(STOCK_SNAPSHOT_CONTAINER),
      runState: await stateObjects(STOCK_STATE_CONTAINER),
    },
  };
}

/**
 * `gcEachPage` (env STOCK_BENCH_GC_EACH_PAGE=1) adds `--expose-gc` and collects before each
 * page sample: a diagnostic of the live heap, not a measurement of peak RSS.
 */
export async function runStockSyncBench(
  sizes: number[] = [10_000, 50_000, 100_000],
  gcEachPage = process.env.STOCK_BENCH_GC_EACH_PAGE === '1',
): Promise<Record<string, unknown>> {
  const ct = await startCtMock();
  const lw = await startEmulatorProcess();
  try {
    const baseline = await inChild({
      mode: 'baseline',
      ctUrl: ct.url,
      lwUrl: lw.url,
      lwAuthUrl: lw.authUrl,
      projectKey: 'none',
      gcEachPage: false,
    });
    const results: Record<string, unknown>[] = [];
    for (const size of sizes) results.push(await benchSize(size, ct.url, lw, gcEachPage));

    return {
      bench: 'stock-sync',
      date: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      childNodeFlags: [...deployedNodeFlags(), '--import', 'tsx'],
      gcEachPage,
      childBaselineRssMb: baseline.maxRssMb,
      results,
    };
  } finally {
    lw.stop();
    ct.child.kill('SIGTERM');
  }
}

if (require.main === module) {
  const childInput = process.env[CHILD_ENV];
  if (childInput) {
    childRun(JSON.parse(childInput) as ChildInput)
      .then((r) => {
        process.stdout.write(`\n${JSON.stringify(r)}\n`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  } else {
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
}
