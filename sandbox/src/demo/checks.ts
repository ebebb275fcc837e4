import type { InventoryEntry, Order } from '@commercetools/platform-sdk';
import type { CtApi } from 'shared';

import type { EmulatorControl, OrderDetailsJson } from '../../linnworks-emulator/src';
import { ALL_VARIANTS, WAREHOUSES } from '../seed/catalog';

interface LwOrderView {
  OrderId: string;
  GeneralInfo: {
    ReferenceNum: string;
    SecondaryReference: string;
    ExternalReferenceNum: string;
    Source: string;
    SubSource: string;
    Status: number;
  };
  TotalsInfo: { TotalCharge: number; Currency: string; TotalDiscount: number };
  ShippingInfo: { PostalServiceName: string; Vendor: string };
  Processed: boolean;
}

const view = (o: OrderDetailsJson) => o as unknown as LwOrderView;

/** The connector's Linnworks orders for a commercetools order (matched by the ids it sends). */
export function linnworksOrdersFor(
  control: EmulatorControl,
  ctOrder: Pick<Order, 'id' | 'orderNumber'>,
): LwOrderView[] {
  return control
    .listOrders()
    .map(view)
    .filter(
      (o) =>
        o.GeneralInfo.SecondaryReference === ctOrder.id ||
        o.GeneralInfo.ExternalReferenceNum === ctOrder.id ||
        (ctOrder.orderNumber !== undefined && o.GeneralInfo.ReferenceNum === ctOrder.orderNumber),
    )
    .filter((o, i, all) => all.findIndex((x) => x.OrderId === o.OrderId) === i);
}

/** The total the customer pays in commercetools, in minor units. */
export function ctGrossCents(order: Order): number {
  return order.taxedPrice?.totalGross.centAmount ?? order.totalPrice.centAmount;
}

export function lwTotalCents(order: LwOrderView): number {
  return Math.round(order.TotalsInfo.TotalCharge * 100);
}

export async function getOrder(ct: CtApi, id: string): Promise<Order> {
  return (await ct.orders().withId({ ID: id }).get().execute()).body;
}

/** Every (SKU, warehouse) whose commercetools quantity differs from Linnworks' available stock. */
export async function stockDifferences(ct: CtApi, control: EmulatorControl): Promise<string[]> {
  const channels = new Map<string, string>();
  for (const wh of WAREHOUSES) {
    const channel = (await ct.channels().withKey({ key: wh.channel }).get().execute()).body;
    channels.set(channel.id, wh.location);
  }
  const entries: InventoryEntry[] = (
    await ct
      .inventory()
      .get({ queryArgs: { limit: 500 } })
      .execute()
  ).body.results;
  const differences: string[] = [];
  for (const variant of ALL_VARIANTS) {
    const levels = control.getStock(variant.sku);
    for (const wh of WAREHOUSES) {
      const lw = levels.find((l) => l.locationName === wh.location);
      const entry = entries.find(
        (e) =>
          e.sku === variant.sku &&
          e.supplyChannel &&
          channels.get(e.supplyChannel.id) === wh.location,
      );
      const expected = Math.max(0, lw?.available ?? 0);
      if (entry?.quantityOnStock !== expected) {
        differences.push(
          `${variant.sku}@${wh.location}: ct ${entry?.quantityOnStock ?? 'none'} vs Linnworks ${expected}`,
        );
      }
    }
  }

  return differences;
}
