import type { Logger } from '../../logging/logger';
import type { StateStore } from '../../state/state-store';
import type { CtStockSyncPort } from './ct-stock-sync.port';
import type { LinnworksStockSyncPort } from './linnworks-stock-sync.port';
import type { SkuMatching, StockLocationMapping } from './stock-mapping.schema';

export const STOCK_SYNC_LOCK = 'stock-sync';
/** Items per `GetStockItemsFull` page, Linnworks' maximum. */
export const STOCK_PAGE_SIZE = 200;

/** What the stock-sync use case and its replayer need: ports, settings, tuning and a clock. */
export interface StockSyncDeps {
  linnworks: LinnworksStockSyncPort;
  ct: CtStockSyncPort;
  store: StateStore;
  logger: Logger;
  mapping: StockLocationMapping;
  skuMatching: SkuMatching;
  /** How long a run may work before it checkpoints (Connect's job limit is 30 minutes). */
  timeBudgetMs: number;
  /** Injectable clock (ms since epoch) for the time budget, the report and the lease. */
  now?: () => number;
  writeConcurrency?: number;
  /** Time between two passes of the hot lane within one long run (default 4 minutes). */
  hotIntervalMs?: number;
  pageSize?: number;
  /** Sweep positions per snapshot segment (default `SEGMENT_ITEMS`; tests use small ones). */
  snapshotSegmentItems?: number;
}
