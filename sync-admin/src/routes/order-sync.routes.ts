import { Router } from 'express';
import { z } from 'shared';

import type { OrderSummaryService } from '../orders/order-summary';
import { parseInput } from './validate';

const orderIdSchema = z.strictObject({
  ctOrderId: z.string().regex(/^[-_a-zA-Z0-9]{1,256}$/, 'must be a commercetools order id'),
});

/** `GET /orders/by-id/:ctOrderId`: one order's sync summary (the Merchant Center order panel's). */
export function orderSyncRoutes(summary: OrderSummaryService): Router {
  const router = Router();
  router.get('/orders/by-id/:ctOrderId', async (req, res) => {
    const { ctOrderId } = parseInput(orderIdSchema, req.params, 'ctOrderId');
    const found = await summary(ctOrderId);
    if (!found) {
      res.status(404).json({
        error: 'NOT_FOUND',
        message: 'neither commercetools nor the connector knows this order',
      });

      return;
    }
    res.json(found);
  });

  return router;
}
