import { z } from 'zod';

import { lwVerifiedRefundSchema } from './linnworks-refund-schemas';
import { lwBoolean, lwEnum, lwList, lwNumber, lwString, lwText } from './linnworks-schema-helpers';

/**
 * zod schemas for the post-sale writes and their options (reference §6): cancellation options
 * and result (PostSale/*), refund options, created and actioned refunds (ReturnsRefunds/*).
 * Enums are read as names or integers (SDK order), like every response enum.
 */

const lwReasonSchema = z.object({ Tag: lwText, DisplayName: lwText });

export const lwCancellationOptionsSchema = z.object({
  CanCancel: lwBoolean,
  CanCancelInternally: lwBoolean,
  CanCancelOrderLines: lwBoolean,
  CanCancelPartially: lwBoolean,
  CanCancelFreeText: lwBoolean,
  CancelFreeTextOrNoteMaxLength: lwNumber,
  AutomaticRefundOnCancel: lwBoolean,
  AllowRefundOnCancel: lwBoolean,
  CancellationReasons: lwList(lwReasonSchema),
  Errors: lwList(z.string()),
});

export const lwValidatedCancellationSchema = z.object({
  /** `PostSaleStatusType` itself here, not a `PostSaleStatus` object. */
  Status: lwEnum('PostSaleStatusType'),
  NeedsConfirmation: lwBoolean,
  RefundReference: lwText,
  Errors: lwList(z.string()),
});

export const lwRefundOptionsSchema = z.object({
  CanRefund: lwBoolean,
  CanRefundInternally: lwBoolean,
  CanRefundItems: lwBoolean,
  CanRefundServices: lwBoolean,
  CanRefundShipping: lwBoolean,
  CanRefundShippingIndependently: lwBoolean,
  CanRefundAdditionally: lwBoolean,
  CanRefundFreeText: lwBoolean,
  RefundFreeTextOrNoteMaxLength: lwNumber,
  CannotRefundReason: lwEnum('CannotRefundReasonType'),
  ItemRefundReasons: lwList(lwReasonSchema),
  ShippingRefundReasons: lwList(lwReasonSchema),
  /** Every refund line already on the order, with the `ExternalReference` it was created with. */
  AllExistingRefunds: lwList(lwVerifiedRefundSchema),
  Errors: lwList(z.string()),
});

export const lwRefundOptionsResponseSchema = z.object({
  RefundOptions: z.preprocess((v) => v ?? {}, lwRefundOptionsSchema),
});

const lwStatusHeader = z
  .preprocess((v) => v ?? {}, z.object({ StatusHeader: lwEnum('PostSaleStatusType') }))
  .transform((v) => v.StatusHeader);

/** SDK `CreateRefundResponse`; `RefundHeaderId` is null when nothing was saved. */
export const lwCreateRefundResponseSchema = z.object({
  RefundHeaderId: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  RefundReference: lwString,
  Status: lwStatusHeader,
  CannotRefundReason: lwEnum('CannotRefundReasonType'),
  Errors: lwList(z.string()),
  RefundLines: lwList(lwVerifiedRefundSchema),
});

/** SDK `ActionRefundResponse`. */
export const lwActionRefundResponseSchema = lwCreateRefundResponseSchema.extend({
  SuccessfullyActioned: lwBoolean,
});
