import { type Request, type Response, Router } from 'express';
import {
  getCorrelationId,
  type ReconcileService,
  reconcileRequestSchema,
  type ScheduledReconcileReport,
  z,
} from 'shared';

import { reconcileReportCsv } from '../reconcile/reconcile.csv';
import { replayRequestSchema } from '../replay/replay.schema';
import type { ReplayUseCase } from '../replay/replay.use-case';
import type { StatusReport } from '../status/status.service';
import { parseInput } from './validate';

const formatSchema = z.strictObject({ format: z.enum(['json', 'csv']).optional() });

/** JSON, or CSV with `?format=csv` / `Accept: text/csv` (one row per discrepancy). */
function sendReport(
  req: Request,
  res: Response,
  format: 'json' | 'csv' | undefined,
  report: Parameters<typeof reconcileReportCsv>[0],
): void {
  const csv =
    format === 'csv' ||
    (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
  if (csv) {
    res.type('text/csv').attachment('reconciliation.csv').send(reconcileReportCsv(report));

    return;
  }
  res.json({ ...report, correlationId: getCorrelationId() });
}

/** `GET /status`, `POST /replay`, `POST /reconcile` (JSON, or CSV with `?format=csv` / `Accept: text/csv`). */
export function operationsRoutes(deps: {
  status: () => Promise<StatusReport>;
  replay: ReplayUseCase;
  reconcile: ReconcileService;
  latestReconcile: () => Promise<ScheduledReconcileReport | undefined>;
}): Router {
  const router = Router();
  router.get('/status', async (_req, res) => {
    const report = await deps.status();
    res.status(report.status === 'down' ? 503 : 200).json(report);
  });
  router.post('/replay', async (req, res) => {
    const request = parseInput(replayRequestSchema, req.body, 'body');
    res.json({ ...(await deps.replay(request)), correlationId: getCorrelationId() });
  });
  router.post('/reconcile', async (req, res) => {
    const { format } = parseInput(formatSchema, req.query, 'query');
    const request = parseInput(reconcileRequestSchema, req.body, 'body');
    sendReport(req, res, format, await deps.reconcile(request));
  });
  router.get('/reconcile/latest', async (req, res) => {
    const { format } = parseInput(formatSchema, req.query, 'query');
    const report = await deps.latestReconcile();
    if (!report) {
      res.status(404).json({ error: 'NOT_FOUND', message: 'no scheduled reconciliation ran yet' });

      return;
    }
    sendReport(req, res, format, report);
  });

  return router;
}
