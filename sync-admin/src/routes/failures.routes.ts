import { Router } from 'express';
import { type FailureQueue, z } from 'shared';

import { parseInput } from './validate';

const name = z.string().regex(/^[-_a-zA-Z0-9]{1,64}$/, 'must be a name of letters, digits, - or _');
const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

export const failureQuerySchema = z.strictObject({
  flow: name.optional(),
  reasonCode: name.optional(),
  status: z.enum(['pending', 'resolved', 'discarded']).optional(),
  orderNumber: z.string().trim().min(1).max(256).optional(),
  ctOrderId: z
    .string()
    .regex(/^[-_a-zA-Z0-9]{1,256}$/, 'must be a commercetools order id')
    .optional(),
  correlationId: z
    .string()
    .regex(/^[-_.a-zA-Z0-9]{1,128}$/, 'must be a correlation ID')
    .optional(),
  sku: z.string().trim().min(1).max(256).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: integer(1, 500, 50),
  offset: integer(0, 10_000, 0),
});

const idSchema = z.strictObject({
  id: z.string().regex(/^[-_~.a-zA-Z0-9]{1,256}$/, 'must be a failure id'),
});

/**
 * `GET /failures` (filters, paged; also by order number, order id, correlation ID and SKU) and
 * `GET /failures/:id`. Records hold ids, never personal data.
 */
export function failuresRoutes(failures: FailureQueue): Router {
  const router = Router();
  router.get('/failures', async (req, res) => {
    const q = parseInput(failureQuerySchema, req.query, 'query');
    const { limit, offset, since, until, ...equal } = q;
    const page = await failures.list({
      ...Object.fromEntries(Object.entries(equal).filter(([, v]) => v !== undefined)),
      ...(since ? { since: new Date(since).toISOString() } : {}),
      ...(until ? { until: new Date(until).toISOString() } : {}),
      limit,
      offset,
    });
    const next = page.offset + page.items.length;
    res.json({
      items: page.items,
      total: page.total,
      offset: page.offset,
      limit: q.limit,
      ...(next < page.total ? { nextOffset: next } : {}),
    });
  });
  router.get('/failures/:id', async (req, res) => {
    const { id } = parseInput(idSchema, req.params, 'id');
    const record = await failures.get(id);
    if (!record) {
      res.status(404).json({ error: 'NOT_FOUND', message: 'no failure with this id' });

      return;
    }
    res.json(record);
  });

  return router;
}
