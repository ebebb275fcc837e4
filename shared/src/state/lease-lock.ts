import { randomUUID } from 'node:crypto';

import type { StateStore } from './state-store';
import { VersionConflictError } from './state-store';

export const LOCK_CONTAINER = 'lw-connector-locks';

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
 * transition is compare-and-set on the object's version; an expired lease may be taken over.
 * A holder that loses its lease learns it on the next `renew` and must stop writing.
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
      let current = await this.store.get<LockValue>(LOCK_CONTAINER, name);
      // First use: create the lock free. Racing creators all write the same free value.
      current ??= await this.store.put<LockValue>(LOCK_CONTAINER, name, { holder: null });
      const value = current.value;
      const now = this.now();
      if (value.holder && value.expiresAt && Date.parse(value.expiresAt) > now.getTime()) {
        return { acquired: false, heldBy: value.holder, expiresAt: value.expiresAt };
      }
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      try {
        const taken = await this.store.put<LockValue>(
          LOCK_CONTAINER,
          name,
          { holder, acquiredAt: now.toISOString(), expiresAt },
          current.version,
        );

        return { acquired: true, lease: { name, holder, version: taken.version, expiresAt } };
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
