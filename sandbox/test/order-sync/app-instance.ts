import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { type CtConfig } from 'shared';
import { ctTestEnv } from 'shared/testing';

import type { RunningLinnworksEmulator } from '../../linnworks-emulator/src';

const root = path.join(__dirname, '..', '..', '..');

export interface AppInstance {
  child: ChildProcess;
  url: string;
}

/** Starts an app's real main (`<app>/src/index.ts`) as its own process; resolves with its URL. */
export function startAppInstance(app: string, env: Record<string, string>): Promise<AppInstance> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['src/index.ts'], {
    cwd: path.join(root, app),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${app} did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}` });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`${app} exited (${code}): ${out}`)));
  });
}

/**
 * The environment of an app process against a test world: the commercetools test server's project,
 * the emulator's credentials, one store mapping, logs at info, any port; `extra` adds or replaces.
 */
export function appProcessEnv(
  world: { ctConfig: CtConfig; emulator: RunningLinnworksEmulator },
  extra: Record<string, string> = {},
): Record<string, string> {
  const c = world.emulator.credentials;

  return {
    ...ctTestEnv(world.ctConfig),
    LINNWORKS_APPLICATION_ID: c.applicationId,
    LINNWORKS_APPLICATION_SECRET: c.applicationSecret,
    LINNWORKS_INSTALLATION_TOKEN: c.installationToken,
    LINNWORKS_AUTH_URL: world.emulator.authUrl,
    ORDER_STORE_MAPPING: '{"_none":{"subSource":"web","location":"Default"}}',
    LOG_LEVEL: 'info',
    PORT: '0',
    ...extra,
  };
}

/** POSTs a push delivery to an app process's `/event` and answers its HTTP status (body read). */
export async function deliverEvent(url: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/event`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();

  return res.status;
}
