import express, { type Express } from 'express';

import type { ConnectorAlerts } from '../alerts/connector-alerts';
import type { JobRunOutcome } from '../alerts/job-alerts';
import { describeError } from '../errors/errors';
import { getCorrelationId } from '../logging/context';
import type { Logger } from '../logging/logger';
import { correlationMiddleware } from './correlation.middleware';
import { errorMiddleware, statusFor } from './error.middleware';

export interface JobRunRequest {
  /** Compute and report, write nothing. From the request (`?dryRun=true`) or config. */
  dryRun: boolean | undefined;
}

/** What every job run returns and stores; flows add their own counters under `counts`. */
export interface JobRunReport {
  flow: string;
  status: 'completed' | 'partial' | 'skipped' | 'failed';
  /** Why a run was skipped or partial, e.g. `lock-held`, `time-budget`. */
  reason?: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  counts: Record<string, number>;
  /** What kept the run from being complete (e.g. a failed feed); sync-admin shows the flow degraded. */
  problems?: string[];
  /** What an operator must look at although the run did its work; sync-admin shows it degraded. */
  warnings?: string[];
  [extra: string]: unknown;
}

export interface JobAppDeps {
  logger: Logger;
  flow: string;
  run: (request: JobRunRequest) => Promise<JobRunReport>;
  /** Evaluated at the end of every run (its outcome, late jobs, the failure queue). */
  alerts?: ConnectorAlerts;
  /** Longest the alert evaluation may hold the run's answer. Default 20 s. */
  alertBudgetMs?: number;
}

/** The end-of-run alert hook: bounded in time, and it never fails the run. */
async function alertAfterRun(deps: JobAppDeps, outcome: JobRunOutcome): Promise<void> {
  const alerts = deps.alerts;
  if (!alerts) return;
  const work = (async () => {
    await alerts.jobs.afterRun(deps.flow, outcome);
    await alerts.sweep();
    await alerts.settled();
  })().catch((error: unknown) => {
    deps.logger.warn({ err: describeError(error) }, 'alerts not evaluated after the run');
  });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deps.alertBudgetMs ?? 20_000);
  });
  await Promise.race([work, budget]).finally(() => clearTimeout(timer));
}

function parseDryRun(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;

  return value === 'true' || value === '1';
}

/**
 * A job app: Connect's scheduler POSTs to `/job`. A completed, partial or skipped run answers
 * 200 with its report (a run that found the lock held is not an error); a retryable failure
 * 503 and anything else 500, so the scheduler records the run as failed.
 */
export function createJobApp(deps: JobAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlationMiddleware(deps.flow));
  app.use(express.json({ limit: '100kb' }));

  app.post('/job', async (req, res) => {
    try {
      const report = await deps.run({ dryRun: parseDryRun(req.query.dryRun) });
      deps.logger.info({ report }, `${deps.flow} run ${report.status}`);
      await alertAfterRun(deps, { report });
      res.status(200).json({ ...report, correlationId: getCorrelationId() });
    } catch (error) {
      const status = statusFor(error) === 503 ? 503 : 500;
      const described = describeError(error);
      deps.logger.error({ err: described }, `${deps.flow} run failed`);
      await alertAfterRun(deps, { error });
      res.status(status).json({
        status: 'failed',
        error: described.code,
        message: described.message,
        correlationId: getCorrelationId(),
      });
    }
  });
  app.get('/job/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(errorMiddleware(deps.logger));

  return app;
}
