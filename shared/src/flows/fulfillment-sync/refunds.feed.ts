import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import type { LinnworksFulfillmentSyncPort } from './linnworks-fulfillment-sync.port';
import type {
  LinnworksHistoryType,
  LinnworksRefundHeader,
  LinnworksReturnsRefundsDateType,
} from '../../linnworks/linnworks-types';
import { ctLineItemIdOf } from '../order-sync/linnworks-order.contract';
import { planPartialCancellations } from './cancellation.mapper';
import { windowFrom } from './cursor.repo';
import { type Feed, type FeedRun, saveCursor } from './feed-runner';
import {
  applyToOrder,
  type ApplyContext,
  recordProblem,
  unknownOrderProblem,
} from './fulfillment-context';
import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import type { LwOrderRef, LwRefundRecords } from './fulfillment.types';
import { refundLinesFromHeaders } from './linnworks-records.mapper';
import type { ResolvedOrder } from './order-link.repo';
import { linnworksInitiated, refundMoneyFromHeaders, returnsFromInfo } from './refund-money.mapper';
import { planReturns } from './refund.mapper';
import { bookRefundTransactions } from './refund-transactions';

/** Which Linnworks history to search and on which date [?: date semantics unverified, §6.2]. */
export const REFUND_SEARCHES: Array<{
  historyType: LinnworksHistoryType;
  dateType: LinnworksReturnsRefundsDateType;
}> = [
  { historyType: 'REFUNDS', dateType: 'ACTIONED' },
  { historyType: 'CANCELLATIONS', dateType: 'BOOKED' },
  // Goods back without a refund (a plain return) appear only here.
  { historyType: 'RETURNS', dateType: 'BOOKED' },
];

/**
 * The refund headers of one order with their lines. Linnworks sends headers without lines
 * (`"RefundLines": null` in its own sample), so every header that comes without them is read
 * again with GetRefundLinesByHeaderId.
 */
export async function refundHeadersWithLines(
  linnworks: LinnworksFulfillmentSyncPort,
  lwOrderId: string,
): Promise<LinnworksRefundHeader[]> {
  const headers = await linnworks.getRefundHeadersByOrderId({ orderId: lwOrderId });
  const complete: LinnworksRefundHeader[] = [];
  for (const header of headers) {
    if (header.RefundLines && header.RefundLines.length > 0) {
      complete.push(header);
      continue;
    }
    const lines = await linnworks.getRefundLinesByHeaderId({
      orderId: lwOrderId,
      refundHeaderId: header.RefundHeaderId,
    });
    complete.push({ ...header, RefundLines: lines });
  }

  return complete;
}

/**
 * What Linnworks holds of one order's money back and goods back: refund and cancellation lines
 * (with their commercetools line references), the money of each refund row, and its return rows.
 */
export async function refundRecordsOf(
  linnworks: LinnworksFulfillmentSyncPort,
  lwOrderId: string,
): Promise<LwRefundRecords> {
  const headers = await refundHeadersWithLines(linnworks, lwOrderId);
  const returns = returnsFromInfo(await linnworks.getReturnsExchanges({ orderId: lwOrderId }));
  const lines = refundLinesFromHeaders(headers);
  const records = { lines, money: refundMoneyFromHeaders(headers), returns };
  if (lines.length === 0 && returns.length === 0) return records;
  const [details] = await linnworks.getOrdersById({ orderIds: [lwOrderId] });
  const refByRow = new Map((details?.Items ?? []).map((i) => [i.RowId, ctLineItemIdOf(i)]));
  for (const l of [...lines.map((x) => x.line), ...returns.map((x) => x.line)]) {
    const ref = l.rowId ? refByRow.get(l.rowId) : undefined;
    if (ref) l.lineItemRef = ref;
  }

  return records;
}

/** Sets the order payment state of the settings once Linnworks refunded money of its own. */
function paymentStateAction(
  order: Order,
  records: LwRefundRecords,
  state: FulfillmentSyncSettings['refundPaymentState'],
): OrderUpdateAction[] {
  if (!state || order.paymentState === state) return [];

  return linnworksInitiated(records.money).length > 0
    ? [{ action: 'changePaymentState', paymentState: state }]
    : [];
}

/**
 * Applies one order's refund records: cancelled quantities, returned goods and the payment
 * state in one order update, then the refund rows as payment transactions (when configured).
 * Used by the feed and by replay.
 */
export async function applyRefundLines(
  ctx: ApplyContext & { cancelledStateId: string | undefined },
  ref: LwOrderRef,
  resolved: ResolvedOrder | undefined,
  records: LwRefundRecords,
): Promise<void> {
  if (!resolved) {
    await recordProblem(ctx, 'refunds', ref, unknownOrderProblem(ref));

    return;
  }
  const settings = ctx.deps.settings;
  const outcome = await applyToOrder(ctx, 'refunds', ref, resolved.order, (order) => {
    const cancelled = planPartialCancellations(order, records.lines, {
      key: settings.lineCancelledState,
      id: ctx.cancelledStateId,
    });
    if ('problem' in cancelled) return cancelled;
    const returned = planReturns(order, records.returns, settings);
    if ('problem' in returned) return returned;

    return [
      ...cancelled.actions,
      ...returned.actions,
      ...paymentStateAction(order, records, settings.refundPaymentState),
    ];
  });
  ctx.counts.add(`refunds.${outcome}`);
  if (outcome !== 'failed') await bookRefundTransactions(ctx, ref, resolved.order, records.money);
}

/**
 * Refunds, returns and partial cancellations: Linnworks' returns/refunds history in the window,
 * grouped by order; each order's refund headers and lines are read once and applied in one
 * update. The cursor moves to the window's end once every page is applied.
 */
export const refundsFeed: Feed = async (run: FeedRun) => {
  const cursor = await run.cursors.get('refunds');
  const to = run.now();
  const from = windowFrom(cursor, to, run.overlapMinutes, run.initialLookbackHours);
  const orders = new Map<string, LwOrderRef>();
  const source = run.deps.settings.source.toLowerCase();
  for (const search of REFUND_SEARCHES) {
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await run.deps.linnworks.searchReturnsRefunds({
        ...search,
        from,
        to,
        pageNumber,
        entriesPerPage: run.pageSize,
      });
      for (const row of page.Data) {
        if (row.Source.toLowerCase() !== source) continue;
        orders.set(row.pkOrderID, {
          lwOrderId: row.pkOrderID,
          numOrderId: row.nOrderId,
          reference: row.ReferenceNum,
          secondaryReference: '',
          externalReference: row.ExternalReference,
          source: row.Source,
          subSource: row.SubSource,
        });
      }
      if (page.Data.length === 0 || pageNumber >= page.TotalPages) break;
    }
  }
  run.counts.add('refunds.orders', orders.size);
  const refs = [...orders.values()];
  const resolved = await run.deps.links.resolve(refs);
  for (const ref of refs) {
    if (run.outOfTime()) return 'time-budget';
    const records = await refundRecordsOf(run.deps.linnworks, ref.lwOrderId);
    await applyRefundLines(run, ref, resolved.get(ref.lwOrderId), records);
  }
  await saveCursor(run, 'refunds', { at: to.toISOString() });

  return 'done';
};
