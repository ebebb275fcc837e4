import type { Express } from 'express';
import { createJobApp, type JobAppDeps } from 'shared';

export type FulfillmentSyncAppDeps = Omit<JobAppDeps, 'flow'>;

/** The fulfillment-sync job app: Connect's cron POSTs to /job. */
export function createApp(deps: FulfillmentSyncAppDeps): Express {
  return createJobApp({ ...deps, flow: 'fulfillment-sync' });
}
