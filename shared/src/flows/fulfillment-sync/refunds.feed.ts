import type { OrderUpdateAction } from '@commercetools/platform-sdk';

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
import type { LwOrderRef, LwRefundLine } from './fulfillment.types';
import { refundLinesFromHeaders } from './linnworks-records.mapper';
import type { ResolvedOrder } from './order-link.repo';
import { planRefunds } from './refund.mapper';

/** Which Linnworks history to search and on which date [?: date semantics unverified, §6.2]. */
export const REFUND_SEARCHES: Array<{
  historyType: LinnworksHistoryType;
  dateType: LinnworksReturnsRefundsDateType;
}> = [
  { historyType: 'REFUNDS', dateType: 'ACTIONED' },
  { historyType: 'CANCELLATIONS', dateType: 'BOOKED' },
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

/** The refund and cancellation lines of one order, with their commercetools line references. */
export async function refundLinesOf(
  linnworks: LinnworksFulfillmentSyncPort,
  lwOrderId: string,
): Promise<LwRefundLine[]> {
  const lines = refundLinesFromHeaders(await refundHeadersWithLines(linnworks, lwOrderId));
  if (lines.length === 0) return lines;
  const [details] = await linnworks.getOrdersById({ orderIds: [lwOrderId] });
  const refByRow = new Map((details?.Items ?? []).map((i) => [i.RowId, ctLineItemIdOf(i)]));
  for (const l of lines) {
    const ref = l.line.rowId ? refByRow.get(l.line.rowId) : undefined;
    if (ref) l.line.lineItemRef = ref;
  }

  return lines;
}

/** Applies every refund and cancellation line of one order in one update (feed and replay). */
export async function applyRefundLines(
  ctx: ApplyContext & { cancelledStateId: string | undefined },
  ref: LwOrderRef,
  resolved: ResolvedOrder | undefined,
  lines: LwRefundLine[],
): Promise<void> {
  if (!resolved) {
    await recordProblem(ctx, 'refunds', ref, unknownOrderProblem(ref));

    return;
  }
  const settings = ctx.deps.settings;
  const returnDate = lines.map((l) => l.actionedDate).find(Boolean) ?? undefined;
  const outcome = await applyToOrder(ctx, 'refunds', ref, resolved.order, (order) => {
    const cancelled = planPartialCancellations(order, lines, {
      key: settings.lineCancelledState,
      id: ctx.cancelledStateId,
    });
    if ('problem' in cancelled) return cancelled;
    const refunds = planRefunds(order, lines, settings, returnDate);
    if ('problem' in refunds) return refunds;
    const actions: OrderUpdateAction[] = [...cancelled.actions, ...refunds.actions];

    return actions;
  });
  ctx.counts.add(`refunds.${outcome}`);
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
    const lines = await refundLinesOf(run.deps.linnworks, ref.lwOrderId);
    await applyRefundLines(run, ref, resolved.get(ref.lwOrderId), lines);
  }
  await saveCursor(run, 'refunds', { at: to.toISOString() });

  return 'done';
};
