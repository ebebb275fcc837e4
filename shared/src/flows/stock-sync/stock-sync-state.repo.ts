import type { StateStore } from '../../state/state-store';
import type { StockSyncReport } from './stock-run-report';
import { STOCK_STATE_CONTAINER } from './stock-snapshot.repo';

const CHECKPOINT_KEY = 'checkpoint';
const REPORT_KEY = 'last-report';
const HOT_CURSOR_KEY = 'hot-cursor';

/** Where an unfinished sweep continues. */
export interface StockSweepCheckpoint {
  /** Next `GetStockItemsFull` page to read; 1 when no sweep is in progress. */
  nextPage: number;
  /** When the sweep in progress started (ISO). */
  sweepStartedAt: string;
  /** Pairs or pages that failed so far in this sweep (across runs). */
  sweepFailures: number;
  /**
   * When the last complete sweep started (ISO): a SKU the sweep in progress has not reached yet
   * was last read no earlier than this (the report's age of the oldest unswept SKU).
   */
  lastSweepStartedAt?: string;
}

/** Checkpoint and last run report of stock-sync, as custom objects (objects, never scalars). */
export class StockSyncStateRepo {
  constructor(private readonly store: StateStore) {}

  async checkpoint(): Promise<StockSweepCheckpoint | undefined> {
    const stored = await this.store.get<StockSweepCheckpoint>(
      STOCK_STATE_CONTAINER,
      CHECKPOINT_KEY,
    );

    return stored && stored.value.nextPage > 1 ? stored.value : undefined;
  }

  async saveCheckpoint(checkpoint: StockSweepCheckpoint): Promise<void> {
    await this.store.put(STOCK_STATE_CONTAINER, CHECKPOINT_KEY, checkpoint);
  }

  /** A finished sweep leaves a checkpoint at page 1 (one object, reused). */
  async clearCheckpoint(finishedAt: string, sweepStartedAt: string): Promise<void> {
    await this.store.put<StockSweepCheckpoint>(STOCK_STATE_CONTAINER, CHECKPOINT_KEY, {
      nextPage: 1,
      sweepStartedAt: finishedAt,
      sweepFailures: 0,
      lastSweepStartedAt: sweepStartedAt,
    });
  }

  /** When the last complete sweep started, whether a sweep is in progress or not. */
  async lastSweepStartedAt(): Promise<string | undefined> {
    return (await this.store.get<StockSweepCheckpoint>(STOCK_STATE_CONTAINER, CHECKPOINT_KEY))
      ?.value.lastSweepStartedAt;
  }

  /** Received date up to which the hot lane read open orders. */
  async hotCursor(): Promise<string | undefined> {
    return (await this.store.get<{ at: string }>(STOCK_STATE_CONTAINER, HOT_CURSOR_KEY))?.value.at;
  }

  async saveHotCursor(at: string): Promise<void> {
    await this.store.put(STOCK_STATE_CONTAINER, HOT_CURSOR_KEY, { at });
  }

  async saveReport(report: StockSyncReport): Promise<void> {
    await this.store.put(STOCK_STATE_CONTAINER, REPORT_KEY, report);
  }

  async lastReport(): Promise<StockSyncReport | undefined> {
    return (await this.store.get<StockSyncReport>(STOCK_STATE_CONTAINER, REPORT_KEY))?.value;
  }
}
