// `npm start` at the repository root: the whole connector on one machine until Ctrl-C.
import os from 'node:os';
import path from 'node:path';

import { startMcHarness } from '../mc-harness/mc-harness';
import { stackOrders } from '../mc-harness/stack-orders';
import { viewIsBuilt } from '../mc-harness/view-html';
import { REPO_ROOT } from './app-process';
import { consoleLine } from './console-view';
import { readRealEnv, startRealStack } from './real-stack';
import { startStack } from './stack';
import type { AppName } from './stack-env';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const PORTS = {
  ct: num('SANDBOX_CT_PORT', 8989),
  front: num('SANDBOX_CT_FRONT_PORT', 8990),
  linnworks: num('SANDBOX_LINNWORKS_PORT', 4600),
  linnworksAuth: num('SANDBOX_LINNWORKS_AUTH_PORT', 4599),
  'order-sync': num('SANDBOX_ORDER_SYNC_PORT', 8081),
  'stock-sync': num('SANDBOX_STOCK_SYNC_PORT', 8082),
  'fulfillment-sync': num('SANDBOX_FULFILLMENT_SYNC_PORT', 8083),
  'sync-admin': num('SANDBOX_SYNC_ADMIN_PORT', 8084),
  'sync-scheduler': num('SANDBOX_SYNC_SCHEDULER_PORT', 8085),
  /** The local Merchant Center of the order panel (mc-custom-view). */
  mc: num('SANDBOX_MC_PORT', 3001),
};
const pumpIntervalMs = num('SANDBOX_PUMP_INTERVAL_MS', 1000);
const cronIntervalMs = num('SANDBOX_CRON_INTERVAL_MS', 30_000);
const logDir = path.join(
  os.tmpdir(),
  'ct-linnworks-sandbox',
  new Date().toISOString().replace(/[:.]/g, '-'),
);

function row(what: string, where: string, note = ''): string {
  return `  ${what.padEnd(30)} ${where.padEnd(34)} ${note}`;
}

async function main(): Promise<void> {
  const envFile = process.env.SANDBOX_ENV_FILE ?? path.join(REPO_ROOT, '.env');
  const real = readRealEnv(envFile);
  const appPorts: Record<AppName, number> = {
    'order-sync': PORTS['order-sync'],
    'stock-sync': PORTS['stock-sync'],
    'fulfillment-sync': PORTS['fulfillment-sync'],
    'sync-admin': PORTS['sync-admin'],
    'sync-scheduler': PORTS['sync-scheduler'],
  };
  let stop: () => Promise<void>;
  let mcRow: string | undefined;
  const lines: string[] = [];
  if (real) {
    console.log(
      `Real credentials found in ${envFile}: the apps run against commercetools and Linnworks.`,
    );
    const stack = await startRealStack(real, appPorts, { pumpIntervalMs, cronIntervalMs, logDir });
    stack.logs.onLine((l) => {
      const text = consoleLine(l);
      if (text) console.log(text);
    });
    stop = () => stack.stop();
    lines.push(
      row(
        'commercetools',
        real.CTP_API_URL ?? `region ${real.CTP_REGION ?? 'europe-west1.gcp'}`,
        `project ${real.CTP_PROJECT_KEY ?? '?'}`,
      ),
    );
    lines.push(row('Linnworks', real.LINNWORKS_AUTH_URL ?? 'https://api.linnworks.net'));
    for (const [name, app] of Object.entries(stack.apps))
      lines.push(row(name, app.url, `pid ${app.pid ?? '?'}`));
  } else {
    console.log(
      'Starting the local stack (commercetools test server, Linnworks emulator, four apps)...',
    );
    const adminUrl = `http://127.0.0.1:${PORTS['sync-admin']}`;
    // sync-admin accepts the local Merchant Center's forward-to tokens (the order panel's).
    const mcEnv = {
      MC_CLOUD_IDENTIFIER: `http://localhost:${PORTS.mc}`,
      ADMIN_PUBLIC_URL: adminUrl,
    };
    const stack = await startStack({
      ports: PORTS,
      pumpIntervalMs,
      cronIntervalMs,
      logDir,
      extraEnv: mcEnv,
    });
    stack.logs.onLine((l) => {
      const text = consoleLine(l);
      if (text) console.log(text);
    });
    const harness = viewIsBuilt()
      ? await startMcHarness({
          port: PORTS.mc,
          projectKey: stack.projectKey,
          syncAdminUrl: adminUrl,
          orders: stackOrders(stack),
        })
      : undefined;
    stop = async () => {
      await harness?.close();
      await stack.stop();
    };
    mcRow = harness
      ? row(
          'Merchant Center (order panel)',
          `${harness.url}/`,
          'open an order, then Linnworks sync',
        )
      : row('Merchant Center (order panel)', 'not built', 'npm run custom-view:build');
    lines.push(row('commercetools test server', stack.ctServer.url, `project ${stack.projectKey}`));
    lines.push(
      row('commercetools front (apps use)', stack.front.url, 'API + OAuth + /oauth/introspect'),
    );
    lines.push(row('Linnworks emulator', stack.emulator.url, 'control API under /_emulator'));
    lines.push(row('Linnworks emulator auth', stack.emulator.authUrl, 'LINNWORKS_AUTH_URL'));
    lines.push(
      row(
        'alert webhook receiver',
        stack.alerts.url,
        'ALERT_WEBHOOK_URL; alerts print as [alerts]',
      ),
    );
    for (const app of stack.orderSyncs)
      lines.push(row(app.name, `${app.url}/event`, `pid ${app.pid ?? '?'}`));
    for (const [name, app] of Object.entries(stack.apps)) {
      const endpoint = name === 'sync-admin' ? '/service' : '/job';
      lines.push(row(name, `${app.url}${endpoint}`, `pid ${app.pid ?? '?'}`));
    }
  }
  if (mcRow) lines.push(mcRow);
  lines.push(
    row('event pump', `every ${pumpIntervalMs} ms`, 'order changes -> Pub/Sub push -> order-sync'),
  );
  lines.push(
    row(
      'local cron',
      `every ${cronIntervalMs} ms`,
      'POST /job on stock-sync, fulfillment-sync, sync-scheduler',
    ),
  );
  lines.push(row('logs', logDir));
  console.log(['', 'What runs where:', ...lines, '', 'Ctrl-C stops everything.', ''].join('\n'));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping every child process...`);
    stop()
      .then(() => {
        console.log('Stopped.');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The stack did not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
