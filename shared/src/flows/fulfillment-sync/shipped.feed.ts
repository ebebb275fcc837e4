import type { LinnworksFulfillmentSyncPort } from './linnworks-fulfillment-sync.port';
import { ctLineItemIdOf } from '../order-sync/linnworks-order.contract';
import {
  applyToOrder,
  type ApplyContext,
  recordProblem,
  unknownOrderProblem,
} from './fulfillment-context';
import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import type { LwShipment } from './fulfillment.types';
import { packagesFromSplit } from './linnworks-records.mapper';
import type { ResolvedOrder } from './order-link.repo';
import { PendingTrackingRepo } from './pending-tracking.repo';
import { deliveryKeyFor, planShipment } from './shipment.mapper';

/** Whether to read the boxes of an order (`GetPackageSplit`) under the package-split policy. */
export function wantsPackageSplit(
  shipment: LwShipment,
  policy: FulfillmentSyncSettings['packageSplit'],
): boolean {
  if (policy === 'always') return true;
  if (policy === 'never') return false;

  // auto: Linnworks lists several tracking numbers in the header only for multi-box orders [?].
  return shipment.trackingNumber.split(/[\s,;|]+/).filter(Boolean).length > 1;
}

/**
 * Adds the boxes of multi-package orders: one GetPackageSplit per candidate order, plus one
 * GetOrdersById per 100 multi-box orders to learn each row's commercetools line reference.
 */
export async function withPackages(
  linnworks: LinnworksFulfillmentSyncPort,
  shipments: LwShipment[],
  policy: FulfillmentSyncSettings['packageSplit'],
): Promise<void> {
  const multi: LwShipment[] = [];
  for (const shipment of shipments) {
    if (!wantsPackageSplit(shipment, policy)) continue;
    const packages = packagesFromSplit(
      await linnworks.getPackageSplit({ orderId: shipment.lwOrderId }),
    );
    if (packages.length > 1) {
      shipment.packages = packages;
      multi.push(shipment);
    } else if (packages[0]?.trackingNumber && !shipment.trackingNumber) {
      shipment.trackingNumber = packages[0].trackingNumber;
    }
  }
  if (multi.length === 0) return;
  const details = await linnworks.getOrdersById({ orderIds: multi.map((s) => s.lwOrderId) });
  const refByRow = new Map<string, string>();
  for (const order of details) {
    for (const item of order.Items) {
      const ref = ctLineItemIdOf(item);
      if (ref) refByRow.set(item.RowId, ref);
    }
  }
  for (const shipment of multi) {
    for (const pkg of shipment.packages ?? []) {
      for (const line of pkg.lines) {
        const ref = line.rowId ? refByRow.get(line.rowId) : undefined;
        if (ref) line.lineItemRef = ref;
      }
    }
  }
}

/** Applies one processed order to its commercetools order (shared by the feed and replay). */
export async function applyShipment(
  ctx: ApplyContext,
  shipment: LwShipment,
  resolved: ResolvedOrder | undefined,
  cancelledStateId: string | undefined,
): Promise<void> {
  if (!resolved) {
    await recordProblem(ctx, 'processed', shipment, unknownOrderProblem(shipment));

    return;
  }
  let untracked: string[] = [];
  const outcome = await applyToOrder(ctx, 'processed', shipment, resolved.order, (order) => {
    const plan = planShipment(order, shipment, ctx.deps.settings, cancelledStateId);
    if (plan.kind === 'problem') return { problem: plan.problem };
    if (plan.kind !== 'ship') return [];
    untracked = plan.untrackedParcelKeys;

    return plan.actions;
  });
  ctx.counts.add(`processed.${outcome === 'updated' ? 'shipped' : outcome}`);
  const now = (ctx.deps.now ?? (() => new Date()))();
  if (!ctx.dryRun && outcome !== 'failed') await ctx.deps.links.settle(resolved, 'shipped', now);
  const hours = ctx.deps.settings.lateTrackingHours;
  if (outcome !== 'updated' || untracked.length === 0 || hours <= 0) return;
  ctx.counts.add('processed.awaitingTracking');
  if (ctx.dryRun) return;
  const from = Date.parse(shipment.processedOn ?? '') || now.getTime();
  await new PendingTrackingRepo(ctx.deps.store).add({
    lwOrderId: shipment.lwOrderId,
    numOrderId: shipment.numOrderId,
    ctOrderId: resolved.order.id,
    deliveryKey: deliveryKeyFor(shipment.lwOrderId),
    parcelKeys: untracked,
    until: new Date(from + hours * 3_600_000).toISOString(),
  });
}
