// Stock-sync at catalogue scale (issue #14): `cd sandbox && npx tsx bench/stock-scale.bench.ts [skus]`
// (default 500,000 SKUs × 3 locations). The Linnworks emulator holds the whole catalogue; the
// sync runs in a child process with the deployed V8 flags (see stock-sync.bench.ts).
//
// The commercetools test server cannot hold 1.5M inventory entries in reasonable time (it
// creates ~200 a second and scans every entry per query), so the project starts in the steady
// state a first run leaves, built by the real snapshot code: every (SKU, location) pair recorded
// in the snapshot segments, and real inventory entries only for the pairs the measured run will
// touch (the 1% that change, the hot and the cold SKU). An unchanged pair costs the sync no
// commercetools call at all (asserted in sandbox/test/stock-sync), so an entry nobody writes is
// never read: its absence on the server is invisible to the run. What is measured (calls,
// writes, peak RSS, sale → quantity times) is the sync's own.

import {
  type CtApi,
  createCtApi,
  CtStateStore,
  LinnworksClient,
  rateSharesFor,
  SEGMENT_ITEMS,
  type StockSyncReport,
} from 'shared';
import { StockSnapshot, unlimitedRateBudget } from 'shared/testing';

import { defaultEmulatorCredentials } from '../linnworks-emulator/src/emulator-options';
import { emulatorControl, startCtMock, startEmulatorProcess } from './bench-servers';
import { type ChildInput, deployedNodeFlags, inChild, rateLimitWaitMs } from './stock-sync.bench';
import {
  CHANNELS,
  LOCATIONS,
  otherChannelOrder,
  runLimited,
  seededLevel,
  skuOf,
} from '../test/stock-sync/stock-world';

const PAGE = 200;
type Entry = { id: string; version: number };

/** Pairs (i × 3 + location) that change: every 100th. */
function changedPairs(skus: number): number[] {
  const pairs = skus * LOCATIONS.length;

  return Array.from({ length: Math.round(pairs / 100) }, (_, k) => k * 100);
}

async function createEntries(
  ctApi: CtApi,
  channelIds: string[],
  pairs: number[],
): Promise<Map<number, Entry>> {
  const entries = new Map<number, Entry>();
  await runLimited(pairs, 16, async (pair) => {
    const i = Math.floor(pair / LOCATIONS.length);
    const li = pair % LOCATIONS.length;
    const created = await ctApi
      .inventory()
      .post({
        body: {
          sku: skuOf(i),
          supplyChannel: { typeId: 'channel', id: channelIds[li] as string },
          quantityOnStock: seededLevel(i, li),
        },
      })
      .execute();
    entries.set(pair, { id: created.body.id, version: created.body.version });
  });

  return entries;
}

/** The snapshot a completed first run leaves, written by the real segment code. */
async function seedSnapshot(ctApi: CtApi, skus: number, entries: Map<number, Entry>) {
  const snapshot = await StockSnapshot.open({
    store: new CtStateStore(ctApi),
    segmentItems: SEGMENT_ITEMS,
    readOnly: false,
    now: () => new Date(),
  });
  const channels = LOCATIONS.map((l) => CHANNELS[l]);
  for (let page = 1; (page - 1) * PAGE < skus; page++) {
    await snapshot.enterPage(page, PAGE);
    for (let i = (page - 1) * PAGE; i < Math.min(skus, page * PAGE); i++) {
      const item: Record<string, [number, number, string]> = {};
      channels.forEach((channel, li) => {
        const entry = entries.get(i * LOCATIONS.length + li);
        item[channel] = [
          seededLevel(i, li),
          entry?.version ?? 1,
          entry?.id ?? `unwritten-${i}-${li}`,
        ];
      });
      snapshot.get(skuOf(i));
      snapshot.set(skuOf(i), item);
    }
  }
  await snapshot.finishSweep(0);
  await snapshot.flush();
}

async function seed(ctApi: CtApi, lwUrl: string, skus: number, hot: number, cold: number) {
  await emulatorControl(lwUrl, '/reset', {});
  await emulatorControl(lwUrl, '/options', { rateLimits: false });
  await emulatorControl(lwUrl, '/locations', {
    locations: [{ name: 'Leeds' }, { name: 'Bristol' }],
  });
  for (let from = 0; from < skus; from += 5_000) {
    const items = Array.from({ length: Math.min(5_000, skus - from) }, (_, k) => ({
      sku: skuOf(from + k),
      stock: Object.fromEntries(LOCATIONS.map((l, li) => [l, seededLevel(from + k, li)])),
    }));
    await emulatorControl(lwUrl, '/items', { items });
  }
  const channelIds: string[] = [];
  for (const location of LOCATIONS) {
    const key = CHANNELS[location];
    const c = await ctApi
      .channels()
      .post({ body: { key, roles: ['InventorySupply'] } })
      .execute();
    channelIds.push(c.body.id);
  }
  const type = await ctApi
    .productTypes()
    .post({ body: { name: 'scale', description: 'stock scale bench', attributes: [] } })
    .execute();
  await ctApi
    .products()
    .post({
      body: {
        productType: { typeId: 'product-type', id: type.body.id },
        name: { en: 'Hot and cold' },
        slug: { en: 'hot-and-cold' },
        masterVariant: { sku: skuOf(hot) },
        variants: [{ sku: skuOf(cold) }],
      },
    })
    .execute();
  const touched = [...changedPairs(skus)];
  for (const i of [hot, cold]) for (let li = 0; li < 3; li++) touched.push(i * 3 + li);
  const entries = await createEntries(ctApi, channelIds, touched);
  await seedSnapshot(ctApi, skus, entries);

  return { channelIds, entries };
}

/** Sells 3 of the hot SKU at Leeds on another channel (an open order allocates them). */
async function sellHot(lw: { authUrl: string }, hot: number): Promise<void> {
  const c = defaultEmulatorCredentials;
  const client = new LinnworksClient({
    config: { ...c, authUrl: lw.authUrl },
    timeoutMs: 60_000,
    rateBudget: unlimitedRateBudget,
  });
  await client.createOrders({ location: 'Leeds', orders: [otherChannelOrder(skuOf(hot), 3)] });
}

/** Writes commercetools applied to the given entries (each was created at version 1). */
async function updatesApplied(ctApi: CtApi, ids: string[]): Promise<number> {
  let applied = 0;
  for (let from = 0; from < ids.length; from += 250) {
    const batch = ids.slice(from, from + 250);
    const where = `id in (${batch.map((id) => `"${id}"`).join(', ')})`;
    const page = await ctApi
      .inventory()
      .get({ queryArgs: { where, limit: 500, withTotal: false } })
      .execute();
    if (page.body.results.length !== batch.length) throw new Error('an entry went missing');
    for (const entry of page.body.results) applied += entry.version - 1;
  }

  return applied;
}

/** Polls entries until each holds its target; ms after `start` when each did. */
function watch(ctApi: CtApi, targets: Record<string, { id: string; quantity: number }>) {
  const seen: Record<string, number> = {};
  const start = Date.now();
  let stop = false;
  const loop = (async () => {
    while (!stop && Object.keys(seen).length < Object.keys(targets).length) {
      for (const [name, t] of Object.entries(targets)) {
        if (seen[name] !== undefined) continue;
        const e = await ctApi.inventory().withId({ ID: t.id }).get().execute();
        if (e.body.quantityOnStock === t.quantity) seen[name] = Date.now() - start;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  return {
    done: async () => {
      stop = true;
      await loop;

      return seen;
    },
  };
}

async function measuredRun(input: ChildInput, lwUrl: string, label: string) {
  const before = (await emulatorControl(lwUrl, '/calls')) as Record<string, number>;
  const out = await inChild(input);
  const after = (await emulatorControl(lwUrl, '/calls')) as Record<string, number>;
  const calls: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const d = v - (before[k] ?? 0);
    if (d > 0 && k !== 'Auth/AuthorizeByApplication') calls[k] = d;
  }
  const report = out.report as StockSyncReport;
  const shares = rateSharesFor('stock-sync').limits;
  process.stderr.write(`${label}: ${out.wallMs} ms, peak RSS ${out.maxRssMb} MB\n`);

  return {
    status: report.status,
    wallMs: out.wallMs,
    linnworksCalls: calls,
    rateLimitWaitMsAtShares: await rateLimitWaitMs(calls, shares),
    counts: report.counts,
    hot: report.hot,
    peakRssMb: out.maxRssMb,
    peakHeapUsedMb: out.peakHeapUsedMb,
    pages: out.pages.filter((_, k) => k % 10 === 0),
  };
}

export async function runStockScaleBench(skus = 500_000): Promise<Record<string, unknown>> {
  const ct = await startCtMock();
  const lw = await startEmulatorProcess();
  const hot = Math.floor(skus / 2) + 1;
  const cold = skus - 2;
  try {
    const projectKey = `bench-scale-${skus}-${Date.now()}`;
    const config = { projectKey, clientId: 'b', clientSecret: 'b', scopes: undefined };
    const ctApi = createCtApi(
      { ...config, apiUrl: ct.url, authUrl: ct.url },
      { timeoutMs: 120_000, maxRetries: 0 },
    );
    const seedStart = performance.now();
    const { entries } = await seed(ctApi, lw.url, skus, hot, cold);
    const seedMs = Math.round(performance.now() - seedStart);
    process.stderr.write(`seeded ${skus} SKUs in ${seedMs} ms\n`);
    const input: ChildInput = {
      mode: 'run',
      ctUrl: ct.url,
      lwUrl: lw.url,
      lwAuthUrl: lw.authUrl,
      projectKey,
      gcEachPage: false,
    };
    const unchanged = await measuredRun(input, lw.url, 'unchanged');
    const changes = changedPairs(skus);
    await runLimited(changes, 16, async (pair) => {
      const i = Math.floor(pair / 3);
      const li = pair % 3;
      const set = seededLevel(i, li) + 100;
      await emulatorControl(lw.url, '/stock/adjust', {
        sku: skuOf(i),
        location: LOCATIONS[li],
        set,
      });
    });
    await sellHot(lw, hot);
    const coldSet = seededLevel(cold, 2) + 5;
    await emulatorControl(lw.url, '/stock/adjust', {
      sku: skuOf(cold),
      location: 'Bristol',
      set: coldSet,
    });
    const hotId = entries.get(hot * 3 + 1)?.id as string;
    const coldId = entries.get(cold * 3 + 2)?.id as string;
    const watcher = watch(ctApi, {
      hot: { id: hotId, quantity: seededLevel(hot, 1) - 3 },
      cold: { id: coldId, quantity: coldSet },
    });
    const changed = await measuredRun(input, lw.url, '1% changed + hot sale + cold move');
    const saleToQuantityMs = await watcher.done();
    process.stderr.write(`${JSON.stringify({ unchanged, changed, saleToQuantityMs })}\n`);
    const applied = await updatesApplied(
      ctApi,
      [...entries.values()].map((e) => e.id),
    );

    return {
      bench: 'stock-scale',
      date: new Date().toISOString(),
      node: process.version,
      childNodeFlags: [...deployedNodeFlags(), '--import', 'tsx'],
      skus,
      pairs: skus * 3,
      segmentItems: SEGMENT_ITEMS,
      seedMs,
      expectedSweepCalls: Math.ceil(skus / PAGE) + 1,
      unchanged,
      changed: {
        ...changed,
        changedPairs: changes.length + 2,
        inventoryUpdatesAppliedOnServer: applied,
        saleToQuantityMsFromRunStart: saleToQuantityMs,
      },
    };
  } finally {
    lw.stop();
    ct.child.kill('SIGTERM');
  }
}

if (require.main === module) {
  const skus = Number(process.argv[2] ?? 500_000);
  runStockScaleBench(skus)
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
