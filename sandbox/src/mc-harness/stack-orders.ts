import type { Order } from '@commercetools/platform-sdk';
import { LINNWORKS_CHANNEL_KEY } from 'shared';

import { placeOrder } from '../demo/place-order';
import { NEW_ARRIVAL } from '../seed/catalog';
import type { Stack } from '../stack/stack';
import type { HarnessOrders } from './mc-harness';

/** What the harness's order page shows of a commercetools order: ids and states only. */
export function orderFacts(order: Order) {
  // order-sync writes one sync info, on the Linnworks channel (expanded when the API can).
  const linnworks =
    order.syncInfo.find((s) => s.channel.obj?.key === LINNWORKS_CHANNEL_KEY) ?? order.syncInfo[0];

  return {
    ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
    facts: {
      'Order state': order.orderState,
      'Shipment state': order.shipmentState ?? '-',
      'Payment state': order.paymentState ?? '-',
      'Linnworks order id (sync info)': linnworks?.externalId ?? '-',
    },
  };
}

/** The local stack's commercetools orders, as the harness's Merchant Center shows them. */
export function stackOrders(stack: Stack): HarnessOrders {
  let sampleNumber = 0;

  return {
    async facts(id) {
      try {
        const res = await stack.ct
          .orders()
          .withId({ ID: id })
          .get({ queryArgs: { expand: ['syncInfo[*].channel'] } })
          .execute();

        return orderFacts(res.body);
      } catch {
        return undefined;
      }
    },
    async recent() {
      const res = await stack.ct
        .orders()
        .get({ queryArgs: { sort: ['createdAt desc'], limit: 20 } })
        .execute();

      return res.body.results.map((o) => ({
        id: o.id,
        ...(o.orderNumber ? { orderNumber: o.orderNumber } : {}),
        createdAt: o.createdAt,
      }));
    },
    async placeSample() {
      sampleNumber += 1;
      const order = await placeOrder(
        stack.ct,
        {
          orderNumber: `MC-${Date.now().toString(36).toUpperCase()}-${sampleNumber}`,
          store: 'uk-store',
          customer: 'cust-amelia',
          shipping: 'standard',
          lines: [{ sku: NEW_ARRIVAL.variants[0]?.sku ?? '', quantity: 1 }],
        },
        (typeId, resource) => stack.ctServer.unsafeAdd(stack.projectKey, typeId, resource),
      );
      await stack.pump.poll();

      return order.id;
    },
  };
}
