// The servers a benchmark runs against, each in its own process so the benchmark measures only
// the sync's own time and memory: the commercetools test server and the Linnworks emulator.
import { spawn } from 'node:child_process';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ctMock = require('../../shared/testing/ct-mock-process.cjs') as {
  startCtMock(o: { cwd: string }): Promise<{ child: { kill(s: string): void }; url: string }>;
  stopCtMock(child: unknown): Promise<void>;
  freePort(): Promise<number>;
};

const sandboxDir = path.join(__dirname, '..');

export const startCtMock = () => ctMock.startCtMock({ cwd: sandboxDir });
export const stopCtMock = ctMock.stopCtMock;

/** The Linnworks emulator in a child process on a free port: data host `url`, auth host `authUrl`. */
export async function startEmulatorProcess(): Promise<{
  url: string;
  authUrl: string;
  stop(): void;
}> {
  const port = await ctMock.freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'linnworks-emulator/src/main.ts'], {
    cwd: sandboxDir,
    env: { ...process.env, LINNWORKS_EMULATOR_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const authUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start')), 30_000);
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const auth = /LINNWORKS_AUTH_URL=(\S+)/.exec(out);
      if (auth?.[1]) {
        clearTimeout(timer);
        resolve(auth[1]);
      }
    });
  });

  return { url: `http://127.0.0.1:${port}`, authUrl, stop: () => child.kill('SIGTERM') };
}

/** Calls the emulator's control API: GET without a body, POST with one (or as `method` says). */
export async function emulatorControl(
  url: string,
  route: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<unknown> {
  const res = await fetch(`${url}/_emulator${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`control ${route}: ${res.status} ${await res.text()}`);

  return res.json();
}
