import { z } from 'zod';

import * as helpers from './linnworks-schema-helpers';

const { lwBoolean, lwDate, lwEnum, lwList, lwNumber, lwPaged, lwString, lwText } = helpers;

/** zod schemas for the refund, return and cancellation reads (reference §6). */

export const lwPostSaleStatusSchema = z.object({
  StatusHeader: lwEnum('PostSaleStatusType'),
});

export const lwVerifiedRefundSchema = z.object({
  RefundRowId: z.string(),
  RefundHeaderId: lwNumber,
  RefundedUnit: lwEnum('RefundUnitType'),
  IsShippingRefund: lwBoolean,
  IsAdditionalRefund: lwBoolean,
  IsCancellation: lwBoolean,
  Amount: lwNumber,
  Quantity: lwNumber,
  RefundedItem: z
    .object({
      OrderItemRowId: lwString,
      ItemSKU: lwText,
      ChannelSKU: lwText,
      CancelledQuantity: lwNumber,
    })
    .nullish()
    .transform((v) => v ?? null),
  ReasonTag: lwText,
  FreeTextOrNote: lwText,
  /** "The channel reference number for this refund": the connector's key on refunds it creates. */
  ExternalReference: lwText,
  ChannelInitiated: lwBoolean,
  Actioned: lwBoolean,
  ActionedDate: lwDate,
  Deleted: lwBoolean,
  RefundValidationError: lwEnum('RefundValidationErrorType'),
  ValidationError: lwText,
});

export const lwRefundHeaderSchema = z.object({
  RefundHeaderId: lwNumber,
  OrderId: z.string(),
  NumOrderId: lwNumber,
  Amount: lwNumber,
  Currency: lwText,
  Status: z.preprocess((v) => v ?? {}, lwPostSaleStatusSchema).transform((v) => v.StatusHeader),
  ChannelInitiated: lwBoolean,
  CreatedDate: lwDate,
  Actioned: lwBoolean,
  LastActionDate: lwDate,
  ExternalReference: lwText,
  /**
   * Headers usually come without their lines (`"RefundLines": null` in the official sample):
   * null or absent stays null so the caller knows to read them with GetRefundLinesByHeaderId.
   */
  RefundLines: z
    .array(lwVerifiedRefundSchema)
    .nullish()
    .transform((v) => v ?? null),
});

export const lwRefundHeadersResponseSchema = z.object({
  RefundHeaders: lwList(lwRefundHeaderSchema),
});

export const lwRefundLinesResponseSchema = z.object({
  RefundHeaderId: lwNumber,
  RefundLines: lwList(lwVerifiedRefundSchema),
});

/** Legacy `RefundInfo` (ProcessedOrders/GetRefunds). */
export const lwRefundInfoSchema = z.object({
  pkRefundRowId: lwString,
  fkOrderItemRowId: lwString,
  SKU: lwText,
  IsItem: lwBoolean,
  IsService: lwBoolean,
  Amount: lwNumber,
  Reason: lwText,
  Actioned: lwBoolean,
  ActionDate: lwDate,
  RefundStatus: lwEnum('PostSaleStatusType'),
});

export const lwReturnInfoSchema = z.object({
  pkReturnId: lwNumber,
  RowType: lwEnum('ReturnType'),
  ReturnReference: lwText,
  fkOrderId: lwString,
  fkOrderItemRowId: lwString,
  nOrderId: lwNumber,
  SKU: lwText,
  ReturnQty: lwNumber,
  Reason: lwText,
  Category: lwText,
  Completed: lwBoolean,
  fkRefundRowId: lwString,
  RefundedAmount: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  ReturnDate: lwDate,
});

export const lwReturnsRefundsRowSchema = z.object({
  pkOrderID: z.string(),
  nOrderId: lwNumber,
  ReferenceNum: lwText,
  ExternalReference: lwText,
  Source: lwText,
  SubSource: lwText,
  ItemNumber: lwText,
  pkRefundRowId: lwString,
  RefundReference: lwText,
  Amount: lwNumber,
  RefundStatus: lwEnum('PostSaleStatusType'),
  CreateDate: lwDate,
  ActionDate: lwDate,
  pkReturnId: lwNumber,
  /** A plain string in the SDK (`ReturnsRefundsWeb.RowType: String`), unlike `ReturnInfo.RowType`. */
  RowType: lwText,
  ReturnQty: lwNumber,
  ReturnDate: lwDate,
  CancellationQuantity: lwNumber,
});

export const lwReturnsRefundsPageSchema = lwPaged(lwReturnsRefundsRowSchema);
