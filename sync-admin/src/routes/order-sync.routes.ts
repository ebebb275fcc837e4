import { type Request, type Response, Router } from 'express';
import { getCorrelationId, type SyncResult, z } from 'shared';

import type { OrderIdLookup } from '../orders/order-lookup';
import type { OrderSummaryService } from '../orders/order-summary';
import { parseInput } from './validate';

const orderIdSchema = z.strictObject({
  ctOrderId: z.string().regex(/^[-_a-zA-Z0-9]{1,256}$/, 'must be a commercetools order id'),
});
const orderNumberSchema = z.strictObject({
  orderNumber: z.string().trim().min(1, 'must be an order number').max(256, 'is too long'),
});
const syncQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
const syncBodySchema = z.strictObject({ dryRun: z.boolean().optional() });

export interface OrderRoutesDeps {
  orderSummary: OrderSummaryService;
  findOrderId: OrderIdLookup;
  /** order-sync's use case for one order (the face's `sync`). */
  syncOrder(ctOrderId: string, options: { dryRun: boolean }): Promise<SyncResult>;
}

const notFound = {
  error: 'NOT_FOUND',
  message: 'neither commercetools nor the connector knows this order',
};

/**
 * `GET /orders/by-id/:ctOrderId` and `GET /orders/:orderNumber`: one order's sync summary;
 * `POST /orders/by-id/:ctOrderId/sync` and `POST /orders/:orderNumber/sync`: sync it now.
 */
export function orderSyncRoutes(deps: OrderRoutesDeps): Router {
  const router = Router();
  const summarise = async (ctOrderId: string | undefined, res: Response) => {
    const found = ctOrderId ? await deps.orderSummary(ctOrderId) : undefined;
    if (!found) res.status(404).json(notFound);
    else res.json(found);
  };
  const sync = async (ctOrderId: string | undefined, req: Request, res: Response) => {
    const query = parseInput(syncQuerySchema, req.query, 'query');
    const body = parseInput(syncBodySchema, req.body, 'body');
    if (!ctOrderId) return void res.status(404).json(notFound);
    const dryRun = body.dryRun ?? query.dryRun === 'true';
    const result = await deps.syncOrder(ctOrderId, { dryRun });
    res.json({ ctOrderId, dryRun, ...result, correlationId: getCorrelationId() });
  };
  router.get('/orders/by-id/:ctOrderId', async (req, res) => {
    await summarise(parseInput(orderIdSchema, req.params, 'ctOrderId').ctOrderId, res);
  });
  router.post('/orders/by-id/:ctOrderId/sync', async (req, res) => {
    await sync(parseInput(orderIdSchema, req.params, 'ctOrderId').ctOrderId, req, res);
  });
  router.get('/orders/:orderNumber', async (req, res) => {
    const { orderNumber } = parseInput(orderNumberSchema, req.params, 'orderNumber');
    await summarise(await deps.findOrderId(orderNumber), res);
  });
  router.post('/orders/:orderNumber/sync', async (req, res) => {
    const { orderNumber } = parseInput(orderNumberSchema, req.params, 'orderNumber');
    await sync(await deps.findOrderId(orderNumber), req, res);
  });

  return router;
}
