import { ctTestApi } from 'shared/testing';

import { CtStateStore } from '../src/state/ct-state-store';
import { LeaseLock } from '../src/state/lease-lock';

describe('LeaseLock on the commercetools test server', () => {
  const store = new CtStateStore(ctTestApi());

  it('when two runs race for the lock, then exactly one gets it', async () => {
    const lock = new LeaseLock(store);
    const results = await Promise.all([
      lock.acquire('race', 60_000, 'a'),
      lock.acquire('race', 60_000, 'b'),
      lock.acquire('race', 60_000, 'c'),
    ]);
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
  });

  it('when the lease has expired, then another run may take it over and the old holder cannot renew', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const lock = new LeaseLock(store, () => now);
    const first = await lock.acquire('expiry', 1_000, 'old');
    expect(first.acquired).toBe(true);
    expect((await lock.acquire('expiry', 1_000, 'new')).acquired).toBe(false);
    now = new Date('2026-01-01T00:00:05Z');
    const second = await lock.acquire('expiry', 1_000, 'new');
    expect(second.acquired).toBe(true);
    if (!first.acquired) throw new Error('unreachable');
    await expect(lock.renew(first.lease, 1_000)).resolves.toBeUndefined();
    await expect(lock.release(first.lease)).resolves.toBe(false);
  });

  it('when released, then the next run gets the lock at once', async () => {
    const lock = new LeaseLock(store);
    const held = await lock.acquire('release', 60_000, 'a');
    if (!held.acquired) throw new Error('expected the lock');
    await expect(lock.release(held.lease)).resolves.toBe(true);
    expect((await lock.acquire('release', 60_000, 'b')).acquired).toBe(true);
  });
});
