import type { EmulatorOptions } from '../emulator-options';
import { enumOut } from '../lw-enums';
import type { CheckedRefundLine } from '../rules/refund-lines.rule';
import { MAX_REFUND_NOTE } from '../rules/refund-lines.rule';
import type { CannotRefundReason } from '../rules/refund-limits.rule';
import type { OrderRecord, RefundHeaderRecord } from '../state/records';
import { postSaleStatusView, refundHeaderView, verifiedRefundView } from './refund.view';

type Json = Record<string, unknown>;
type ViewOptions = Pick<EmulatorOptions, 'responseEnums' | 'refundHeaderLines' | 'moneyRounding'>;

/**
 * SDK `RefundOptions` (ReturnsRefunds/GetRefundOptions). The emulated sources have no channel
 * integration: no channel reasons, free text allowed (255 characters, as in the method-page
 * sample). `AllExistingRefunds` lists every refund line of the order.
 */
export function refundOptionsView(
  options: ViewOptions,
  reason: CannotRefundReason,
  order: OrderRecord | undefined,
  headers: RefundHeaderRecord[],
  header: RefundHeaderRecord | undefined,
  hasPostage: boolean,
): Json {
  const can = reason === 'None';

  return {
    CanSendRejectionIfDeleted: false,
    CanRefund: can,
    CanRefundInternally: can,
    CanRefundItems: can,
    CanRefundServices: can,
    CanRefundShipping: can && hasPostage,
    CanRefundShippingIndependently: can && hasPostage,
    CanRefundAdditionally: can,
    CanRefundFreeText: true,
    CanInsufficientRefundFreeText: true,
    RefundFreeTextOrNoteMaxLength: MAX_REFUND_NOTE,
    SubStatuses: [],
    InsufficientRefundReasons: [],
    ItemRefundReasons: [],
    ServiceRefundReasons: [],
    ShippingRefundReasons: [],
    ItemizedRefundReasons: [],
    RejectionReasons: [],
    CannotRefundReason: enumOut(options, 'CannotRefundReasonType', reason),
    Order: null,
    RefundHeader: order && header ? refundHeaderView(options, order, header) : null,
    AllExistingRefunds: headers.flatMap((h) =>
      h.lines.map((l) => verifiedRefundView(options, h, l)),
    ),
    Errors: [],
  };
}

/** SDK `CreateRefundResponse` / `ActionRefundResponse` of a saved header (lines null, as in the samples). */
export function savedRefundView(options: ViewOptions, header: RefundHeaderRecord): Json {
  return {
    RefundHeaderId: header.id,
    RefundReference: header.reference,
    Status: postSaleStatusView(options, header.actioned ? 'PROCESSED' : 'OPEN'),
    CannotRefundReason: enumOut(options, 'CannotRefundReasonType', 'None'),
    Errors: [],
    RefundLines: null,
  };
}

/** SDK `CreateRefundResponse` of a refused refund: nothing saved, the reason, each line's error. */
export function refusedRefundView(
  options: ViewOptions,
  reason: CannotRefundReason,
  errors: string[],
  lines: CheckedRefundLine[],
): Json {
  const none: RefundHeaderRecord = {
    id: 0,
    orderId: '',
    reference: '',
    createdDate: new Date(0),
    actioned: false,
    actionedDate: null,
    channelInitiated: false,
    lines: [],
  };

  return {
    RefundHeaderId: null,
    RefundReference: null,
    Status: postSaleStatusView(options, 'ERROR'),
    CannotRefundReason: enumOut(options, 'CannotRefundReasonType', reason),
    Errors: errors,
    RefundLines: lines.map((l) => ({
      ...verifiedRefundView(options, none, l.record),
      RefundHeaderId: 0,
      Status: postSaleStatusView(options, 'ERROR'),
      RefundValidationError: enumOut(options, 'RefundValidationErrorType', l.error),
      ValidationError: l.message || null,
    })),
  };
}
