import {
  type ConnectorClients,
  createOrderSync,
  CtStateStore,
  type JobRunReport,
  type JobRunRequest,
  runScheduledTasks,
  type ScheduledTask,
} from 'shared';

import type { SyncSchedulerConfig } from './config';

/**
 * The scheduled tasks, in the order a run takes them. A new task (e.g. #17's reconciliation) is
 * one more entry here: a name, an interval and a `run` from its flow's face.
 */
export function scheduledTasks(
  clients: ConnectorClients,
  config: Pick<SyncSchedulerConfig, 'orderSync' | 'backstop'>,
): ScheduledTask[] {
  const orderSync = createOrderSync(clients, config.orderSync);

  return [orderSync.backstopTask(config.backstop)];
}

/** One scheduler run over the given tasks (the job app's `/job`). */
export function schedulerRun(
  clients: ConnectorClients,
  tasks: ScheduledTask[],
  job: SyncSchedulerConfig['job'],
): (request: JobRunRequest) => Promise<JobRunReport> {
  const deps = {
    store: new CtStateStore(clients.ct),
    tasks,
    logger: clients.logger,
    ...(clients.now ? { now: clients.now } : {}),
  };

  return ({ dryRun }) =>
    runScheduledTasks(deps, {
      dryRun: dryRun ?? job.dryRunByDefault,
      timeBudgetMs: job.timeBudgetMs,
    });
}
