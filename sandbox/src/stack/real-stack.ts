import { existsSync, readFileSync } from 'node:fs';

import { createCtApi, toCtConfig } from 'shared';

import { AppProcess } from './app-process';
import { EventPump } from './event-pump';
import { LocalCron } from './local-cron';
import { LogSink } from './log-sink';
import { APP_NAMES, type AppName, appEnv, sandboxFlowSettings } from './stack-env';

/** Reads `KEY=value` lines (quotes stripped, `#` comments skipped) of a `.env` file. */
export function parseDotEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const key = line
      .slice(0, at)
      .replace(/^export\s+/, '')
      .trim();
    let value = line.slice(at + 1).trim();
    if (
      (value.startsWith('"') && value.endsWith('"')) ||
      (value.startsWith("'") && value.endsWith("'"))
    ) {
      value = value.slice(1, -1);
    }
    env[key] = value;
  }

  return env;
}

/** The `.env` of real credentials, if one exists and names a commercetools client. */
export function readRealEnv(file: string): Record<string, string> | undefined {
  if (!existsSync(file)) return undefined;
  const env = parseDotEnv(readFileSync(file, 'utf8'));

  return env.CTP_CLIENT_ID ? env : undefined;
}

export interface RealStack {
  apps: Record<AppName, AppProcess>;
  pump: EventPump;
  cron: LocalCron;
  logs: LogSink;
  stop(): Promise<void>;
}

/**
 * The same four apps against a real commercetools project and Linnworks account: no servers,
 * no seeding. The pump polls the project's orders (a laptop cannot receive Pub/Sub pushes) and
 * the cron triggers the jobs. The flow settings default to the sandbox's, override them in `.env`.
 */
export async function startRealStack(
  fileEnv: Record<string, string>,
  ports: Record<AppName, number>,
  options: { pumpIntervalMs: number; cronIntervalMs: number; logDir: string },
): Promise<RealStack> {
  const logs = new LogSink(options.logDir);
  const env = { ...sandboxFlowSettings(), ...fileEnv };
  const apps = Object.fromEntries(
    APP_NAMES.map((app) => [
      app,
      new AppProcess(app, ports[app], { ...appEnv(app), ...env }, logs),
    ]),
  ) as Record<AppName, AppProcess>;
  await Promise.all(Object.values(apps).map((a) => a.start()));
  const ct = createCtApi(
    toCtConfig({
      CTP_PROJECT_KEY: env.CTP_PROJECT_KEY ?? '',
      CTP_CLIENT_ID: env.CTP_CLIENT_ID ?? '',
      CTP_CLIENT_SECRET: env.CTP_CLIENT_SECRET ?? '',
      CTP_SCOPE: env.CTP_SCOPE,
      CTP_REGION: env.CTP_REGION ?? 'europe-west1.gcp',
      CTP_API_URL: env.CTP_API_URL,
      CTP_AUTH_URL: env.CTP_AUTH_URL,
    }),
  );
  const pump = new EventPump({
    api: ct,
    projectKey: env.CTP_PROJECT_KEY ?? '',
    targets: () => [`${apps['order-sync'].url}/event`],
    intervalMs: options.pumpIntervalMs,
    since: new Date().toISOString(),
    onDelivery: (d) => logs.add('event-pump', JSON.stringify({ message: 'delivered', ...d })),
  });
  const cron = new LocalCron({
    jobs: () => ({
      'stock-sync': `${apps['stock-sync'].url}/job`,
      'fulfillment-sync': `${apps['fulfillment-sync'].url}/job`,
      'sync-scheduler': `${apps['sync-scheduler'].url}/job`,
    }),
    intervalMs: options.cronIntervalMs,
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
  });
  pump.start();
  cron.start();

  return {
    apps,
    pump,
    cron,
    logs,
    async stop() {
      pump.stop();
      cron.stop();
      await cron.idle();
      await Promise.all(Object.values(apps).map((a) => a.stop()));
    },
  };
}
