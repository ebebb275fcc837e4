import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ctTestApi, ctTestConfig, ctTestEnv } from 'shared/testing';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';

// Post-deploy and config:check as processes, as Connect and a merchant run them: the app's own
// scripts from its folder (sources through tsx, as the lifecycle-scripts test does).
const root = path.join(__dirname, '..', '..', '..');
let emulator: RunningLinnworksEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startLinnworksEmulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-check-'));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs node without blocking this process: the emulator answers from here. */
function node(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const options = { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 };
    execFile(process.execPath, args, options, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

const run = (app: string, script: string, args: string[], env: Record<string, string>) =>
  node(['--import', 'tsx', `src/connector/${script}.ts`, ...args], path.join(root, app), env);

function writeEnvFile(name: string, env: Record<string, string>): string {
  const file = path.join(dir, name);
  const lines = Object.entries(env).map(([k, v]) => `${k}='${v}'`);
  fs.writeFileSync(file, `# a deployment's configuration\n${lines.join('\n')}\n`);

  return file;
}

const config = ctTestConfig();
const linnworksEnv = () => ({
  LINNWORKS_APPLICATION_ID: emulator.credentials.applicationId,
  LINNWORKS_APPLICATION_SECRET: emulator.credentials.applicationSecret,
  LINNWORKS_INSTALLATION_TOKEN: emulator.credentials.installationToken,
  LINNWORKS_AUTH_URL: emulator.authUrl,
});
/** Three problems: a misspelt field, a wrong type, an unmapped store (online). */
const brokenSettings = {
  ORDER_STORE_MAPPING: '{"uk-store":{"subSource":"uk","locaton":"Default"}}',
  ORDER_SYNC_STORES: 'de-store',
  ORDER_DISPATCH_WITHIN_HOURS: 'soon',
};

describe('post-deploy fails the deployment with every problem listed', () => {
  it('when sync-admin deploys with three problems, then post-deploy exits non-zero naming all three, and no secret', async () => {
    const result = await run('sync-admin', 'post-deploy', [], {
      ...ctTestEnv(config),
      ...linnworksEnv(),
      ...brokenSettings,
    });

    const output = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(output).toContain(
      '`ORDER_STORE_MAPPING: uk-store.locaton`: unknown field; did you mean `location`?',
    );
    expect(output).toContain('ORDER_DISPATCH_WITHIN_HOURS: must be a whole number');
    expect(output).toContain(
      '`ORDER_SYNC_STORES: 0`: no store with key `de-store` in commercetools',
    );
    expect(output).not.toContain(config.clientSecret);
    expect(output).not.toContain(emulator.credentials.applicationSecret);
  });

  it('when the configuration is sound, then stock-sync post-deploy exits 0', async () => {
    const api = ctTestApi(config);
    await api
      .channels()
      .post({ body: { key: 'wh-default', roles: ['InventorySupply'] } })
      .execute();

    const result = await run('stock-sync', 'post-deploy', [], {
      ...ctTestEnv(config),
      ...linnworksEnv(),
      STOCK_LOCATION_MAPPING: '{"locations":[{"location":"Default","channel":"wh-default"}]}',
    });

    expect(result.stderr + result.stdout).toContain('configuration checked: no problems');
    expect(result.status).toBe(0);
  });
});

describe('config:check from an env file', () => {
  it('when the file has no credentials, then every offline problem is printed and the online checks are skipped', async () => {
    const file = writeEnvFile('offline.env', {
      CTP_PROJECT_KEY: 'shop',
      CTP_REGION: 'europe-west1.gcp',
      ...brokenSettings,
    });

    const result = await run('order-sync', 'config-check', ['--env-file', file], {});

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('order-sync: 7 configuration problem(s):');
    expect(result.stdout).toContain('  - CTP_CLIENT_SECRET: is required');
    expect(result.stdout).toContain(
      '  - `ORDER_STORE_MAPPING: uk-store.locaton`: unknown field; did you mean `location`?',
    );
    expect(result.stdout).toContain('  - ORDER_DISPATCH_WITHIN_HOURS: must be a whole number');
    expect(result.stdout).toContain('online checks: commercetools skipped, Linnworks skipped');
  });

  it('when the file has credentials, then the online checks run too and name the unmapped store', async () => {
    const file = writeEnvFile('online.env', {
      ...ctTestEnv(config),
      ...linnworksEnv(),
      ...brokenSettings,
    });

    const result = await run('order-sync', 'config-check', ['--env-file', file], {});

    expect(result.stdout).toContain('order-sync: 3 configuration problem(s):');
    expect(result.stdout).toContain(
      '  - `ORDER_SYNC_STORES: 0`: no store with key `de-store` in commercetools',
    );
    expect(result.stdout).toContain('online checks: commercetools checked, Linnworks checked');
    expect(result.stdout).not.toContain(config.clientSecret);
    expect(result.status).toBe(1);
  });

  it('when run at the repository root, then each app is checked and what they share is printed once', async () => {
    const file = writeEnvFile('root.env', {
      ...ctTestEnv(config),
      ...linnworksEnv(),
      ...brokenSettings,
    });

    const args = ['--env-file', file, '--app', 'order-sync', '--app', 'stock-sync'];
    const result = await node(['scripts/config-check.mjs', ...args], root, {});

    expect(result.stdout).toContain('every app (order-sync, stock-sync): 3 problem(s)');
    expect(result.stdout).toContain(
      '  - STOCK_LOCATION_MAPPING: is required for stock-sync (which Linnworks location feeds which supply channel)',
    );
    expect(result.stdout.match(/de-store/g)).toHaveLength(1);
    expect(result.status).toBe(1);
  });
});
