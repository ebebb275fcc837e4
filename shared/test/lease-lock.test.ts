import { ctTestApi } from 'shared/testing';

import { CtStateStore } from '../src/state/ct-state-store';
import { InMemoryStateStore } from '../testing/stand-ins/in-memory-state-store';
import { LeaseLock, LOCK_CONTAINER } from '../src/state/lease-lock';
import type { CreateOutcome } from '../src/state/state-store';

/** A store whose server refuses versioned creates; `racer` runs just before the fallback write. */
class RefusesVersionedCreate extends InMemoryStateStore {
  constructor(private readonly racer?: (store: InMemoryStateStore) => Promise<void>) {
    super();
  }

  override async create<T>(): Promise<CreateOutcome<T>> {
    await this.racer?.(this);

    return { outcome: 'unsupported' };
  }
}

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

  it('when versioned creates are refused, then the first acquire still creates the lock held, without a free interval', async () => {
    const store = new RefusesVersionedCreate();
    const result = await new LeaseLock(store).acquire('fallback', 60_000, 'a');
    expect(result).toMatchObject({ acquired: true, lease: { holder: 'a', version: 1 } });
    await expect(store.get(LOCK_CONTAINER, 'fallback')).resolves.toMatchObject({
      version: 1,
      value: { holder: 'a' },
    });
  });

  it('when versioned creates are refused and another run created the lock a moment earlier, then the fallback does not hold it and keeps others out', async () => {
    const store = new RefusesVersionedCreate(async (s) => {
      await s.put(LOCK_CONTAINER, 'raced', { holder: 'other', expiresAt: '2999-01-01T00:00:00Z' });
    });
    const lock = new LeaseLock(store);
    await expect(lock.acquire('raced', 60_000, 'late')).resolves.toMatchObject({ acquired: false });
    const stored = await store.get<{ holder: string }>(LOCK_CONTAINER, 'raced');
    expect(stored?.version).toBe(2);
    // The run that created it learns on its next renew that it lost the lease, and stops.
    await expect(
      lock.renew({ name: 'raced', holder: 'other', version: 1, expiresAt: '' }, 60_000),
    ).resolves.toBeUndefined();
    await expect(lock.acquire('raced', 60_000, 'third')).resolves.toMatchObject({
      acquired: false,
    });
  });
});
