import { planFullCancellation } from './cancellation.mapper';
import type { Feed, FeedRun } from './feed-runner';
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
import { walkDateFeed } from './processed-search';
import { applyShipment, withPackages } from './shipped.feed';

/** Shipped: processed orders since the cursor; cancelled ones are left to the cancellation feed. */
export const processedFeed: Feed = (run: FeedRun) =>
  walkDateFeed(run, 'processed', async (page) => {
    const shipments = page.rows.filter((r) => !isCancelledRow(r)).map(shipmentFromProcessed);
    run.counts.add('processed.seen', shipments.length);
    await withPackages(run.deps.linnworks, shipments, run.deps.settings.packageSplit);
    const resolved = await run.deps.links.resolve(shipments);
    for (const shipment of shipments) {
      await applyShipment(run, shipment, resolved.get(shipment.lwOrderId), run.cancelledStateId);
    }
  });

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
  const now = (ctx.deps.now ?? (() => new Date()))();
  const settle = () => (ctx.dryRun ? undefined : ctx.deps.links.settle(resolved, 'cancelled', now));
  if (resolved.state?.cancellation?.source === 'commercetools') {
    ctx.counts.add('cancelled.echoSkipped');
    await settle();

    return;
  }
  if (resolved.order.orderState === 'Cancelled') {
    ctx.counts.add('cancelled.unchanged');
    await settle();

    return;
  }
  if (!ctx.dryRun && resolved.state && !resolved.state.cancellation) {
    await ctx.deps.links.repo.markCancellation(resolved.order.id, 'linnworks', now);
  }
  const outcome = await applyToOrder(ctx, 'cancelled', ref, resolved.order, planFullCancellation);
  ctx.counts.add(`cancelled.${outcome}`);
  if (outcome !== 'failed') await settle();
}

/** Cancelled: orders cancelled in Linnworks (`DateField: cancelled`) since the cursor. */
export const cancelledFeed: Feed = (run: FeedRun) =>
  walkDateFeed(run, 'cancelled', async (page) => {
    const refs = page.rows.filter(isCancelledRow).map(refFromProcessed);
    run.counts.add('cancelled.seen', refs.length);
    const resolved = await run.deps.links.resolve(refs);
    for (const ref of refs) await applyCancellation(run, ref, resolved.get(ref.lwOrderId));
  });
