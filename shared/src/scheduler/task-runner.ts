import { describeError } from '../errors/errors';
import type { JobRunReport } from '../http/job-app';
import type { Logger } from '../logging/logger';
import { LeaseLock } from '../state/lease-lock';
import type { StateStore } from '../state/state-store';
import type { ScheduledTask, TaskOutcome, TaskState } from './scheduled-task';
import { CONTAINERS } from '../state/connector-names';

export const SCHEDULER_FLOW = 'sync-scheduler';
/** Per-task state, and the last run's report under `LAST_REPORT_KEY`. */
export const SCHEDULER_CONTAINER = CONTAINERS.schedulerTasks;
const LAST_REPORT_KEY = '_last-run';
/** A cron tick may come a little early: a task due within this is run now. */
const DUE_SLACK_MS = 30_000;

export interface TaskRunnerDeps {
  store: StateStore;
  tasks: ScheduledTask[];
  logger: Logger;
  now?: () => Date;
}

export interface TaskRunRequest {
  dryRun: boolean;
  timeBudgetMs: number;
  /** Run these tasks whether due or not (an operator's `?task=`). */
  force?: string[];
}

function dueAt(task: ScheduledTask, state: TaskState | undefined): number {
  return state?.lastRunAt ? Date.parse(state.lastRunAt) + task.everyMinutes * 60_000 : 0;
}

async function runOne(
  deps: TaskRunnerDeps,
  task: ScheduledTask,
  request: TaskRunRequest,
  outOfTime: () => boolean,
): Promise<TaskOutcome> {
  const now = deps.now ?? (() => new Date());
  const stored = await deps.store.get<TaskState>(SCHEDULER_CONTAINER, task.name);
  const started = now();
  const due = dueAt(task, stored?.value);
  if (due - DUE_SLACK_MS > started.getTime() && !request.force?.includes(task.name)) {
    return { name: task.name, status: 'not-due', nextDueAt: new Date(due).toISOString() };
  }
  let outcome: TaskOutcome;
  let next: TaskState;
  try {
    const result = await task.run({
      cursor: stored?.value.cursor,
      dryRun: request.dryRun,
      outOfTime,
      now: started,
    });
    const { status, counts, warnings, problems } = result;
    outcome = { name: task.name, status, durationMs: now().getTime() - started.getTime(), counts };
    if (warnings?.length) outcome.warnings = warnings;
    if (problems?.length) outcome.problems = problems;
    const cursor = result.cursor ?? stored?.value.cursor;
    next = { ...stored?.value, lastRunAt: started.toISOString(), cursor, lastOutcome: outcome };
  } catch (error) {
    const described = describeError(error);
    deps.logger.error({ task: task.name, err: described }, 'scheduled task failed');
    const problem = `${task.name} failed: ${described.code}: ${described.message}`;
    outcome = { name: task.name, status: 'failed', problems: [problem] };
    // A failed run is not a run: the task is due again on the next tick, from the same cursor.
    next = { ...stored?.value, lastFailedAt: started.toISOString(), lastOutcome: outcome };
  }
  if (!request.dryRun) {
    await deps.store.put(SCHEDULER_CONTAINER, task.name, next, stored?.version);
  }

  return outcome;
}

function reportOf(
  outcomes: TaskOutcome[],
  request: TaskRunRequest,
  started: Date,
  finished: Date,
): JobRunReport {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    for (const [key, value] of Object.entries(o.counts ?? {})) counts[`${o.name}.${key}`] = value;
  }
  const problems = outcomes.flatMap((o) => o.problems ?? []);
  const warnings = outcomes.flatMap((o) => o.warnings ?? []);
  const ran = outcomes.filter((o) => o.status !== 'not-due');
  const status = ran.every((o) => o.status === 'completed')
    ? 'completed'
    : ran.every((o) => o.status === 'failed')
      ? 'failed'
      : 'partial';

  return {
    flow: SCHEDULER_FLOW,
    status,
    dryRun: request.dryRun,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    counts,
    tasks: outcomes,
    ...(problems.length ? { problems } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

/**
 * One scheduler run (Connect's cron → `POST /job`): under a lease so overlapping runs never work
 * twice, runs every due task in order within the time budget, saves each task's state and the
 * run's report. A task that throws is reported `failed` and does not stop the others.
 */
export async function runScheduledTasks(
  deps: TaskRunnerDeps,
  request: TaskRunRequest,
): Promise<JobRunReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const lock = new LeaseLock(deps.store, now);
  const acquired = await lock.acquire(SCHEDULER_FLOW, request.timeBudgetMs + 120_000);
  if (!acquired.acquired) {
    const report = reportOf([], request, started, now());

    return { ...report, status: 'skipped', reason: 'lock-held' };
  }
  const outOfTime = () => now().getTime() - started.getTime() >= request.timeBudgetMs;
  const outcomes: TaskOutcome[] = [];
  try {
    for (const task of deps.tasks) {
      outcomes.push(await runOne(deps, task, request, outOfTime));
    }
  } finally {
    await lock.release(acquired.lease);
  }
  const report = reportOf(outcomes, request, started, now());
  if (!request.dryRun) await deps.store.put(SCHEDULER_CONTAINER, LAST_REPORT_KEY, report);

  return report;
}

/** The last (non-dry) run's report (sync-admin's `/status`). */
export async function lastSchedulerReport(store: StateStore): Promise<JobRunReport | undefined> {
  return (await store.get<JobRunReport>(SCHEDULER_CONTAINER, LAST_REPORT_KEY))?.value;
}
