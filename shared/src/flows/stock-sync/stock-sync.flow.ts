// The stock-sync flow's face: what apps, sync-admin and the sandbox use of it. Everything else
// in this folder is the flow's own.
import type { ConnectorClients } from '../../clients/connector-clients';
import { DEFAULT_JOB_SETTINGS } from '../../config/common.config';
import type { JobRunRequest } from '../../http/job-app';
import { CtStateStore } from '../../state/ct-state-store';
import { CtStockSyncAdapter } from './ct-stock-sync.adapter';
import type { StockSyncReport } from './stock-run-report';
import type { StockSyncDeps } from './stock-sync.deps';
import { STOCK_SYNC_FLOW } from './stock-sync-failures';
import { type StockSyncReconciler, stockSyncReconciler } from './stock-sync.reconciler';
import { createStockSyncReplayer, type StockSyncReplayer } from './stock-sync.replayer';
import type { StockSyncSettings } from './stock-sync.settings';
import { StockSyncStateRepo } from './stock-sync-state.repo';
import { runStockSync } from './run-stock-sync.use-case';

export { AGGREGATE_SLOT } from './desired-quantity.mapper';
export { inventoryEntryKey } from './stock-pair.write';
export type { LinnworksStockSyncPort } from './linnworks-stock-sync.port';
export type { StockSyncCounts, StockSyncReport } from './stock-run-report';
export {
  resetStockSnapshot,
  SEGMENT_ITEMS,
  STOCK_SNAPSHOT_CONTAINER,
  STOCK_STATE_CONTAINER,
} from './stock-snapshot.repo';
export { STOCK_PAGE_REF, STOCK_SKUS_REF, STOCK_SYNC_FLOW } from './stock-sync-failures';
export { STOCK_SYNC_LOCK } from './stock-sync.deps';
export type { DesiredSlots, StockSyncReconciler } from './stock-sync.reconciler';
export type { StockSyncReplayer } from './stock-sync.replayer';
export {
  type SkuMatching,
  type StockLocationMapping,
  stockLocationMappingSchema,
} from './stock-mapping.schema';
export {
  stockMappingRequired,
  type StockSyncEnv,
  stockSyncEnvShape,
  stockSyncJobEnvShape,
  type StockSyncSettings,
  toStockSyncJobSettings,
  toStockSyncSettings,
} from './stock-sync.settings';

/** What stock-sync offers: the job's run, sync-admin's replayer and reconciler. */
export interface StockSync {
  flow: typeof STOCK_SYNC_FLOW;
  /** One run (the job app's `/job`); a request that does not say runs as the job settings say. */
  run(request: JobRunRequest): Promise<StockSyncReport>;
  /** Replays a stock-sync failure (sync-admin's `/replay`). */
  replayer: StockSyncReplayer;
  /** The quantities stock-sync would write (sync-admin's `/reconcile`). */
  reconciler: StockSyncReconciler;
}

/**
 * The last (non-dry) run's report (sync-admin's `/status`). Needs no settings: status reads it
 * even where stock-sync is not configured for sync-admin.
 */
export function lastStockSyncReport(
  clients: Pick<ConnectorClients, 'ct' | 'instanceKey'>,
): Promise<StockSyncReport | undefined> {
  return new StockSyncStateRepo(new CtStateStore(clients.ct, clients.instanceKey)).lastReport();
}

/** The stock-sync flow over the given clients. */
export function createStockSync(clients: ConnectorClients, settings: StockSyncSettings): StockSync {
  const job = { ...DEFAULT_JOB_SETTINGS, ...settings.job };
  const clock = clients.now;
  // Fresh adapters per run: each counts only its own run's calls.
  const deps = (): StockSyncDeps => ({
    linnworks: clients.linnworks,
    ct: new CtStockSyncAdapter(clients.ct),
    store: new CtStateStore(clients.ct, clients.instanceKey),
    logger: clients.logger,
    mapping: settings.mapping,
    skuMatching: settings.skuMatching,
    timeBudgetMs: job.timeBudgetMs,
    ...(clock ? { now: () => clock().getTime() } : {}),
    ...settings.tuning,
  });

  return {
    flow: STOCK_SYNC_FLOW,
    run: (request) => runStockSync(deps(), { dryRun: request.dryRun ?? job.dryRunByDefault }),
    replayer: createStockSyncReplayer(deps()),
    reconciler: stockSyncReconciler(clients.linnworks, settings.mapping),
  };
}
