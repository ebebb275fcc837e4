import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface RunningCtServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Stores a resource exactly as given (for what the test server cannot compute itself). */
  unsafeAdd<T>(projectKey: string, typeId: string, resource: object): Promise<T>;
  close(): Promise<void>;
}

const SCRIPT = path.join(__dirname, 'ct-server.mjs');
/** The rules of the real API the mock lacks, shared with the tests' server (shared/testing). */
const RULES = path.join(__dirname, '..', '..', '..', 'shared', 'testing', 'ct-rules', 'index.mjs');

/**
 * Starts the commercetools test server (@labdigital/commercetools-mock, ESM only) in a child
 * process on 127.0.0.1, like `startCtMock` in shared/testing, with the sandbox's seeding route.
 */
export async function startCtServer(port: number): Promise<RunningCtServer> {
  const child = spawn(process.execPath, ['--no-warnings', SCRIPT], {
    env: {
      ...process.env,
      CT_MOCK_PORT: String(port),
      CT_MOCK_HOST: '127.0.0.1',
      CT_MOCK_RULES: RULES,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const actualPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('commercetools test server did not start in 20 s')),
      20_000,
    );
    child.stdout?.on('data', (buf: Buffer) => {
      const match = /CT_MOCK_READY (\d+)/.exec(buf.toString());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`commercetools test server exited with ${code}`));
    });
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${actualPort}`;

  return {
    url,
    port: actualPort,
    child,
    async unsafeAdd<T>(projectKey: string, typeId: string, resource: object): Promise<T> {
      const res = await fetch(`${url}/_sandbox/${projectKey}/${typeId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(resource),
      });
      if (res.status !== 201)
        throw new Error(`seeding a ${typeId} failed: ${res.status} ${await res.text()}`);

      return (await res.json()) as T;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();

          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
