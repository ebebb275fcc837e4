// order-sync peak throughput per Linnworks tenant (issue #19), Linnworks rate limits ON:
// `cd sandbox && npx tsx bench/order-sync-throughput.bench.ts [orders]`. One order-sync instance
// behind real HTTP with its default share of the tenant's limits; the commercetools test server
// and the Linnworks emulator (a fresh one per run, so each starts with an empty window) in their
// own processes. Deliveries answered 503 are redelivered after 1 s, as Pub/Sub would.
import type { AddressInfo } from 'node:net';

import axios from 'axios';
import { createApp, orderSyncClientOptions } from 'order-sync';
import {
  appRateBudget,
  createCtApi,
  createLogger,
  createOrderSync,
  type CtApi,
  LinnworksClient,
} from 'shared';
import { toPubSubPush } from 'shared/testing';
import { defaultEmulatorCredentials } from '../linnworks-emulator/src/emulator-options';
import { seedProducts, TEST_SETTINGS } from '../test/order-sync/order-sync.harness';
import { emulatorControl, startCtMock, startEmulatorProcess } from './bench-servers';
import { importOrders, percentile, runLimited, SKUS } from './order-sync.bench';

export interface ThroughputRun {
  batching: boolean;
  concurrency: number;
  orders: number;
}

const REDELIVERY_MS = 1_000;

async function importMany(api: CtApi, count: number, prefix: string) {
  const orders: Array<{ id: string; version: number }> = [];
  await runLimited(
    Array.from({ length: count }, (_, k) => k),
    8,
    async (k) => {
      orders.push(...(await importOrders(api, 1, `${prefix}${k}`)));
    },
  );

  return orders;
}

/** A Linnworks client as the event app builds it (its share of the tenant), counting 429s. */
function countingClient(authUrl: string, counter: { tooMany: number }) {
  const http = axios.create();
  http.interceptors.response.use((response) => {
    if (response.status === 429) counter.tooMany++;

    return response;
  });
  const config = { ...defaultEmulatorCredentials, authUrl };

  return new LinnworksClient({
    config,
    logger: createLogger({ name: 'bench', level: 'error' }),
    ...orderSyncClientOptions.linnworks,
    http,
    rateBudget: appRateBudget('order-sync', config),
  });
}

async function oneRun(ctUrl: string, run: ThroughputRun): Promise<Record<string, unknown>> {
  const emulator = await startEmulatorProcess();
  try {
    await emulatorControl(emulator.url, '/options', { rateLimits: true });
    await emulatorControl(emulator.url, '/items', {
      items: SKUS.map((sku) => ({ sku, stock: { Default: 10_000_000 } })),
    });
    const ctConfig = { projectKey: 'order-bench', clientId: 'id', clientSecret: 'secret' };
    const ct = { ...ctConfig, scopes: undefined, apiUrl: ctUrl, authUrl: ctUrl };
    const api = createCtApi(ct, { maxRetries: 0 });
    const prefix = `P${run.batching ? 'B' : 'U'}${run.concurrency}-`;
    const orders = await importMany(api, run.orders, prefix);
    const counter = { tooMany: 0 };
    const logger = createLogger({ name: 'order-sync-bench', level: 'error' });
    const batch = run.batching ? { windowMs: 200, maxSize: 20 } : { windowMs: 0, maxSize: 1 };
    const clients = {
      ct: createCtApi(ct, orderSyncClientOptions.ct),
      linnworks: countingClient(emulator.authUrl, counter),
      logger,
    };
    const orderSync = createOrderSync(clients, { ...TEST_SETTINGS, batch });
    const server = createApp({ logger, handleMessage: orderSync.handle }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/event`;
    const acks: number[] = [];
    const doneAt: number[] = [];
    let retries = 0;
    const start = performance.now();
    await runLimited(orders, run.concurrency, async (o) => {
      const message = { notificationType: 'Message', resource: { typeId: 'order', id: o.id } };
      const body = JSON.stringify(toPubSubPush({ ...message, type: 'OrderCreated' }, o.id));
      for (;;) {
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'json' } });
        await res.text();
        acks.push(performance.now() - t0);
        if (res.status < 300) break;
        retries++;
        await new Promise((r) => setTimeout(r, REDELIVERY_MS));
      }
      doneAt.push(performance.now() - start);
    });
    const seconds = (performance.now() - start) / 1000;
    server.close();
    const calls = (await emulatorControl(emulator.url, '/calls')) as Record<string, number>;
    const created = ((await emulatorControl(emulator.url, '/orders')) as unknown[]).length;
    const total = Object.entries(calls)
      .filter(([e]) => !e.startsWith('Auth/'))
      .reduce((sum, [, n]) => sum + n, 0);
    // Sustained: the sliding window lets a fresh share burst through its first minute's calls
    // at once, so a short run overstates the rate. Count only whole minutes after the first.
    const fullMinutes = Math.floor((seconds - 60) / 60);
    const inFullMinutes = doneAt.filter((t) => t > 60_000 && t <= 60_000 + fullMinutes * 60_000);

    return {
      ...run,
      linnworksOrders: created,
      seconds: Number(seconds.toFixed(1)),
      newOrdersPerSecond: Number((run.orders / seconds).toFixed(1)),
      sustainedOrdersPerSecond:
        fullMinutes >= 1 ? Number((inFullMinutes.length / (fullMinutes * 60)).toFixed(1)) : null,
      sustainedOverMinutes: Math.max(0, fullMinutes),
      linnworksCallsPerOrder: Number((total / run.orders).toFixed(3)),
      calls,
      http429: counter.tooMany,
      redeliveries503: retries,
      ackMs: { p50: percentile(acks, 50), p99: percentile(acks, 99), max: percentile(acks, 100) },
    };
  } finally {
    emulator.stop();
  }
}

export async function runOrderSyncThroughputBench(
  runs: ThroughputRun[],
): Promise<Array<Record<string, unknown>>> {
  const ct = await startCtMock();
  try {
    const api = createCtApi(
      {
        projectKey: 'order-bench',
        clientId: 'id',
        clientSecret: 'secret',
        scopes: undefined,
        apiUrl: ct.url,
        authUrl: ct.url,
      },
      { maxRetries: 0 },
    );
    await seedProducts(api, SKUS, 'bench');
    const results: Array<Record<string, unknown>> = [];
    for (const run of runs) results.push(await oneRun(ct.url, run));

    return results;
  } finally {
    ct.child.kill('SIGTERM');
  }
}

if (require.main === module) {
  const orders = Number(process.argv[2] ?? 5_000);
  const concurrency = Number(process.argv[3] ?? 32);
  const batching = process.argv[4] !== 'off';
  runOrderSyncThroughputBench([{ batching, concurrency, orders }])
    .then((r) => {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
