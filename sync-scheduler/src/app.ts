import type { Express } from 'express';
import { createJobApp, type JobAppDeps, SCHEDULER_FLOW } from 'shared';

export type SyncSchedulerAppDeps = Omit<JobAppDeps, 'flow'>;

/**
 * The sync-scheduler job app: Connect's cron POSTs to /job; each run does the tasks that are
 * due. A run whose report carries warnings (e.g. orders the backstop found missing) logs them.
 */
export function createApp(deps: SyncSchedulerAppDeps): Express {
  return createJobApp({ ...deps, flow: SCHEDULER_FLOW });
}
