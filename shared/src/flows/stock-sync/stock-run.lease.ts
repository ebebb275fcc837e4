import { type Lease, LeaseLock } from '../../state/lease-lock';
import type { StateStore } from '../../state/state-store';
import { STOCK_SYNC_LOCK } from './stock-sync.deps';

/**
 * The lease a run holds so runs never overlap (a held lock is a skipped run, not an error). It
 * outlives the time budget by 5 minutes and is renewed every third of that while the sweep goes
 * on; a run that loses it stops writing. A dry run takes none.
 */
export class StockRunLease {
  private readonly lock: LeaseLock;
  private readonly ttlMs: number;
  private held: Lease | undefined;
  private lastRenew: number;

  constructor(
    store: StateStore,
    timeBudgetMs: number,
    private readonly now: () => number,
  ) {
    this.lock = new LeaseLock(store, () => new Date(now()));
    this.ttlMs = timeBudgetMs + 5 * 60_000;
    this.lastRenew = now();
  }

  /** Takes the lease, or says until when another run holds it. */
  async acquire(): Promise<{ acquired: true } | { acquired: false; expiresAt: string }> {
    const acquired = await this.lock.acquire(STOCK_SYNC_LOCK, this.ttlMs);
    if (!acquired.acquired) return { acquired: false, expiresAt: acquired.expiresAt };
    this.held = acquired.lease;
    this.lastRenew = this.now();

    return { acquired: true };
  }

  /** Renews the lease once a third of its TTL has passed; false once it is lost. */
  async keep(): Promise<boolean> {
    if (!this.held || this.now() - this.lastRenew <= this.ttlMs / 3) return true;
    this.held = await this.lock.renew(this.held, this.ttlMs);
    this.lastRenew = this.now();

    return this.held !== undefined;
  }

  /** Gives the lease back (with its latest version); a failure to do so only lets it expire. */
  async release(): Promise<void> {
    if (this.held) await this.lock.release(this.held).catch(() => false);
  }
}
