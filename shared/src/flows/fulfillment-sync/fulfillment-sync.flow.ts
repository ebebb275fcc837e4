// The fulfillment-sync flow's face: what apps, sync-admin and the sandbox use of it. Everything
// else in this folder is the flow's own.
import type { ConnectorClients } from '../../clients/connector-clients';
import { DEFAULT_JOB_SETTINGS } from '../../config/common.config';
import type { JobRunReport, JobRunRequest } from '../../http/job-app';
import { CtStateStore } from '../../state/ct-state-store';
import { FailureQueue } from '../../state/failure-queue';
import { CtFulfillmentSyncAdapter } from './ct-fulfillment-sync.adapter';
import {
  type FeedName,
  FULFILLMENT_SYNC_FLOW,
  type FulfillmentSyncDeps,
} from './fulfillment-sync.deps';
import {
  createFulfillmentSyncReplayer,
  type FulfillmentSyncReplayer,
} from './fulfillment-sync.replayer';
import { DEFAULT_FULFILLMENT_JOB, type FulfillmentSyncSettings } from './fulfillment-sync.settings';
import { OrderLinks } from './order-link.repo';
import { lastFulfillmentReport, runFulfillmentSync } from './run-fulfillment-sync.use-case';

export { ensureFulfillmentStates, type FulfillmentStatesReport } from './ensure-fulfillment-states';
export { fulfillmentFailureRef } from './fulfillment-context';
export type { LinnworksFulfillmentSyncPort } from './linnworks-fulfillment-sync.port';
export { type FeedName, FULFILLMENT_SYNC_FLOW } from './fulfillment-sync.deps';
export type { FulfillmentSyncReplayer } from './fulfillment-sync.replayer';
export {
  DEFAULT_PROGRESS_RULES,
  type FulfillmentJobSettings,
  fulfillmentSyncEnvShape,
  fulfillmentSyncJobEnvShape,
  type FulfillmentSyncSettings,
  type ProgressRule,
  toFulfillmentJobSettings,
  toFulfillmentSyncSettings,
} from './fulfillment-sync.settings';

/** What fulfillment-sync offers: the job's run and sync-admin's replayer. */
export interface FulfillmentSync {
  flow: typeof FULFILLMENT_SYNC_FLOW;
  /**
   * One run (the job app's `/job`); a request that does not say runs as the job settings say.
   * `feeds` limits a run to some feeds (benchmarks).
   */
  run(request: JobRunRequest & { feeds?: FeedName[] }): Promise<JobRunReport>;
  /** Replays a fulfillment-sync failure (sync-admin's `/replay`). */
  replayer: FulfillmentSyncReplayer;
}

/** The last (non-dry) run's report (sync-admin's `/status`). */
export function lastFulfillmentSyncReport(
  clients: Pick<ConnectorClients, 'ct' | 'instanceKey'>,
): Promise<JobRunReport | undefined> {
  return lastFulfillmentReport(new CtStateStore(clients.ct, clients.instanceKey));
}

/** The fulfillment-sync flow over the given clients. */
export function createFulfillmentSync(
  clients: ConnectorClients,
  settings: FulfillmentSyncSettings,
): FulfillmentSync {
  const job = { ...DEFAULT_JOB_SETTINGS, ...DEFAULT_FULFILLMENT_JOB, ...settings.job };
  const store = new CtStateStore(clients.ct, clients.instanceKey);
  const ct = new CtFulfillmentSyncAdapter(clients.ct);
  const deps: FulfillmentSyncDeps = {
    linnworks: clients.linnworks,
    ct,
    links: new OrderLinks(store, ct),
    store,
    failures: new FailureQueue(store, clients.now, clients.alerts?.failures),
    settings,
    logger: clients.logger,
    ...(clients.now ? { now: clients.now } : {}),
  };

  return {
    flow: FULFILLMENT_SYNC_FLOW,
    run: ({ dryRun, feeds }) =>
      runFulfillmentSync(deps, {
        dryRun: dryRun ?? job.dryRunByDefault,
        timeBudgetMs: job.timeBudgetMs,
        pageSize: job.pageSize,
        overlapMinutes: job.overlapMinutes,
        initialLookbackHours: job.initialLookbackHours,
        ...(feeds ? { feeds } : {}),
      }),
    replayer: createFulfillmentSyncReplayer(deps),
  };
}
