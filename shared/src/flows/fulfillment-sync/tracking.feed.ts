import type { TrackingData } from '@commercetools/platform-sdk';
import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';

import { type Feed, type FeedRun, type LinnworksSide, withBothOrders } from './feed-runner';
import { applyToOrder } from './fulfillment-context';
import { packagesFromSplit } from './linnworks-records.mapper';
import { type PendingTracking, PendingTrackingRepo } from './pending-tracking.repo';
import { parcelKeyFor, trackingDataFor } from './shipment.mapper';
import { planLateTracking } from './tracking.mapper';

async function trackingFor(
  run: FeedRun,
  pending: PendingTracking,
  header: { trackingNumber: string; vendor: string; service: string },
): Promise<Map<string, TrackingData>> {
  const found = new Map<string, TrackingData>();
  if (
    pending.parcelKeys.length === 1 &&
    pending.parcelKeys[0] === parcelKeyFor(pending.lwOrderId)
  ) {
    const data = trackingDataFor(header.trackingNumber, header.vendor, header.service);
    if (data) found.set(pending.parcelKeys[0], data);

    return found;
  }
  const boxes = packagesFromSplit(
    await run.deps.linnworks.getPackageSplit({ orderId: pending.lwOrderId }),
  );
  for (const box of boxes) {
    const data = trackingDataFor(box.trackingNumber, header.vendor, header.service);
    const key = parcelKeyFor(pending.lwOrderId, box.binId);
    if (data && pending.parcelKeys.includes(key)) found.set(key, data);
  }

  return found;
}

/** The details of orders processed without tracking, read again. */
const orderDetails: LinnworksSide<PendingTracking, LinnworksOrderDetails> = {
  ids: (p) => [p.lwOrderId, p.ctOrderId],
  read: (run, orderIds) => run.deps.linnworks.getOrdersById({ orderIds }),
  idOf: (details) => details.OrderId,
};

/**
 * Late tracking: orders processed without a tracking number are read again (one
 * GetOrdersById per 100) until tracking appears or the re-check window ends.
 */
export const trackingFeed: Feed = async (run: FeedRun) => {
  const repo = new PendingTrackingRepo(run.deps.store);
  const now = run.now().toISOString();
  for await (const page of repo.scan(100)) {
    if (run.outOfTime()) return 'time-budget';
    const live: PendingTracking[] = [];
    for (const { value } of page) {
      if (value.until < now) {
        run.counts.add('tracking.expired');
        if (!run.dryRun) await repo.remove(value.lwOrderId);
      } else live.push(value);
    }
    if (live.length === 0) continue;
    for (const { record: pending, lw, order } of await withBothOrders(run, live, orderDetails)) {
      const tracking = await trackingFor(run, pending, {
        trackingNumber: lw.ShippingInfo.TrackingNumber,
        vendor: lw.ShippingInfo.Vendor,
        service: lw.ShippingInfo.PostalServiceName,
      });
      if (tracking.size === 0) {
        run.counts.add('tracking.stillMissing');
        continue;
      }
      const ref = { lwOrderId: pending.lwOrderId, numOrderId: pending.numOrderId };
      const outcome = await applyToOrder(run, 'tracking', ref, order, (o) =>
        planLateTracking(o, pending.deliveryKey, tracking, run.deps.settings.trackingUpdate),
      );
      run.counts.add(`tracking.${outcome}`);
      const complete = tracking.size >= pending.parcelKeys.length;
      if (outcome !== 'failed' && complete && !run.dryRun) await repo.remove(pending.lwOrderId);
    }
  }

  return 'done';
};
