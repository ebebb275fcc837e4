import type { AlertWatchReport, ReconcileTask, ScheduledReconcileReport } from 'shared';

import { alertWatchScheduled, reconcileScheduled } from '../src/tasks';

const context = (dryRun: boolean) => ({
  cursor: undefined,
  dryRun,
  outOfTime: () => false,
  now: new Date('2026-11-30T08:00:00Z'),
});

function report(status: 'completed' | 'partial', drift: number): ScheduledReconcileReport {
  return {
    generatedAt: '2026-11-30T08:00:00.000Z',
    finishedAt: '2026-11-30T08:01:00.000Z',
    durationMs: 60_000,
    status,
    drift,
    orders: {
      window: { from: '2026-11-28T08:00:00.000Z', to: '2026-11-30T08:00:00.000Z' },
      checked: 40,
      discrepancies: [],
      counts: {},
    },
    stock: { unavailable: 'no STOCK_LOCATION_MAPPING: stock is not reconciled' },
  };
}

function reconcileTask(result: ScheduledReconcileReport): ReconcileTask & { runs: number } {
  const task = {
    name: 'reconcile' as const,
    everyMinutes: 1440,
    runs: 0,
    run: async () => {
      task.runs += 1;

      return result;
    },
  };

  return task;
}

describe('sync-scheduler: the reconciliation and the alert watch as scheduled tasks', () => {
  it('when the reconciliation finds drift, then the task reports its counts and a warning, and a partial run stays partial', async () => {
    const drifted = await reconcileScheduled(reconcileTask(report('partial', 3))).run(
      context(false),
    );

    expect(drifted).toEqual({
      status: 'partial',
      counts: { drift: 3, ordersChecked: 40 },
      warnings: ['reconciliation found 3 differences'],
    });
    const clean = await reconcileScheduled(reconcileTask(report('completed', 0))).run(
      context(false),
    );
    expect(clean).toEqual({ status: 'completed', counts: { drift: 0, ordersChecked: 40 } });
  });

  it('when a run is a dry run, then the reconciliation does not run (its report and alerts are writes)', async () => {
    const task = reconcileTask(report('completed', 5));
    const scheduled = reconcileScheduled(task);

    expect(scheduled).toMatchObject({ name: 'reconcile', everyMinutes: 1440 });
    expect(await scheduled.run(context(true))).toEqual({ status: 'completed', counts: {} });
    expect(task.runs).toBe(0);
  });

  it('when the watch sees an unhealthy Subscription or a refused token, then the run reports it as a problem; unwatched is not one', async () => {
    const watch = (seen: AlertWatchReport) =>
      alertWatchScheduled({ name: 'alert-watch', everyMinutes: 5, run: async () => seen }).run(
        context(false),
      );

    expect(await watch({ subscription: 'Healthy', linnworks: 'authorised' })).toEqual({
      status: 'completed',
      counts: {},
    });
    expect(await watch({ subscription: 'NotFound', linnworks: 'authorised' })).toEqual({
      status: 'completed',
      counts: {},
      problems: ['subscription NotFound, Linnworks authorised'],
    });
    expect(await watch({ subscription: 'not watched', linnworks: 'not watched' })).toEqual({
      status: 'completed',
      counts: {},
    });
  });
});
