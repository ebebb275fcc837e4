import { asParamsList } from '../http/params';
import { addRefundHeader } from '../rules/refund-header.rule';
import { checkRefundLines } from '../rules/refund-lines.rule';
import { type CannotRefundReason, cannotRefundReason } from '../rules/refund-limits.rule';
import { requestOf } from '../rules/wrapping.rule';
import { orderTotals } from '../rules/order-totals.rule';
import type { OrderRecord } from '../state/records';
import { refundOptionsView, refusedRefundView, savedRefundView } from '../views/post-sale.view';
import type { CallContext, HandlerTable } from './handler';

/** The emulator's words for each refusal (Linnworks documents the reasons, not their texts). */
const REASON_TEXT: Partial<Record<CannotRefundReason, string>> = {
  MissingOrderInLinnworks: 'The order does not exist in Linnworks',
  OpenOrderInLinnworks: 'The order is open: refunds are for processed orders',
  OrderIsFullyRefundedInLinnworks: 'The order is already fully refunded',
  NoNewRefundsSpecified: 'No refund lines were given',
  MultipleReferences: 'The refund lines carry more than one ExternalReference',
  RefundNotInSystem: 'The refund header does not exist on this order',
};

function orderOf(ctx: CallContext): OrderRecord | undefined {
  return ctx.store.order(requestOf(ctx).string('OrderId') ?? '');
}

/** ReturnsRefunds/GetRefundOptions {request: {OrderId, RefundHeaderId?}}. */
function getRefundOptions(ctx: CallContext): unknown {
  const order = orderOf(ctx);
  const headerId = requestOf(ctx).number('RefundHeaderId');
  const headers = order ? ctx.store.refunds.filter((h) => h.orderId === order.id) : [];
  const reason = cannotRefundReason(ctx.store, order, ctx.options);
  const hasPostage = order ? orderTotals(order, ctx.options).postageCost > 0 : false;
  const header = headers.find((h) => h.id === headerId);

  return {
    RefundOptions: refundOptionsView(ctx.options, reason, order, headers, header, hasPostage),
  };
}

/**
 * ReturnsRefunds/CreateRefund {request: {ChannelInitiated, OrderId, RefundLines}}: "Creates a
 * refund in the system for approval": a booked header (OPEN) that ActionRefund actions. A
 * refusal saves nothing and answers why. Linnworks documents no idempotency key, so every
 * accepted call saves a new header, whatever its ExternalReference.
 */
function createRefund(ctx: CallContext): unknown {
  const request = requestOf(ctx);
  const order = orderOf(ctx);
  const lines = asParamsList(request.list('RefundLines'));
  const references = new Set(lines.map((l) => l.string('ExternalReference') ?? '').filter(Boolean));
  let reason = cannotRefundReason(ctx.store, order, ctx.options);
  if (reason === 'None' && lines.length === 0) reason = 'NoNewRefundsSpecified';
  if (reason === 'None' && references.size > 1) reason = 'MultipleReferences';
  if (reason !== 'None' || !order) {
    return refusedRefundView(ctx.options, reason, [REASON_TEXT[reason] ?? reason], []);
  }
  const checked = checkRefundLines(ctx.store, order, lines, ctx.options);
  const failed = checked.filter((c) => c.error !== 'None');
  if (failed.length > 0) {
    return refusedRefundView(
      ctx.options,
      'None',
      failed.map((f) => f.message),
      checked,
    );
  }
  const header = addRefundHeader(
    ctx.store,
    order,
    checked.map((c) => c.record),
    {
      actioned: false,
      channelInitiated: request.boolean('ChannelInitiated') ?? false,
      externalReference: [...references][0] ?? '',
    },
  );

  return savedRefundView(ctx.options, header);
}

/**
 * ReturnsRefunds/ActionRefund {request: {RefundHeaderId, OrderId}}: marks the booked refund
 * actioned (the emulated sources have no channel to send it to). The OrderId must be the
 * header's ("double-step verification"); an actioned header is not actioned again.
 */
function actionRefund(ctx: CallContext): unknown {
  const request = requestOf(ctx);
  const order = orderOf(ctx);
  const headerId = request.number('RefundHeaderId');
  const header = ctx.store.refunds.find((h) => h.id === headerId && h.orderId === order?.id);
  if (!header) {
    return {
      SuccessfullyActioned: false,
      ...refusedRefundView(ctx.options, 'RefundNotInSystem', [REASON_TEXT.RefundNotInSystem!], []),
    };
  }
  if (header.actioned) {
    return {
      SuccessfullyActioned: false,
      ...savedRefundView(ctx.options, header),
      Errors: [`Refund ${header.id} is already actioned`],
    };
  }
  header.actioned = true;
  header.actionedDate = ctx.store.now();

  return { SuccessfullyActioned: true, ...savedRefundView(ctx.options, header) };
}

export const refundWriteRoutes: HandlerTable = {
  'ReturnsRefunds/GetRefundOptions': getRefundOptions,
  'ReturnsRefunds/CreateRefund': createRefund,
  'ReturnsRefunds/ActionRefund': actionRefund,
};
