import { Router } from 'express';
import { type FailureQueue, getCorrelationId, z } from 'shared';

import { describePrincipal, principalOf } from '../auth/principal';
import { parseInput } from './validate';

const idSchema = z.strictObject({
  id: z.string().regex(/^[-_~.a-zA-Z0-9]{1,256}$/, 'must be a failure id'),
});
const reason = z
  .string({ error: 'is required' })
  .trim()
  .min(3, 'must say why, in at least 3 characters')
  .max(500, 'must be at most 500 characters');
const bodySchema = z.strictObject({ reason });
const name = z.string().regex(/^[-_a-zA-Z0-9]{1,64}$/, 'must be a name of letters, digits, - or _');
const bulkSchema = z.strictObject({
  flow: name,
  reasonCode: name,
  reason,
  limit: z.number().int().min(1).max(1000).default(500),
  dryRun: z.boolean().default(false),
});

const BULK_PAGE = 100;

/** Discards pending failures of one flow and reason, up to `limit`; each one as the single route does. */
async function discardBulk(
  failures: FailureQueue,
  request: z.output<typeof bulkSchema>,
  by: string,
) {
  const ids: string[] = [];
  for (let offset = 0; ids.length < request.limit;) {
    const page = await failures.list({
      flow: request.flow,
      reasonCode: request.reasonCode,
      status: 'pending',
      limit: Math.min(BULK_PAGE, request.limit - ids.length),
      offset,
    });
    if (page.items.length === 0) break;
    for (const item of page.items) {
      if (request.dryRun) ids.push(item.id);
      else if ((await failures.discard(item.id, request.reason, by))?.status === 'discarded')
        ids.push(item.id);
    }
    // Discarded ones leave the pending filter; a dry run pages on instead.
    if (request.dryRun) offset += page.items.length;
  }
  const { flow, reasonCode } = request;
  const left = await failures.list({ flow, reasonCode, status: 'pending', limit: 1 });

  return { ids, stillPending: request.dryRun ? left.total - ids.length : left.total };
}

/**
 * `POST /failures/discard` with `{"flow", "reasonCode", "reason"}`: the same for every pending
 * failure of a flow and reason (up to `limit`; `dryRun` lists them).
 * `POST /failures/:id/discard` with `{"reason": "…"}`: closes a pending failure that will never
 * succeed. It leaves the pending count and `/status`, and is kept with who discarded it and why.
 */
export function discardRoutes(failures: FailureQueue): Router {
  const router = Router();
  router.post('/failures/discard', async (req, res) => {
    const request = parseInput(bulkSchema, req.body, 'body');
    const by = describePrincipal(principalOf(res));
    const { ids, stillPending } = await discardBulk(failures, request, by);
    res.json({
      flow: request.flow,
      reasonCode: request.reasonCode,
      dryRun: request.dryRun,
      [request.dryRun ? 'wouldDiscard' : 'discarded']: ids.length,
      ids,
      stillPending,
      resolvedBy: by,
      correlationId: getCorrelationId(),
    });
  });
  router.post('/failures/:id/discard', async (req, res) => {
    const { id } = parseInput(idSchema, req.params, 'id');
    const { reason } = parseInput(bodySchema, req.body, 'body');
    const current = await failures.get(id);
    if (!current) {
      res.status(404).json({ error: 'NOT_FOUND', message: 'no failure with this id' });

      return;
    }
    const by = describePrincipal(principalOf(res));
    const record = current.status === 'pending' ? await failures.discard(id, reason, by) : current;
    if (
      record?.status !== 'discarded' ||
      record.resolvedBy !== by ||
      record.resolution !== reason
    ) {
      res.status(409).json({
        error: 'NOT_PENDING',
        message: `the failure is ${record?.status ?? current.status}, not pending`,
        status: record?.status ?? current.status,
      });

      return;
    }
    res.json({ ...record, correlationId: getCorrelationId() });
  });

  return router;
}
