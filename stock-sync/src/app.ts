import type { Express } from 'express';
import { createJobApp, type JobAppDeps, type StockSync } from 'shared';

export interface StockSyncAppDeps extends Omit<JobAppDeps, 'flow' | 'run'> {
  stockSync: StockSync;
  /** Dry run when the request does not say (`DRY_RUN`). */
  dryRunByDefault: boolean;
}

/** The stock-sync job app: Connect's cron POSTs to /job (`?dryRun=true` computes without writing). */
export function createApp(deps: StockSyncAppDeps): Express {
  return createJobApp({
    logger: deps.logger,
    flow: 'stock-sync',
    run: (request) => deps.stockSync.run({ dryRun: request.dryRun ?? deps.dryRunByDefault }),
  });
}
