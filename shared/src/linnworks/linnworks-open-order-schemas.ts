import { z } from 'zod';

import { lwList, lwNumber, lwPaged, nullAsEmpty } from './linnworks-schema-helpers';
import {
  lwOrderGeneralInfoSchema,
  lwOrderItemSchema,
  lwOrderShippingInfoSchema,
  lwOrderTotalsInfoSchema,
} from './linnworks-schemas';

/** zod schemas for the open-order edits' answers and the open-order list (reference §3.2). */

/** SDK `UpdateTotalsResult` (Orders/SetOrderShippingInfo). */
export const lwUpdateTotalsResultSchema = z.object({
  TotalsInfo: nullAsEmpty(lwOrderTotalsInfoSchema),
  ShippingInfo: nullAsEmpty(lwOrderShippingInfoSchema),
});

/** SDK `UpdateOrderItemResult` (Orders/AddOrderItem, UpdateOrderItem, RemoveOrderItem). */
export const lwUpdateOrderItemResultSchema = z.object({
  TotalsInfo: nullAsEmpty(lwOrderTotalsInfoSchema),
  Item: lwOrderItemSchema.nullish().transform((v) => v ?? null),
});

/** SDK `OpenOrder` (Orders/GetOpenOrders rows; no billing address, by the SDK's own note). */
export const lwOpenOrderSchema = z.object({
  OrderId: z.string(),
  NumOrderId: lwNumber,
  GeneralInfo: nullAsEmpty(lwOrderGeneralInfoSchema),
  ShippingInfo: nullAsEmpty(lwOrderShippingInfoSchema),
  TotalsInfo: nullAsEmpty(lwOrderTotalsInfoSchema),
  Items: lwList(lwOrderItemSchema),
});

export const lwOpenOrdersPageSchema = lwPaged(lwOpenOrderSchema);
