// One racing process of lease-lock.multi-process.test.ts: its own commercetools client, then on
// each `go <lock name>` line on stdin one `acquire` of that lock, answered as a JSON line.
import { createInterface } from 'node:readline';

import { createCtApi } from '../../src/commercetools/client';
import { CtStateStore } from '../../src/state/ct-state-store';
import { LeaseLock } from '../../src/state/lease-lock';

const url = process.env.CT_URL ?? '';
const holder = process.env.HOLDER ?? 'racer';
const api = createCtApi(
  {
    projectKey: process.env.PROJECT ?? 'race',
    clientId: 'racer',
    clientSecret: 'racer-secret',
    scopes: undefined,
    apiUrl: url,
    authUrl: url,
  },
  { timeoutMs: 10_000, maxRetries: 0 },
);
const store = new CtStateStore(api);
const lock = new LeaseLock(store);

async function main(): Promise<void> {
  // Warm up (token, connection) so every racer starts its acquire at once.
  await store.get('warm-up', holder);
  process.stdout.write('READY\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const name = line.replace(/^go /, '').trim();
    if (!name) continue;
    const result = await lock.acquire(name, 60_000, holder);
    process.stdout.write(`${JSON.stringify({ name, holder, acquired: result.acquired })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exit(1);
});
