import type { Express } from 'express';
import { createJobApp, type JobAppDeps } from 'shared';

export type StockSyncDeps = Omit<JobAppDeps, 'flow'>;

/** The stock-sync job app: Connect's cron POSTs to /job. */
export function createApp(deps: StockSyncDeps): Express {
  return createJobApp({ ...deps, flow: 'stock-sync' });
}
