import { cancelWholeOrder } from '../control/order-actions';
import { enumOut } from '../lw-enums';
import { lineTotals, orderTotals } from '../rules/order-totals.rule';
import { addRefundHeader } from '../rules/refund-header.rule';
import { requestOf } from '../rules/wrapping.rule';
import { newGuid } from '../lw-format';
import type { OrderRecord, RefundLineRecord } from '../state/records';
import { refundHeaderView } from '../views/refund.view';
import type { CallContext, HandlerTable } from './handler';

type Json = Record<string, unknown>;

/** `CancelFreeTextOrNoteMaxLength` of the method-page sample. */
const MAX_NOTE = 255;

/** Why the order cannot be cancelled (emulator texts; Linnworks documents none), or undefined. */
function cancelProblem(order: OrderRecord | undefined): string | undefined {
  if (!order) return 'Order not found';
  if (order.processed) return 'Order is already processed';

  return undefined;
}

/**
 * PostSale/GetCancellationOptions (GET `orderId`). The emulated sources have no channel
 * integration, so an open order can be cancelled in Linnworks only (`CanCancelInternally`), never
 * on the channel (`CanCancel`), nor by line or partly: part of an order is cancelled with the
 * order-item calls. Values of an open order follow the method-page sample.
 */
function getCancellationOptions(ctx: CallContext): unknown {
  const order = ctx.store.order(ctx.params.string('orderId') ?? '');
  const problem = cancelProblem(order);

  return {
    CanCancelInternally: problem === undefined,
    AutomaticRefundOnCancel: false,
    CanCancel: false,
    CanCancelOrderLines: false,
    CanCancelPartially: false,
    CanCancelFreeText: problem === undefined,
    CancelFreeTextOrNoteMaxLength: MAX_NOTE,
    CancellationReasons: [],
    Order: null,
    CancellationHeader: null,
    AllowRefundOnCancel: true,
    Errors: problem ? [problem] : [],
    OrderIsLockedOnUnhandledError: false,
  };
}

/** The refund `CreateFullRefund` books with a cancellation: every line in full, and shipping. */
function fullRefundLines(ctx: CallContext, order: OrderRecord): RefundLineRecord[] {
  const line = (fields: Partial<RefundLineRecord>): RefundLineRecord => ({
    rowId: newGuid(),
    unit: 'Item',
    orderItemRowId: null,
    sku: '',
    title: '',
    amount: 0,
    quantity: 0,
    cancelledQuantity: 0,
    isCancellation: true,
    reasonTag: '',
    note: '',
    ...fields,
  });
  const lines = order.items.map((item) =>
    line({
      orderItemRowId: item.rowId,
      sku: item.sku || item.channelSku,
      title: item.title,
      amount: lineTotals(item, ctx.options).costIncTax,
      quantity: item.quantity,
      cancelledQuantity: item.quantity,
    }),
  );
  const postage = orderTotals(order, ctx.options).postageCost;

  return postage > 0
    ? [...lines, line({ unit: 'Shipping', title: 'Shipping', amount: postage })]
    : lines;
}

function createRequestProblem(
  ctx: CallContext,
  order: OrderRecord | undefined,
): string | undefined {
  const request = requestOf(ctx);
  const internal = request.boolean('InternalOnly') ?? false;
  if (request.boolean('IsChannelCancellation') && !internal)
    return "Channel cancellation is not available for this order's source";
  const tag = request.string('ReasonTag');
  if (tag) return `Reason tag '${tag}' is not a cancellation reason of this channel`;
  if ((request.string('FreeTextOrNote') ?? '').length > MAX_NOTE)
    return `FreeTextOrNote is longer than ${MAX_NOTE} characters`;

  return cancelProblem(order);
}

/**
 * PostSale/CreateCancellation {request: CancellationRequest}: cancels the whole open order in
 * Linnworks (as Orders/CancelOrder), and with `CreateFullRefund` books its refund. Refusals are
 * answered in the body: `Status` ERROR and `Errors`.
 */
function createCancellation(ctx: CallContext): unknown {
  const request = requestOf(ctx);
  const order = ctx.store.order(request.string('OrderId') ?? '');
  const problem = createRequestProblem(ctx, order);
  const answer = (
    status: 'PROCESSED' | 'ERROR',
    errors: string[],
    header?: Json,
    ref?: string,
  ) => ({
    Status: enumOut(ctx.options, 'PostSaleStatusType', status),
    SubStatus: null,
    ChannelExistingCancellations: [],
    NeedsConfirmation: false,
    RefundReference: ref ?? null,
    Errors: errors,
    Order: null,
    CancellationHeader: header ?? null,
    AllowRefundOnCancel: true,
    OrderIsLockedOnUnhandledError: false,
  });
  if (problem || !order) return answer('ERROR', [problem ?? 'Order not found']);
  const refund = request.boolean('CreateFullRefund') ? fullRefundLines(ctx, order) : undefined;
  cancelWholeOrder(ctx.store, order);
  const note = request.string('FreeTextOrNote');
  if (note) {
    order.notes.push({
      id: newGuid(),
      note,
      date: ctx.store.now(),
      internal: true,
      createdBy: 'API',
    });
  }
  if (!refund) return answer('PROCESSED', []);
  const header = addRefundHeader(ctx.store, order, refund, {
    actioned: true,
    reference: request.string('RefundReference'),
  });
  const view = refundHeaderView(ctx.options, order, header);

  return answer('PROCESSED', [], view, header.reference);
}

export const postSaleRoutes: HandlerTable = {
  'PostSale/GetCancellationOptions': getCancellationOptions,
  'PostSale/CreateCancellation': createCancellation,
};
