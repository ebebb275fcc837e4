import {
  type AlertWatchTask,
  type ConnectorClients,
  createAlertWatchTask,
  createOrderSync,
  createReconcileTask,
  CtStateStore,
  type JobRunReport,
  type JobRunRequest,
  type ReconcileTask,
  runScheduledTasks,
  type ScheduledTask,
  type TaskResult,
} from 'shared';

import type { SyncSchedulerConfig } from './config';

/**
 * The reconciliation as a scheduler task. It keeps its stock cursor itself (the reconcile flow's
 * `lw-reconcile/stock-cycle`: each run continues the walk over the SKUs where the last one
 * stopped), not in the scheduler's task state; the order window has no cursor. A dry run
 * compares nothing, since a run's only writes are its stored report, its cursor and its alerts.
 */
export function reconcileScheduled(task: ReconcileTask): ScheduledTask {
  return {
    name: task.name,
    everyMinutes: task.everyMinutes,
    async run({ dryRun }): Promise<TaskResult<unknown>> {
      if (dryRun) return { status: 'completed', counts: {} };
      const report = await task.run();
      const checked = 'checked' in report.orders ? report.orders.checked : 0;
      const counts: Record<string, number> = { drift: report.drift, ordersChecked: checked };
      if ('checkedSkus' in report.stock) {
        counts.skusChecked = report.stock.checkedSkus;
        const cycle = report.stock.cycle;
        if (cycle) {
          counts.cycleSkusChecked = cycle.skusCheckedThisCycle;
          counts.cycleComplete = cycle.complete ? 1 : 0;
        }
      }

      return {
        status: report.status,
        counts,
        ...(report.drift > 0
          ? { warnings: [`reconciliation found ${report.drift} differences`] }
          : {}),
      };
    },
  };
}

/** The alert watch (Subscription health, Linnworks authorisation) as a scheduler task. */
export function alertWatchScheduled(task: AlertWatchTask): ScheduledTask {
  return {
    name: task.name,
    everyMinutes: task.everyMinutes,
    async run({ dryRun }): Promise<TaskResult<unknown>> {
      if (dryRun) return { status: 'completed', counts: {} };
      const seen = await task.run();
      // Without an alert webhook the watch has nothing to raise and reports 'not watched'.
      const watched = seen.subscription !== 'not watched';
      const healthy = seen.subscription === 'Healthy' && seen.linnworks === 'authorised';

      return {
        status: 'completed',
        counts: {},
        ...(healthy || !watched
          ? {}
          : { problems: [`subscription ${seen.subscription}, Linnworks ${seen.linnworks}`] }),
      };
    },
  };
}

/**
 * The scheduled tasks, in the order a run takes them: the order backstop (#15), the alert watch
 * and the reconciliation (#17). The app passes every part of its configuration; a test may leave
 * out the watch and the reconciliation. A new task is one more entry: a name, an interval and a
 * `run` from its flow's face.
 */
export function scheduledTasks(
  clients: ConnectorClients,
  config: Pick<SyncSchedulerConfig, 'orderSync' | 'backstop'> &
    Partial<Pick<SyncSchedulerConfig, 'reconcile' | 'subscriptionKey'>>,
): ScheduledTask[] {
  const orderSync = createOrderSync(clients, config.orderSync);
  const { subscriptionKey, reconcile } = config;

  return [
    orderSync.backstopTask(config.backstop),
    ...(subscriptionKey
      ? [alertWatchScheduled(createAlertWatchTask(clients, { subscriptionKey }))]
      : []),
    ...(reconcile ? [reconcileScheduled(createReconcileTask(clients, reconcile))] : []),
  ];
}

/** One scheduler run over the given tasks (the job app's `/job`). */
export function schedulerRun(
  clients: ConnectorClients,
  tasks: ScheduledTask[],
  job: SyncSchedulerConfig['job'],
): (request: JobRunRequest) => Promise<JobRunReport> {
  const deps = {
    store: new CtStateStore(clients.ct, clients.instanceKey),
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
