import { randomUUID } from 'node:crypto';

import type { StateStore } from './state-store';
import { VersionConflictError } from '../errors/errors';
import { CONTAINERS } from './connector-names';

export const LOCK_CONTAINER = CONTAINERS.locks;

interface LockValue {
  holder: string | null;
  acquiredAt?: string;
  expiresAt?: string;
}

export interface Lease {
  name: string;
  holder: string;
  version: number;
  expiresAt: string;
}

export type AcquireResult =
  { acquired: true; lease: Lease } | { acquired: false; heldBy: string; expiresAt: string };

/**
 * A lease lock on one custom object, so overlapping job runs never write twice. Every
 * transition is compare-and-set on the object's version, the first one included (the lock is
 * created already held, never by a blind write that could replace a lock another run holds);
 * an expired lease may be taken over. A holder that loses its lease learns it on the next
 * `renew` and must stop writing.
 */
export class LeaseLock {
  constructor(
    private readonly store: StateStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async acquire(
    name: string,
    ttlMs: number,
    holder: string = randomUUID(),
  ): Promise<AcquireResult> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.get<LockValue>(LOCK_CONTAINER, name);
      const now = this.now();
      const value = {
        holder,
        acquiredAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      };
      if (!current) {
        const first = await this.createHeld(name, value);
        if (first) return first;
        continue;
      }
      const held = current.value;
      if (held.holder && held.expiresAt && Date.parse(held.expiresAt) > now.getTime()) {
        return { acquired: false, heldBy: held.holder, expiresAt: held.expiresAt };
      }
      try {
        const taken = await this.store.put(LOCK_CONTAINER, name, value, current.version);

        return {
          acquired: true,
          lease: { name, holder, version: taken.version, expiresAt: value.expiresAt },
        };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    const latest = await this.store.get<LockValue>(LOCK_CONTAINER, name);

    return {
      acquired: false,
      heldBy: latest?.value.holder ?? 'unknown',
      expiresAt: latest?.value.expiresAt ?? '',
    };
  }

  /**
   * First use of the lock: create it held by us, only if no other run created it first
   * (undefined: it exists now, look again). If commercetools refuses a versioned create for a
   * missing object (one reading of its docs), the fallback is a plain write of our lease, which
   * is ours only if it made version 1, i.e. created the object. Otherwise it replaced a lock
   * another run created a moment earlier: we do not hold it, and the lease we wrote keeps every
   * other run out for a full TTL, while the run that believed it held it learns on its next
   * `renew` (the version moved) and stops. Never two holders; at worst one TTL without any.
   */
  private async createHeld(
    name: string,
    value: { holder: string; acquiredAt: string; expiresAt: string },
  ): Promise<AcquireResult | undefined> {
    const lease = (version: number): AcquireResult => ({
      acquired: true,
      lease: { name, holder: value.holder, version, expiresAt: value.expiresAt },
    });
    const created = await this.store.create<LockValue>(LOCK_CONTAINER, name, value);
    if (created.outcome === 'created') return lease(created.object.version);
    if (created.outcome === 'exists') return undefined;
    const written = await this.store.put<LockValue>(LOCK_CONTAINER, name, value);
    if (written.version === 1) return lease(written.version);

    return {
      acquired: false,
      heldBy: 'a run that raced this first acquire',
      expiresAt: value.expiresAt,
    };
  }

  /** Extends the lease; returns undefined if it was lost (someone else took it over). */
  async renew(lease: Lease, ttlMs: number): Promise<Lease | undefined> {
    const expiresAt = new Date(this.now().getTime() + ttlMs).toISOString();
    try {
      const stored = await this.store.put<LockValue>(
        LOCK_CONTAINER,
        lease.name,
        { holder: lease.holder, acquiredAt: this.now().toISOString(), expiresAt },
        lease.version,
      );

      return { ...lease, version: stored.version, expiresAt };
    } catch (error) {
      if (error instanceof VersionConflictError) return undefined;
      throw error;
    }
  }

  /** Frees the lock if this lease still holds it; a lost lease is left alone. */
  async release(lease: Lease): Promise<boolean> {
    try {
      await this.store.put<LockValue>(LOCK_CONTAINER, lease.name, { holder: null }, lease.version);

      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }
}
