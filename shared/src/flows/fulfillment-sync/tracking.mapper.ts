import type { Order, OrderUpdateAction, TrackingData } from '@commercetools/platform-sdk';

import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import { deliveryWithKey } from './line-match';

/** Key of the tracking-only parcel the `add-parcel` mode adds for a parcel shipped untracked. */
export function trackingParcelKeyFor(parcelKey: string): string {
  return `${parcelKey}-tracking`;
}

/**
 * Tracking that arrived after processing, for parcels written without it. `set-tracking` sets it
 * on the parcel (`setParcelTrackingData`); `add-parcel` adds a tracking-only parcel next to it
 * (for integrations that read tracking only from new parcels). Nothing when the tracking is
 * already there.
 */
export function planLateTracking(
  order: Order,
  deliveryKey: string,
  tracking: Map<string, TrackingData>,
  mode: FulfillmentSyncSettings['trackingUpdate'],
): OrderUpdateAction[] {
  const delivery = deliveryWithKey(order, deliveryKey);
  if (!delivery) return [];
  const actions: OrderUpdateAction[] = [];
  for (const [parcelKey, trackingData] of tracking) {
    const parcel = delivery.parcels.find((p) => p.key === parcelKey);
    if (!parcel || parcel.trackingData?.trackingId) continue;
    if (mode === 'set-tracking') {
      actions.push({ action: 'setParcelTrackingData', parcelKey, trackingData });
      continue;
    }
    const key = trackingParcelKeyFor(parcelKey);
    if (delivery.parcels.some((p) => p.key === key)) continue;
    actions.push({
      action: 'addParcelToDelivery',
      deliveryId: delivery.id,
      parcelKey: key,
      trackingData,
    });
  }

  return actions;
}
