// order-sync benchmark: `cd sandbox && npx tsx bench/order-sync.bench.ts [orders]`.
// The commercetools test server and the Linnworks emulator run in their own processes; the
// order-sync app runs here, behind real HTTP, as one instance.
import type { AddressInfo } from 'node:net';

import { createApp, orderSyncClientOptions } from 'order-sync';
import { createCtApi, createLogger, createOrderSync, type CtApi, LinnworksClient } from 'shared';
import { toPubSubPush, unlimitedRateBudget } from 'shared/testing';
import { defaultEmulatorCredentials } from '../linnworks-emulator/src/emulator-options';
import { emulatorControl, startCtMock, startEmulatorProcess } from './bench-servers';
import { seedProducts, TEST_SETTINGS } from '../test/order-sync/order-sync.harness';

export const SKUS = ['BENCH-A', 'BENCH-B', 'BENCH-C'];

export async function importOrders(
  api: CtApi,
  count: number,
  prefix: string,
): Promise<Array<{ id: string; version: number }>> {
  const orders: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < count; i++) {
    const address = {
      country: 'DE',
      firstName: 'B',
      lastName: 'Bench',
      streetName: 'Weg',
      streetNumber: '1',
      postalCode: '10115',
      city: 'Berlin',
    };
    const res = await api
      .orders()
      .importOrder()
      .post({
        body: {
          orderNumber: `${prefix}-${i}`,
          totalPrice: { currencyCode: 'EUR', centAmount: 0 },
          paymentState: 'Paid',
          shippingAddress: address,
          lineItems: SKUS.slice(0, 2 + (i % 2)).map((sku, n) => ({
            variant: { sku },
            name: { en: sku },
            price: { value: { currencyCode: 'EUR', centAmount: 999 + n * 250 + i } },
            quantity: 1 + (i % 3),
            taxRate: { name: 'vat', amount: 0.19, includedInPrice: true, country: 'DE' },
          })),
        },
      })
      .execute();
    orders.push({ id: res.body.id, version: res.body.version });
  }

  return orders;
}

export async function runLimited<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);

  return Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2),
  );
}

/** Records the time spent waiting on Linnworks calls, as intervals, to subtract from wall time. */
function timed<T extends object>(target: T, intervals: Array<[number, number]>): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;

      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
        } finally {
          intervals.push([start, performance.now()]);
        }
      };
    },
  });
}

function unionMs(intervals: Array<[number, number]>, from: number, to: number): number {
  const inside = intervals.filter(([s, e]) => s >= from && e <= to).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of inside) {
    if (s > end) {
      total += e - s;
      end = e;
    } else if (e > end) {
      total += e - end;
      end = e;
    }
  }

  return total;
}

export async function runOrderSyncBench(count = 300): Promise<Record<string, unknown>> {
  const ct = await startCtMock();
  const emulator = await startEmulatorProcess();
  try {
    await emulatorControl(emulator.url, '/options', { rateLimits: false });
    await emulatorControl(emulator.url, '/items', {
      items: SKUS.map((sku) => ({ sku, stock: { Default: 1_000_000 } })),
    });
    const ctConfig = {
      projectKey: 'order-bench',
      clientId: 'id',
      clientSecret: 'secret',
      scopes: undefined,
      apiUrl: ct.url,
      authUrl: ct.url,
    };
    const api = createCtApi(ctConfig, { maxRetries: 0 });
    await seedProducts(api, SKUS, 'bench');
    const logger = createLogger({ name: 'order-sync-bench', level: 'error' });
    const intervals: Array<[number, number]> = [];
    let ctLatency = 0;
    // The event app's clients, as it builds them, timed where they call out.
    const ctFetch: typeof fetch = async (input, init) => {
      const start = performance.now();
      try {
        if (ctLatency) await new Promise((r) => setTimeout(r, ctLatency));

        return await fetch(input, init);
      } finally {
        intervals.push([start, performance.now()]);
      }
    };
    const linnworks = new LinnworksClient({
      config: { ...defaultEmulatorCredentials, authUrl: emulator.authUrl },
      logger,
      ...orderSyncClientOptions.linnworks,
      rateBudget: unlimitedRateBudget,
    });
    const orderSync = createOrderSync(
      {
        ct: createCtApi(ctConfig, { ...orderSyncClientOptions.ct, fetch: ctFetch }),
        linnworks: timed(linnworks, intervals),
        logger,
      },
      TEST_SETTINGS,
    );
    const app = createApp({ logger, handleMessage: orderSync.handle });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/event`;
    const post = async (o: { id: string; version: number }, n: number) => {
      const body = toPubSubPush(
        {
          notificationType: 'Message',
          resource: { typeId: 'order', id: o.id },
          resourceVersion: o.version,
          type: 'OrderCreated',
          id: `m-${n}`,
        },
        `m-${n}`,
      );
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`delivery answered ${res.status}`);
    };

    // Warm up (session, SKU cache, JIT).
    const warm = await importOrders(api, 20, 'W');
    for (const [i, o] of warm.entries()) await post(o, i);

    const results: Record<string, unknown> = {
      machine: '2 cores, Node ' + process.versions.node,
      date: new Date().toISOString().slice(0, 10),
      orders: count,
    };
    for (const concurrency of [1, 8]) {
      const orders = await importOrders(api, count, `T${concurrency}`);
      const start = performance.now();
      await runLimited(
        orders.map((o, i) => ({ o, i })),
        concurrency,
        ({ o, i }) => post(o, i),
      );
      const seconds = (performance.now() - start) / 1000;
      results[`newOrdersPerSecond_c${concurrency}`] = Number((count / seconds).toFixed(1));
      const dupStart = performance.now();
      await runLimited(
        orders.map((o, i) => ({ o, i })),
        concurrency,
        ({ o, i }) => post(o, i),
      );
      results[`duplicateDeliveriesPerSecond_c${concurrency}`] = Number(
        (count / ((performance.now() - dupStart) / 1000)).toFixed(1),
      );
    }

    // Handler overhead with upstream latency on: Linnworks 20 ms per call (emulator fault),
    // commercetools +10 ms per HTTP request (added in front of each request the SDK sends).
    await emulatorControl(emulator.url, '/faults', {
      kind: 'latency',
      endpoint: '*',
      latencyMs: 20,
    });
    ctLatency = 10;
    const latencyOrders = await importOrders(api, Math.min(count, 200), 'L');
    const overhead: number[] = [];
    const wall: number[] = [];
    const handle = orderSync.handle;
    for (const o of latencyOrders) {
      const t0 = performance.now();
      await handle({
        notificationType: 'Message',
        resource: { typeId: 'order', id: o.id },
        type: 'OrderCreated',
      });
      const t1 = performance.now();
      wall.push(t1 - t0);
      overhead.push(t1 - t0 - unionMs(intervals, t0, t1));
    }
    results.latencyWallMs = { p50: percentile(wall, 50), p99: percentile(wall, 99) };
    results.handlerOverheadMs = { p50: percentile(overhead, 50), p99: percentile(overhead, 99) };
    const calls = (await emulatorControl(emulator.url, '/calls', undefined, 'GET')) as Record<
      string,
      number
    >;
    results.linnworksCallsTotal = calls;
    server.close();

    return results;
  } finally {
    emulator.stop();
    ct.child.kill('SIGTERM');
  }
}

if (require.main === module) {
  runOrderSyncBench(Number(process.argv[2] ?? 300))
    .then((r) => {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
