import { planFullCancellation } from './cancellation.mapper';
import { windowFrom } from './cursor.repo';
import { type Feed, type FeedRun, saveCursor } from './feed-runner';
import {
  applyToOrder,
  type ApplyContext,
  recordProblem,
  unknownOrderProblem,
} from './fulfillment-context';
import type { LwOrderRef } from './fulfillment.types';
import {
  isCancelledRow,
  refFromProcessed,
  shipmentFromProcessed,
} from './linnworks-records.mapper';
import type { ResolvedOrder } from './order-link.repo';
import { latest, searchProcessed } from './processed-search';
import { applyShipment, withPackages } from './shipped.feed';

/**
 * Shipped: processed orders since the cursor (less the overlap), page by page. Cancelled
 * orders are left to the cancellation feed. The cursor moves to the latest processed date of
 * each page once the page is applied.
 */
export const processedFeed: Feed = async (run: FeedRun) => {
  const cursor = await run.cursors.get('processed');
  const to = run.now();
  const from = windowFrom(cursor, to, run.overlapMinutes, run.initialLookbackHours);
  const pages = searchProcessed(run.deps.linnworks, {
    dateField: 'processed',
    from,
    to,
    pageSize: run.pageSize,
    source: run.deps.source,
    seen: new Set(),
  });
  for await (const page of pages) {
    const shipments = page.rows.filter((r) => !isCancelledRow(r)).map(shipmentFromProcessed);
    run.counts.add('processed.seen', shipments.length);
    await withPackages(run.deps.linnworks, shipments, run.deps.settings.packageSplit);
    const resolved = await run.deps.links.resolve(shipments);
    for (const shipment of shipments) {
      await applyShipment(run, shipment, resolved.get(shipment.lwOrderId), run.cancelledStateId);
    }
    const at = latest(page.all, 'dProcessedOn');
    if (at && (!cursor?.at || at > cursor.at)) await saveCursor(run, 'processed', { at });
    if (run.outOfTime() && page.pageNumber < page.totalPages) return 'time-budget';
  }

  return 'done';
};

/**
 * Applies a Linnworks cancellation of a whole order, unless order-sync sent it (echo
 * prevention): the order-state record is marked `linnworks` first, then the order is cancelled.
 */
export async function applyCancellation(
  ctx: ApplyContext,
  ref: LwOrderRef,
  resolved: ResolvedOrder | undefined,
): Promise<void> {
  if (!resolved) {
    await recordProblem(ctx, 'cancelled', ref, unknownOrderProblem(ref));

    return;
  }
  if (resolved.state?.cancellation?.source === 'commercetools') {
    ctx.counts.add('cancelled.echoSkipped');

    return;
  }
  if (resolved.order.orderState === 'Cancelled') {
    ctx.counts.add('cancelled.unchanged');

    return;
  }
  if (!ctx.dryRun && resolved.state && !resolved.state.cancellation) {
    await ctx.deps.links.repo.markCancellation(
      resolved.order.id,
      'linnworks',
      (ctx.deps.now ?? (() => new Date()))(),
    );
  }
  const outcome = await applyToOrder(ctx, 'cancelled', ref, resolved.order, planFullCancellation);
  ctx.counts.add(`cancelled.${outcome}`);
}

/** Cancelled: orders cancelled in Linnworks (`DateField: cancelled`) since the cursor. */
export const cancelledFeed: Feed = async (run: FeedRun) => {
  const cursor = await run.cursors.get('cancelled');
  const to = run.now();
  const from = windowFrom(cursor, to, run.overlapMinutes, run.initialLookbackHours);
  const pages = searchProcessed(run.deps.linnworks, {
    dateField: 'cancelled',
    from,
    to,
    pageSize: run.pageSize,
    source: run.deps.source,
    seen: new Set(),
  });
  for await (const page of pages) {
    const refs = page.rows.filter(isCancelledRow).map(refFromProcessed);
    run.counts.add('cancelled.seen', refs.length);
    const resolved = await run.deps.links.resolve(refs);
    for (const ref of refs) await applyCancellation(run, ref, resolved.get(ref.lwOrderId));
    const at = latest(page.all, 'dCancelledOn');
    if (at && (!cursor?.at || at > cursor.at)) await saveCursor(run, 'cancelled', { at });
    if (run.outOfTime() && page.pageNumber < page.totalPages) return 'time-budget';
  }

  return 'done';
};
