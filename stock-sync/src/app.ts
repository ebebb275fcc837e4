import type { Express } from 'express';
import { createJobApp, type JobAppDeps } from 'shared';

export type StockSyncAppDeps = Omit<JobAppDeps, 'flow'>;

/** The stock-sync job app: Connect's cron POSTs to /job (`?dryRun=true` computes without writing). */
export function createApp(deps: StockSyncAppDeps): Express {
  return createJobApp({ ...deps, flow: 'stock-sync' });
}
