/**
 * A task the sync-scheduler job app runs when it is due. The scheduler keeps each task's last run
 * and cursor in a custom object, so a task is a pure "given my cursor, do the next piece of work".
 */
export interface ScheduledTask<C = unknown> {
  /** Unique, stable: the key of the task's state (`^[-_a-zA-Z0-9]+$`). */
  name: string;
  /** Minutes between two runs; the scheduler's cron only decides how often it looks. */
  everyMinutes: number;
  run(context: TaskRunContext<C>): Promise<TaskResult<C>>;
}

export interface TaskRunContext<C> {
  /** What the task's last successful or partial run handed back; undefined on its first run. */
  cursor: C | undefined;
  /** Compute and report, write nothing (the cursor is not saved either). */
  dryRun: boolean;
  /** The task must stop and hand back a cursor once this returns true. */
  outOfTime: () => boolean;
  now: Date;
}

export interface TaskResult<C> {
  /** `partial`: stopped early (time budget, a retryable failure); the cursor says where. */
  status: 'completed' | 'partial';
  /** Where the next run starts; undefined keeps the previous one. */
  cursor?: C;
  counts: Record<string, number>;
  /** Something an operator must look at although the run did its work (sync-admin shows it). */
  warnings?: string[];
  /** What kept the run from being complete. */
  problems?: string[];
}

/** One task's line in the scheduler's run report. */
export interface TaskOutcome {
  name: string;
  status: 'completed' | 'partial' | 'failed' | 'not-due';
  /** When a task that was not due will be. */
  nextDueAt?: string;
  durationMs?: number;
  counts?: Record<string, number>;
  warnings?: string[];
  problems?: string[];
}

/** What the scheduler keeps per task (custom object `lw-scheduler-tasks/<name>`). */
export interface TaskState<C = unknown> {
  /** Start of the last run that completed or got partway; a failed run does not count. */
  lastRunAt?: string;
  lastFailedAt?: string;
  cursor?: C;
  lastOutcome?: TaskOutcome;
}
