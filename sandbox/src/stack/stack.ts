import { existsSync } from 'node:fs';
import path from 'node:path';

import { type Alert, type CtApi, createCtApi } from 'shared';

import {
  type EmulatorOptions,
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';
import {
  type ReceivedAlert,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../alerts/webhook-receiver';
import { SANDBOX_PROJECT_KEY } from '../seed/catalog';
import { seedCommercetools } from '../seed/ct-seed';
import { seedLinnworks } from '../seed/linnworks-seed';
import { AppProcess, REPO_ROOT, runAppScript } from './app-process';
import { type CtFront, startCtFront } from './ct-front';
import { type RunningCtServer, startCtServer } from './ct-server';
import { EventPump } from './event-pump';
import { freePort } from './free-port';
import { LocalCron } from './local-cron';
import { LogSink } from './log-sink';
import { type AppName, appEnv, connectorEnv, SANDBOX_CT_CLIENT } from './stack-env';

export interface StackOptions {
  /** Fixed ports (npm start); 0 or absent = free ports (demo, drills, tests). */
  ports?: Partial<
    Record<'ct' | 'front' | 'linnworks' | 'linnworksAuth' | 'alerts' | AppName, number>
  >;
  /** How many order-sync processes receive the pump's deliveries. */
  orderSyncInstances?: number;
  pumpIntervalMs?: number;
  /** 0 leaves the cron off (the demo triggers runs itself). */
  cronIntervalMs?: number;
  emulatorOptions?: Partial<EmulatorOptions>;
  logDir?: string;
  /** Extra env for every app (e.g. LOG_LEVEL). */
  extraEnv?: Record<string, string>;
}

export interface Stack {
  projectKey: string;
  ctServer: RunningCtServer;
  front: CtFront;
  emulator: RunningLinnworksEmulator;
  /** The sandbox's own commercetools client (straight to the test server, no faults). */
  ct: CtApi;
  env: Record<string, string>;
  orderSyncs: AppProcess[];
  apps: Record<Exclude<AppName, 'order-sync'>, AppProcess>;
  pump: EventPump;
  cron: LocalCron;
  logs: LogSink;
  /** The alert webhook every app posts to (a merchant's Slack or endpoint, locally). */
  alerts: WebhookReceiver;
  /** Starts one more order-sync process (drills). */
  addOrderSync(): Promise<AppProcess>;
  stop(): Promise<void>;
}

/** The alert webhook's HMAC key in the sandbox (the receiver checks every signature). */
export const SANDBOX_ALERT_SECRET = 'sandbox-alert-signing-key-7c41';

/** One log line per alert received, as the console shows it. */
function alertLine(received: ReceivedAlert): string {
  const a = received.body as Partial<Alert>;

  return JSON.stringify({
    level: a.status === 'resolved' ? 30 : 40,
    message: `alert ${a.status ?? '?'}: ${a.title ?? '(not a connector alert)'}`,
    condition: a.condition,
    count: a.count,
    signature: received.signature,
    more: a.link?.url ?? a.link?.route,
  });
}

async function portFor(wanted: number | undefined): Promise<number> {
  return wanted && wanted > 0 ? wanted : freePort();
}

/** Runs an app's post-deploy as Connect does after a deploy, if the app has one. */
async function postDeploy(app: AppName, env: Record<string, string>, logs: LogSink): Promise<void> {
  if (!existsSync(path.join(REPO_ROOT, app, 'build', 'connector', 'post-deploy.js'))) return;
  const code = await runAppScript(app, path.join('connector', 'post-deploy.js'), env, logs);
  if (code !== 0) throw new Error(`${app} post-deploy exited with ${code}`);
}

/**
 * The whole connector on one machine: commercetools test server (+ the front that adds token
 * introspection and fault injection), Linnworks emulator, both seeded; the four apps as child
 * processes from their build output; the event pump and the local cron.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const closers: Array<() => Promise<void>> = [];
  try {
    return await buildStack(options, closers);
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
}

async function buildStack(
  options: StackOptions,
  closers: Array<() => Promise<void>>,
): Promise<Stack> {
  const ports = options.ports ?? {};
  const logs = new LogSink(options.logDir);
  const projectKey = SANDBOX_PROJECT_KEY;
  const ctServer = await startCtServer(ports.ct ?? 0);
  closers.push(() => ctServer.close());
  const front = await startCtFront({
    upstream: ctServer.url,
    port: ports.front ?? 0,
    introspectors: [SANDBOX_CT_CLIENT],
    enforceScopes: true,
  });
  closers.push(() => front.close());
  const emulator = await startLinnworksEmulator({
    port: ports.linnworks ?? 0,
    authPort: ports.linnworksAuth ?? 0,
    ...(options.emulatorOptions ? { options: options.emulatorOptions } : {}),
  });
  closers.push(() => emulator.close());
  const ct = createCtApi(
    {
      projectKey,
      clientId: 'sandbox-operator',
      clientSecret: 'sandbox-operator',
      scopes: [`manage_project:${projectKey}`],
      apiUrl: ctServer.url,
      authUrl: ctServer.url,
    },
    { timeoutMs: 15_000, maxRetries: 2 },
  );
  const ctSeed = await seedCommercetools(ct);
  const lwSeed = seedLinnworks(emulator.control);
  logs.add(
    'sandbox',
    JSON.stringify({ message: 'seeded', commercetools: ctSeed, linnworks: lwSeed }),
  );

  const alerts = await startWebhookReceiver({
    secret: SANDBOX_ALERT_SECRET,
    ...(ports.alerts ? { port: ports.alerts } : {}),
  });
  closers.push(() => alerts.close());
  alerts.onAlert((received) => logs.add('alerts', alertLine(received)));
  const adminPort = await portFor(ports['sync-admin']);
  const env = {
    ...connectorEnv({
      projectKey,
      ctApiUrl: front.url,
      ctAuthUrl: front.url,
      ctClient: SANDBOX_CT_CLIENT,
      linnworks: { authUrl: emulator.authUrl, ...emulator.credentials },
    }),
    ALERT_WEBHOOK_URL: alerts.url,
    ALERT_WEBHOOK_SECRET: SANDBOX_ALERT_SECRET,
    ALERT_DEPLOYMENT_NAME: 'sandbox',
    ALERT_ADMIN_URL: `http://localhost:${adminPort}`,
    ...options.extraEnv,
  };
  const deployEnv = {
    ...env,
    CONNECT_GCP_PROJECT_ID: 'local-sandbox',
    CONNECT_GCP_TOPIC_NAME: 'order-sync',
  };
  await postDeploy('order-sync', deployEnv, logs);
  await postDeploy('fulfillment-sync', deployEnv, logs);

  const make = async (app: AppName, label: string = app) =>
    new AppProcess(
      app,
      app === 'sync-admin' ? adminPort : await portFor(label === app ? ports[app] : 0),
      { ...env, ...appEnv(app) },
      logs,
      label,
    );
  const orderSyncs: AppProcess[] = [];
  for (let i = 0; i < (options.orderSyncInstances ?? 1); i += 1) {
    orderSyncs.push(await make('order-sync', i === 0 ? 'order-sync' : `order-sync#${i + 1}`));
  }
  const apps = {
    'stock-sync': await make('stock-sync'),
    'fulfillment-sync': await make('fulfillment-sync'),
    'sync-scheduler': await make('sync-scheduler'),
    'sync-admin': await make('sync-admin'),
  };
  const all = [...orderSyncs, ...Object.values(apps)];
  closers.push(() => Promise.all(all.map((a) => a.stop())).then(() => undefined));
  await Promise.all(all.map((a) => a.start()));

  const pump = new EventPump({
    api: ct,
    projectKey,
    targets: () => orderSyncs.filter((a) => a.running).map((a) => `${a.url}/event`),
    intervalMs: options.pumpIntervalMs ?? 1000,
    onDelivery: (d) => logs.add('event-pump', JSON.stringify({ message: 'delivered', ...d })),
  });
  const cron = new LocalCron({
    jobs: () => ({
      'stock-sync': `${apps['stock-sync'].url}/job`,
      'fulfillment-sync': `${apps['fulfillment-sync'].url}/job`,
      'sync-scheduler': `${apps['sync-scheduler'].url}/job`,
    }),
    intervalMs: options.cronIntervalMs ?? 0,
    onRun: (run) =>
      logs.add(
        'cron',
        JSON.stringify({
          message: 'job run',
          job: run.job,
          status: run.status,
          report: run.report,
        }),
      ),
    onError: (job, error) =>
      logs.add('cron', JSON.stringify({ message: 'job run failed', job, error: String(error) })),
  });
  if (options.pumpIntervalMs !== 0) pump.start();
  if (options.cronIntervalMs) cron.start();

  let stopped = false;

  return {
    projectKey,
    ctServer,
    front,
    emulator,
    ct,
    env,
    orderSyncs,
    apps,
    pump,
    cron,
    logs,
    alerts,
    async addOrderSync() {
      const app = await make('order-sync', `order-sync#${orderSyncs.length + 1}`);
      await app.start();
      orderSyncs.push(app);

      return app;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      pump.stop();
      cron.stop();
      await cron.idle();
      await Promise.all([...orderSyncs, ...Object.values(apps)].map((a) => a.stop()));
      await emulator.close();
      await front.close();
      await ctServer.close();
      await alerts.close();
    },
  };
}
