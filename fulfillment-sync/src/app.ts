import type { Express } from 'express';
import { createJobApp, type JobAppDeps } from 'shared';

export type FulfillmentSyncDeps = Omit<JobAppDeps, 'flow'>;

/** The fulfillment-sync job app: Connect's cron POSTs to /job. */
export function createApp(deps: FulfillmentSyncDeps): Express {
  return createJobApp({ ...deps, flow: 'fulfillment-sync' });
}
