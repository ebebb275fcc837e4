import type { EmulatorOptions } from '../emulator-options';
import type { CallParams } from '../http/params';
import { newGuid } from '../lw-format';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderItemRecord, OrderRecord, RefundLineRecord, RefundUnit } from '../state/records';
import { parseEnum } from './channel-order.parser';
import { roundMoney } from './money.rule';
import { orderTotals } from './order-totals.rule';
import {
  addRefunded,
  leftOnLine,
  leftOnShipping,
  type Refunded,
  refundedSoFar,
  type RefundValidationError,
} from './refund-limits.rule';

type Options = Pick<EmulatorOptions, 'moneyRounding' | 'lineDiscountUnit' | 'tenantTaxRate'>;

const UNITS: RefundUnit[] = ['Item', 'Shipping', 'Service', 'Additional'];
/** `RefundOptions.RefundFreeTextOrNoteMaxLength` of the method-page sample. */
export const MAX_REFUND_NOTE = 255;
const NOISE = 1e-6;

/** One NewRefundLine as it would be saved, and what is wrong with it (`None`: nothing). */
export interface CheckedRefundLine {
  record: RefundLineRecord;
  error: RefundValidationError;
  message: string;
}

type Problem = [RefundValidationError, string];
const OK: Problem = ['None', ''];

function reasonProblem(p: CallParams): Problem | undefined {
  // The emulated sources have no channel refund reasons (ItemRefundReasons is empty): a reason
  // travels as free text, up to the channel's length.
  const tag = p.string('ReasonTag');
  if (tag)
    return ['ReasonTagIncorrect', `Reason tag '${tag}' is not a refund reason of this channel`];
  const sub = p.string('SubReasonTag');
  if (sub)
    return ['SubReasonTagIncorrect', `Sub-reason tag '${sub}' is not a reason of this channel`];
  if ((p.string('FreeTextOrNote') ?? '').length > MAX_REFUND_NOTE)
    return ['Other', `FreeTextOrNote is longer than ${MAX_REFUND_NOTE} characters`];

  return undefined;
}

function shippingProblem(
  order: OrderRecord,
  amount: number,
  left: number,
  options: Options,
): Problem {
  if (orderTotals(order, options).postageCost <= 0)
    return ['ShippingRefundNotAllowed', 'The order has no shipping cost to refund'];
  if (left <= 0) return ['AlreadyRefundedInLinnworks', 'Shipping is already fully refunded'];
  if (amount > left + NOISE)
    return ['OverRefunding', `Shipping refund ${amount} is more than the ${left} left`];

  return OK;
}

function itemProblem(
  item: OrderItemRecord | undefined,
  rowId: string | null,
  line: { amount: number; quantity: number },
  refunded: Refunded,
  options: Options,
): Problem {
  if (!item)
    return ['ItemNotFoundInLinnworks', `Order item ${rowId ?? '(none)'} is not on the order`];
  const left = leftOnLine(item, refunded, options);
  if (left.amount <= 0)
    return ['AlreadyRefundedInLinnworks', `Line ${item.rowId} is already fully refunded`];
  if (line.amount > left.amount + NOISE)
    return [
      'OverRefunding',
      `Refund ${line.amount} is more than the ${left.amount} left on line ${item.rowId}`,
    ];
  if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > left.units)
    return [
      'OverRefunding',
      `${line.quantity} units is more than the ${left.units} left on line ${item.rowId}`,
    ];

  return OK;
}

/**
 * Checks the NewRefundLines of a CreateRefund against what is left to refund; lines of the same
 * request count together (two lines cannot each take the whole of one item).
 */
export function checkRefundLines(
  store: EmulatorStore,
  order: OrderRecord,
  lines: CallParams[],
  options: Options,
): CheckedRefundLine[] {
  const refunded = refundedSoFar(store, order);

  return lines.map((p) => {
    const unit = parseEnum(p.raw('RefundedUnit'), UNITS, 'Item');
    const rowId = p.string('OrderItemRowId')?.toLowerCase() ?? null;
    const item = order.items.find((i) => i.rowId === rowId);
    const record: RefundLineRecord = {
      rowId: newGuid(),
      unit,
      orderItemRowId: item?.rowId ?? null,
      sku: item ? item.sku || item.channelSku : '',
      title: item?.title ?? (unit === 'Shipping' ? 'Shipping' : ''),
      amount: roundMoney(options, p.number('Amount') ?? 0),
      quantity: p.number('Quantity') ?? 0,
      cancelledQuantity: p.number('CancelledQuantity') ?? 0,
      isCancellation: false,
      reasonTag: p.string('ReasonTag') ?? '',
      note: p.string('FreeTextOrNote') ?? '',
      externalReference: p.string('ExternalReference') ?? '',
    };
    const [error, message] =
      record.amount <= 0
        ? ([
            'NegativeOrZeroRefund',
            `Refund amount ${record.amount} must be more than 0`,
          ] as Problem)
        : (reasonProblem(p) ??
          (unit === 'Additional'
            ? OK
            : unit === 'Shipping'
              ? shippingProblem(
                  order,
                  record.amount,
                  leftOnShipping(order, refunded, options),
                  options,
                )
              : itemProblem(item, rowId, record, refunded, options)));
    if (error === 'None') addRefunded(refunded, unit, record.orderItemRowId, record);

    return { record, error, message };
  });
}
