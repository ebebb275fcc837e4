import { z } from '../../config/env';

export const MAX_ORDERS_PER_PAGE = 200;
export const MAX_SKUS_PER_PAGE = 200;
const MAX_WINDOW_DAYS = 31;

const sku = z.string().min(1).max(256);
/** A resource id to continue after ('' to start): no 10,000 offset ceiling. */
const cursor = z.string().regex(/^[-a-zA-Z0-9]{0,64}$/, 'must be an id from nextCursor');

/**
 * A reconciliation request: orders created in [from, to) and/or stock for SKUs (listed, or a
 * page of the SKUs commercetools holds inventory for). Large windows page with `offset`.
 */
export const reconcileRequestSchema = z
  .strictObject({
    orders: z
      .strictObject({
        from: z.iso.datetime({ offset: true }),
        to: z.iso.datetime({ offset: true }),
        limit: z.number().int().min(1).max(MAX_ORDERS_PER_PAGE).default(50),
        offset: z.number().int().min(0).max(10_000).default(0),
        /** Cursor paging: '' for the first page, then the answer's `nextCursor`. */
        cursor: cursor.optional(),
      })
      .refine((o) => Date.parse(o.from) < Date.parse(o.to), {
        message: 'from must be before to',
        path: ['from'],
      })
      .refine((o) => Date.parse(o.to) - Date.parse(o.from) <= MAX_WINDOW_DAYS * 86_400_000, {
        message: `window must be at most ${MAX_WINDOW_DAYS} days`,
        path: ['to'],
      })
      .optional(),
    stock: z
      .strictObject({
        skus: z.array(sku).min(1).max(MAX_SKUS_PER_PAGE).optional(),
        limit: z.number().int().min(1).max(MAX_SKUS_PER_PAGE).default(50),
        offset: z.number().int().min(0).max(10_000).default(0),
        cursor: cursor.optional(),
      })
      .optional(),
  })
  .refine((body) => body.orders !== undefined || body.stock !== undefined, {
    message: 'give orders, stock or both',
    path: ['orders'],
  });

export type ReconcileRequest = z.output<typeof reconcileRequestSchema>;
