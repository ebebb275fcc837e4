// `npm run bench`: runs every flow's benchmark and writes docs/benchmarks.md from the runs.
// BENCH_QUICK=1 runs small sizes (a smoke run); BENCH_ONLY=order-sync,stock-sync picks flows.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { format, resolveConfig } from 'prettier';

import { createLogger } from 'shared';

import { rateBudgetDrill } from '../src/drills/rate-budget-drill';
import { runFulfillmentHistoryBench } from './fulfillment-history.bench';
import { runFulfillmentSyncBench } from './fulfillment-sync.bench';
import { runOrderSyncBench } from './order-sync.bench';
import { runOrderSyncThroughputBench } from './order-sync-throughput.bench';
import { runStockScaleBench } from './stock-scale.bench';
import { runStockSyncBench } from './stock-sync.bench';

const DOC = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
/** Where to write (default: docs/benchmarks.md); the prose is always read from DOC. */
const TARGET = process.env.BENCH_DOC ?? DOC;
const quick = process.env.BENCH_QUICK === '1';
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

/** Documented Linnworks limits (reference §7): calls per minute per endpoint, items per call. */
const LIMITS = {
  createOrdersPerMin: 150,
  stockItemsFullPerMin: 150,
  stockPageSize: 200,
  processedSearchPerMin: 150,
  processedPageSize: 200,
};

interface FlowBench {
  flow: string;
  run: () => Promise<Record<string, unknown>>;
  /** Theoretical minimum / rate-limit bound of each headline figure, as table rows. */
  bounds: () => string[][];
}

const minutes = (calls: number, perMin: number) =>
  `${calls} calls → ≥ ${((calls / perMin) * 60).toFixed(0)} s at ${perMin}/min`;

const FLOWS: FlowBench[] = [
  {
    flow: 'order-sync',
    run: () => runOrderSyncBench(quick ? 50 : 300),
    bounds: () => [
      [
        'new orders per second',
        `≤ ${(LIMITS.createOrdersPerMin / 60).toFixed(2)} with one order per call; ≤ ${((LIMITS.createOrdersPerMin * 20) / 60).toFixed(0)} with batches of 20 (see "order-sync peak")`,
      ],
      [
        'Linnworks calls per new order',
        '0.1 minimum with full batches (CreateOrders + one GetOrdersById read-back per 20 orders); 2 unbatched',
      ],
    ],
  },
  {
    flow: 'order-sync peak',
    run: async () => {
      const runs = await runOrderSyncThroughputBench(
        quick
          ? [{ batching: true, concurrency: 32, orders: 300 }]
          : [
              { batching: true, concurrency: 32, orders: 5_000 },
              { batching: true, concurrency: 8, orders: 1_000 },
              { batching: false, concurrency: 8, orders: 300 },
            ],
      );

      return Object.fromEntries(
        runs.map((r) => [`${r.batching ? 'batched' : 'unbatched'}_c${String(r.concurrency)}`, r]),
      );
    },
    bounds: () => [
      [
        'new orders per second per tenant, rate limits on',
        `≤ ${((LIMITS.createOrdersPerMin * 20) / 60).toFixed(0)} (CreateOrders ${LIMITS.createOrdersPerMin}/min × 20 orders); order-sync's default share of 123 calls a minute (121 per 61 s) carries 40`,
      ],
      ['429 answers', '0: the app keeps to its share; a spent share answers 503 early'],
      ['p99 acknowledgement', '< 5 s goal; ≤ window 0.2 s + budget wait 2 s + two calls'],
    ],
  },
  {
    flow: 'stock-sync',
    run: () => runStockSyncBench(quick ? [2_000] : [10_000, 50_000, 100_000]),
    bounds: () =>
      [10_000, 50_000, 100_000].map((n) => [
        `sweep of ${n.toLocaleString('en')} SKUs`,
        `GetStockItemsFull pages of ${LIMITS.stockPageSize}: ${minutes(Math.ceil(n / LIMITS.stockPageSize), LIMITS.stockItemsFullPerMin)}; 0 inventory writes when nothing changed`,
      ]),
  },
  {
    flow: 'stock-scale',
    run: () => runStockScaleBench(quick ? 5_000 : Number(process.env.BENCH_STOCK_SKUS ?? 500_000)),
    bounds: () => [
      [
        'calls per full sweep at 500k SKUs',
        `ceil(500,000 / ${LIMITS.stockPageSize}) + 1 end page = 2,501 GetStockItemsFull (+ per lane pass: 1 GetOpenOrders per location, ceil(hot / 100) GetStockLevel_Batch)`,
      ],
      ['inventory writes', 'exactly the changed pairs (0 when nothing changed)'],
      ['peak RSS of the sync process', '< 300 MB with the `start` script flags (goal of #14)'],
      [
        'sale → commercetools quantity',
        'hot SKU: the next lane pass (next run start, cron 5 min; every 4 min inside a long run); cold SKU: ≤ one sweep (2,501 calls at stock-sync’s GetStockItemsFull share)',
      ],
    ],
  },
  {
    flow: 'fulfillment-sync',
    run: () => {
      if (quick) process.env.BENCH_ORDERS ??= '500';

      return runFulfillmentSyncBench();
    },
    bounds: () => [
      [
        'run over 10,000 processed orders',
        `SearchProcessedOrders pages of ${LIMITS.processedPageSize}: ${minutes(Math.ceil(10_000 / LIMITS.processedPageSize), LIMITS.processedSearchPerMin)}; 1 commercetools update per shipped order`,
      ],
    ],
  },
  {
    flow: 'fulfillment-history',
    run: () => {
      if (quick) process.env.BENCH_HISTORY ??= '500,2000';

      return runFulfillmentHistoryBench();
    },
    bounds: () => [
      [
        'Linnworks calls per run',
        '≤ ceil(open / 100) GetOrdersById (progress of open orders; changed orders ride in the same batches) + the feed pages; independent of the closed history',
      ],
    ],
  },
  {
    flow: 'rate-budget',
    run: async () => {
      const seconds = quick ? 65 : Number(process.env.DRILL_SECONDS ?? 75);
      const control = process.env.BENCH_RATE_CONTROL === '1';
      const results = await rateBudgetDrill(createLogger({ name: 'bench', level: 'silent' }), {
        seconds,
        control,
      });

      return Object.fromEntries(results.map((r) => [r.mode, r]));
    },
    bounds: () => [
      [
        '429 answers while all four apps call at once',
        '0: each app keeps to its share; the shares of every endpoint add up to ≤ its documented limit',
      ],
    ],
  },
];

/** The prose each flow engineer wrote under `## <flow>` in the current file (kept as is). */
function existingSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(DOC)) return sections;
  const text = readFileSync(DOC, 'utf8');
  const parts = text.split(/^## /m).slice(1);
  for (const part of parts) {
    const [heading = '', ...rest] = part.split('\n');
    const body = rest.join('\n').split(/^### Latest `npm run bench`/m)[0] ?? '';
    sections.set(heading.trim(), body.trim());
  }

  return sections;
}

/** Flattens a result object to `key.path | value` rows (arrays indexed). */
function flatten(value: unknown, prefix = ''): string[][] {
  if (value === null || typeof value !== 'object') return [[prefix, String(value)]];
  const rows: string[][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (['date', 'node', 'cpus', 'bench'].includes(k) && prefix === '') continue;
    rows.push(...flatten(v, prefix ? `${prefix}.${k}` : k));
  }

  return rows;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const date = new Date().toISOString().slice(0, 10);
  const prose = existingSections();
  const out: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (sandbox/bench/main.ts) on ${date}: ${machine}.${quick ? ' Quick run (BENCH_QUICK=1, small sizes).' : ''}`,
    'Each flow section keeps its engineer\'s notes; "Latest `npm run bench`" holds the figures of this run beside the',
    'theoretical minimum or the bound the documented Linnworks rate limits impose (reference §7: 150 calls/min per endpoint).',
    'The commercetools test server and the Linnworks emulator run on the same machine, so wall times measure the connector plus',
    'those stand-ins, not the real APIs.',
  ];
  for (const flow of FLOWS) {
    if (only.length && !only.includes(flow.flow)) {
      out.push('', `## ${flow.flow}`, '', prose.get(flow.flow) ?? '(not run)');
      continue;
    }
    console.log(`running ${flow.flow} benchmark...`);
    const started = Date.now();
    let figures: string;
    try {
      const result = await flow.run();
      figures = table(['figure', 'value'], flatten(result));
    } catch (error) {
      figures = `The benchmark failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    out.push(
      '',
      `## ${flow.flow}`,
      '',
      prose.get(flow.flow) ?? '',
      '',
      `### Latest \`npm run bench\` (${date}, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      '',
      table(['figure', 'theoretical minimum / rate-limit bound'], flow.bounds()),
      '',
      figures,
    );
  }
  // Formatted with the repository's Prettier settings, so the generated file passes `npm run lint`.
  const text = `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
  const options = (await resolveConfig(DOC)) ?? {};
  writeFileSync(TARGET, await format(text, { ...options, parser: 'markdown' }));
  console.log(`wrote ${TARGET}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
