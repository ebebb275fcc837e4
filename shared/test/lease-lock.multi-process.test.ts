import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { ctTestApi, ctTestConfig, ctTestUrl } from 'shared/testing';

import { CtStateStore } from '../src/state/ct-state-store';
import { LeaseLock, LOCK_CONTAINER } from '../src/state/lease-lock';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCtMock, stopCtMock } = require('../testing/ct-mock-process.cjs') as {
  startCtMock(o: { cwd?: string; env?: Record<string, string> }): Promise<{
    child: ChildProcess;
    url: string;
  }>;
  stopCtMock(child: ChildProcess): Promise<void>;
};

const RACERS = 5;
const ROUNDS = 20;
const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

interface Racer {
  child: ChildProcess;
  lines: AsyncIterator<string>;
}

interface Answer {
  name: string;
  holder: string;
  acquired: boolean;
  error?: string;
}

async function next(racer: Racer): Promise<string> {
  const { value, done } = await racer.lines.next();
  if (done) throw new Error('a racer exited early');

  return value;
}

/** Starts one racer process (its own SDK client) and waits until it is warmed up. */
async function startRacer(url: string, project: string, holder: string): Promise<Racer> {
  const child = spawn(tsx, [path.join(__dirname, 'support', 'lease-racer.ts')], {
    env: { PATH: process.env.PATH ?? '', CT_URL: url, PROJECT: project, HOLDER: holder },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const racer = { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
  expect(await next(racer)).toBe('READY');

  return racer;
}

/**
 * Several OS processes call `acquire` on a lock that does not exist yet, all at once, round
 * after round: exactly one may hold it, and nobody else can take it while it does. With
 * `storedNamesHolder`, the stored lock must name that one (when versioned creates are refused,
 * a racer's fallback write may stand in for it: it then keeps everyone out, see LeaseLock).
 */
async function race(url: string, storedNamesHolder: boolean): Promise<void> {
  const project = ctTestConfig().projectKey;
  const store = new CtStateStore(
    ctTestApi({ ...ctTestConfig(project), apiUrl: url, authUrl: url }),
  );
  const racers = await Promise.all(
    Array.from({ length: RACERS }, (_, i) => startRacer(url, project, `racer-${i}`)),
  );
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `first-${round}-${randomUUID().slice(0, 8)}`;
      for (const racer of racers) racer.child.stdin!.write(`go ${name}\n`);
      const answers = await Promise.all(
        racers.map(async (r) => JSON.parse(await next(r)) as Answer),
      );
      expect(answers.filter((a) => a.error)).toEqual([]);
      const holders = answers.filter((a) => a.acquired).map((a) => a.holder);
      expect(holders).toHaveLength(1);
      const stored = await store.get<{ holder: string; expiresAt: string }>(LOCK_CONTAINER, name);
      expect(Date.parse(stored?.value.expiresAt ?? '')).toBeGreaterThan(Date.now());
      if (storedNamesHolder) expect(stored?.value.holder).toBe(holders[0]);
      else expect(stored?.value.holder).toMatch(/^racer-\d$/);
      const late = await new LeaseLock(store).acquire(name, 60_000, 'late-comer');
      expect(late.acquired).toBe(false);
    }
  } finally {
    for (const racer of racers) racer.child.kill('SIGTERM');
  }
}

describe('LeaseLock: concurrent first acquires across processes', () => {
  it('when commercetools refuses a version on a missing object (the test server’s default), then exactly one process holds the lock', async () => {
    await race(ctTestUrl(), false);
  }, 90_000);

  it('when commercetools accepts version 0 as "create if absent" (the other reading), then exactly one process holds the lock', async () => {
    const server = await startCtMock({
      cwd: path.join(__dirname, '..'),
      env: { CT_MOCK_VERSIONED_CREATE: 'accept-zero' },
    });
    try {
      await race(server.url, true);
    } finally {
      await stopCtMock(server.child);
    }
  }, 90_000);
});
