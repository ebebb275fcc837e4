import {
  type CtApi,
  CtFulfillmentSyncAdapter,
  CtStateStore,
  FailureQueue,
  type FulfillmentSyncDeps,
  type JobRunReport,
  type JobRunRequest,
  type LinnworksApi,
  type Logger,
  OrderLinks,
  runFulfillmentSync,
} from 'shared';

import type { FulfillmentSyncConfig } from './config';

/** Builds the flow's dependencies from real clients (the app) or test doubles (tests). */
export function fulfillmentDeps(
  config: Pick<FulfillmentSyncConfig, 'settings' | 'source'>,
  clients: { ctApi: CtApi; linnworks: LinnworksApi; logger: Logger; now?: () => Date },
): FulfillmentSyncDeps {
  const store = new CtStateStore(clients.ctApi);
  const ct = new CtFulfillmentSyncAdapter(clients.ctApi);

  return {
    linnworks: clients.linnworks,
    ct,
    links: new OrderLinks(store, ct),
    store,
    failures: new FailureQueue(store, clients.now),
    settings: config.settings,
    source: config.source,
    logger: clients.logger,
    ...(clients.now ? { now: clients.now } : {}),
  };
}

/** The `/job` run: request dry-run wins over the configured default. */
export function jobRunner(
  deps: FulfillmentSyncDeps,
  config: Pick<
    FulfillmentSyncConfig,
    'dryRun' | 'timeBudgetMs' | 'pageSize' | 'overlapMinutes' | 'initialLookbackHours'
  >,
): (request: JobRunRequest) => Promise<JobRunReport> {
  return (request) =>
    runFulfillmentSync(deps, {
      dryRun: request.dryRun ?? config.dryRun,
      timeBudgetMs: config.timeBudgetMs,
      pageSize: config.pageSize,
      overlapMinutes: config.overlapMinutes,
      initialLookbackHours: config.initialLookbackHours,
    });
}
