import type {
  Order,
  OrderUpdateAction,
  ParcelDraft,
  TrackingData,
} from '@commercetools/platform-sdk';

import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import type { LwShipment, RecordProblem } from './fulfillment.types';
import { deliveryWithKey, type MatchedItem, matchLines, openQuantities } from './line-match';

/** Delivery key marking the delivery made for one Linnworks order (idempotency). */
export function deliveryKeyFor(lwOrderId: string): string {
  return `lw-${lwOrderId}`;
}

/** Parcel key of one Linnworks box; a one-box order's parcel is `lw-<order>-1`. */
export function parcelKeyFor(lwOrderId: string, binId?: string): string {
  return binId ? `lw-${binId}` : `lw-${lwOrderId}-1`;
}

export function trackingDataFor(
  trackingNumber: string,
  vendor: string,
  postalServiceName: string,
): TrackingData | undefined {
  if (!trackingNumber.trim()) return undefined;

  return {
    trackingId: trackingNumber.trim(),
    ...(vendor ? { carrier: vendor } : {}),
    ...(postalServiceName ? { provider: postalServiceName } : {}),
  };
}

export type ShipmentPlan =
  | {
      kind: 'ship';
      actions: OrderUpdateAction[];
      complete: boolean;
      /** Parcels written without tracking, for the late-tracking re-check. */
      untrackedParcelKeys: string[];
    }
  | { kind: 'already-applied' }
  | { kind: 'nothing-open' }
  | { kind: 'problem'; problem: RecordProblem };

function sumItems(groups: MatchedItem[][]): MatchedItem[] {
  const total = new Map<string, number>();
  for (const item of groups.flat()) total.set(item.id, (total.get(item.id) ?? 0) + item.quantity);

  return [...total].map(([id, quantity]) => ({ id, quantity }));
}

function parcelsFor(
  order: Order,
  shipment: LwShipment,
  open: Map<string, number>,
): { parcels: ParcelDraft[]; items: MatchedItem[] } | { problem: RecordProblem } {
  if (!shipment.packages || shipment.packages.length === 0) {
    // One box: Linnworks processed the whole order, so everything still open ships in it.
    const items = [...open].filter(([, q]) => q > 0).map(([id, quantity]) => ({ id, quantity }));
    for (const item of items) open.set(item.id, 0);
    const tracking = trackingDataFor(
      shipment.trackingNumber,
      shipment.vendor,
      shipment.postalServiceName,
    );

    return {
      items,
      parcels: [
        {
          key: parcelKeyFor(shipment.lwOrderId),
          items,
          ...(tracking ? { trackingData: tracking } : {}),
        },
      ],
    };
  }
  const parcels: ParcelDraft[] = [];
  const groups: MatchedItem[][] = [];
  for (const [index, pkg] of shipment.packages.entries()) {
    const matched = matchLines(order, pkg.lines, open, `packages[${index}].lines`);
    if ('problem' in matched) return matched;
    const tracking = trackingDataFor(
      pkg.trackingNumber || (index === 0 ? shipment.trackingNumber : ''),
      shipment.vendor,
      shipment.postalServiceName,
    );
    groups.push(matched.items);
    parcels.push({
      key: parcelKeyFor(shipment.lwOrderId, pkg.binId),
      items: matched.items,
      ...(tracking ? { trackingData: tracking } : {}),
    });
  }

  return { parcels, items: sumItems(groups) };
}

/**
 * An order in `Multiple` shipping mode takes a delivery only with the `shippingKey` of one of its
 * shipping methods, which a Linnworks shipment cannot name. order-sync never sends such orders to
 * Linnworks (MULTIPLE_SHIPPING_ADDRESSES); one that reaches Linnworks another way is reported here
 * instead of sending an update commercetools refuses.
 */
const multipleShippingProblem: RecordProblem = {
  reasonCode: 'SHIPPING_MODE_MULTIPLE',
  message:
    'the commercetools order is in Multiple shipping mode: a delivery needs the shippingKey of one of its shipping methods, which a Linnworks shipment does not name (docs/order-sync.md)',
  field: 'shippingMode',
  retryable: false,
};

/**
 * The update actions that record one processed Linnworks order on its commercetools order:
 * one delivery (key `lw-<order>`) with one parcel per box and its tracking, the shipment state
 * (`Shipped`, or `Partial` while lines stay open) and, once all is shipped, the order state of
 * the settings. A delivery that already carries the key is never added again.
 */
export function planShipment(
  order: Order,
  shipment: LwShipment,
  settings: Pick<FulfillmentSyncSettings, 'shippedOrderState'>,
  cancelledStateId?: string,
): ShipmentPlan {
  if (order.shippingMode === 'Multiple')
    return { kind: 'problem', problem: multipleShippingProblem };
  const deliveryKey = deliveryKeyFor(shipment.lwOrderId);
  if (deliveryWithKey(order, deliveryKey)) {
    return { kind: 'already-applied' };
  }
  const open = openQuantities(order, cancelledStateId);
  if (![...open.values()].some((q) => q > 0)) return { kind: 'nothing-open' };
  const built = parcelsFor(order, shipment, open);
  if ('problem' in built) return { kind: 'problem', problem: built.problem };
  if (built.items.length === 0) return { kind: 'nothing-open' };

  const complete = ![...open.values()].some((q) => q > 0);
  const shipmentState = complete ? 'Shipped' : 'Partial';
  const actions: OrderUpdateAction[] = [
    { action: 'addDelivery', deliveryKey, items: built.items, parcels: built.parcels },
  ];
  if (order.shipmentState !== shipmentState) {
    actions.push({ action: 'changeShipmentState', shipmentState });
  }
  const orderState = settings.shippedOrderState;
  if (
    complete &&
    orderState &&
    order.orderState !== orderState &&
    order.orderState !== 'Cancelled'
  ) {
    actions.push({ action: 'changeOrderState', orderState });
  }
  const untrackedParcelKeys = built.parcels
    .filter((p) => !p.trackingData)
    .map((p) => p.key)
    .filter((k): k is string => k !== undefined);

  return { kind: 'ship', actions, complete, untrackedParcelKeys };
}
