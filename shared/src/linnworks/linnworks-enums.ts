/**
 * The SDK enums that appear in the responses the client reads, in the SDK's member order
 * (shared/reference/linnworks-sdk-models.json): Linnworks writes an enum as its name or as its
 * integer, and the integer is the member's index. The method-page samples show integers
 * (`"StatusHeader": 0`, `"RefundedUnit": 0`, `"RowType": 0`, `"StockAllocationType": 0`).
 */
export const LINNWORKS_RESPONSE_ENUMS = {
  CannotRefundReasonType: [
    'None',
    'NotImplemented',
    'DisabledInConfig',
    'MissingOrderInLinnworks',
    'OpenOrderInLinnworks',
    'OrderIsFullyRefundedInLinnworks',
    'NoNewRefundsSpecified',
    'NoUpdatedRefundsSpecified',
    'MultipleReferences',
    'SubStatusTagNotInTheSystem',
    'SubStatusTagIsNotActionable',
    'MultipleSubStatusTags',
    'RefundNotInSystem',
    'Other',
  ],
  PostSaleStatusType: ['OPEN', 'PROCESSED', 'ERROR', 'ERROR_ACKED', 'PENDING'],
  RefundUnitType: ['Item', 'Shipping', 'Service', 'Additional'],
  RefundValidationErrorType: [
    'None',
    'MissingOrderOnChannel',
    'WrongStateOnChannel',
    'AdditionalRefundNotAllowed',
    'ShippingRefundNotAllowed',
    'ShippingRefundOnItsOwnNotAllowed',
    'ItemRefundNotAllowed',
    'ServiceRefundNotAllowed',
    'NegativeOrZeroRefund',
    'OverRefunding',
    'NeedsConfirmation',
    'AlreadyRefundedOnChannel',
    'AlreadyRefundedInLinnworks',
    'FreeTextReasonNotSupported',
    'OnlyFreeTextReasonSupported',
    'ReasonTagIncorrect',
    'SubReasonTagIncorrect',
    'ItemNotFoundInLinnworks',
    'ItemNotFoundOnChannel',
    'NegativeServiceItem',
    'IncorrectOwnership',
    'UnsupportedPaymentMethod',
    'PartialRefundsNotAllowed',
    'OrderOrItemIsUnpaid',
    'UnknownStatus',
    'ItemSourceIsInvalid',
    'ChannelAuthenticationIssue',
    'Other',
  ],
  ReturnType: [
    'UNKNOWN',
    'RETURN',
    'RETURNREFUND',
    'EXCHANGE',
    'RESEND',
    'RETURNBOOKING',
    'EXCHANGEBOOKING',
  ],
  StockAllocationType: ['NotAllocated', 'Insuffient', 'Partial', 'Full', 'OverAllocated'],
} as const;

export type LinnworksResponseEnum = keyof typeof LINNWORKS_RESPONSE_ENUMS;
export type LinnworksPostSaleStatus = (typeof LINNWORKS_RESPONSE_ENUMS.PostSaleStatusType)[number];
export type LinnworksRefundUnit = (typeof LINNWORKS_RESPONSE_ENUMS.RefundUnitType)[number];
export type LinnworksReturnType = (typeof LINNWORKS_RESPONSE_ENUMS.ReturnType)[number];
export type LinnworksCannotRefundReason =
  (typeof LINNWORKS_RESPONSE_ENUMS.CannotRefundReasonType)[number];
export type LinnworksRefundValidationError =
  (typeof LINNWORKS_RESPONSE_ENUMS.RefundValidationErrorType)[number];

/**
 * The member named by `value`: an integer (or integer string) in the SDK's member order, or a
 * member name (case-insensitive, as the SDK's StringEnumConverter reads it). Undefined otherwise.
 */
export function linnworksEnumMember<M extends readonly string[]>(
  members: M,
  value: unknown,
): M[number] | undefined {
  const index =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : undefined;
  if (index !== undefined) return Number.isInteger(index) ? members[index] : undefined;
  if (typeof value !== 'string') return undefined;
  const wanted = value.trim().toLowerCase();

  return members.find((m) => m.toLowerCase() === wanted);
}
