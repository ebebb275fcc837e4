import { Router } from 'express';
import { type FailureQueue, getCorrelationId, z } from 'shared';

import { describePrincipal, principalOf } from '../auth/principal';
import { parseInput } from './validate';

const idSchema = z.strictObject({
  id: z.string().regex(/^[-_~.a-zA-Z0-9]{1,256}$/, 'must be a failure id'),
});
const bodySchema = z.strictObject({
  reason: z
    .string({ error: 'is required' })
    .trim()
    .min(3, 'must say why, in at least 3 characters')
    .max(500, 'must be at most 500 characters'),
});

/**
 * `POST /failures/:id/discard` with `{"reason": "…"}`: closes a pending failure that will never
 * succeed. It leaves the pending count and `/status`, and is kept with who discarded it and why.
 */
export function discardRoutes(failures: FailureQueue): Router {
  const router = Router();
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
