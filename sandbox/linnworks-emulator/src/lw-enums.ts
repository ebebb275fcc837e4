import type { EmulatorOptions } from './emulator-options';

/**
 * The SDK enums the emulator writes in responses, in the SDK's member order
 * (shared/reference/linnworks-sdk-models.json; a contract test compares them). The integer of a
 * member is its index.
 */
export const EMULATED_ENUMS = {
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
  FulfillmentState: [
    'Unknown',
    'Insufficient_Stock',
    'Insufficient_To_Fulfill_All',
    'Sufficient_Stock',
  ],
  LocalityType: ['EU', 'US', 'AS'],
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
  StateType: ['AVAILABLE', 'LOCKED_BASIC', 'LOCKED_FULL', 'MAINTENANCE'],
  StockAllocationType: ['NotAllocated', 'Insuffient', 'Partial', 'Full', 'OverAllocated'],
} as const;

type Enums = typeof EMULATED_ENUMS;

/**
 * An enum value as the emulator writes it: the member's integer (the official samples' form,
 * default) or its name (`responseEnums: 'name'`).
 */
export function enumOut<E extends keyof Enums>(
  options: Pick<EmulatorOptions, 'responseEnums'>,
  enumName: E,
  member: Enums[E][number],
): string | number {
  if (options.responseEnums === 'name') return member;
  const index = (EMULATED_ENUMS[enumName] as readonly string[]).indexOf(member);
  if (index < 0) throw new Error(`${member} is not a ${enumName} member`);

  return index;
}
