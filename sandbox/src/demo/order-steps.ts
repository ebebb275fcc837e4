import type { Order } from '@commercetools/platform-sdk';

import { SHIPPING_METHODS } from '../seed/catalog';
import type { Stack } from '../stack/stack';
import { ctGrossCents, getOrder, linnworksOrdersFor, lwTotalCents } from './checks';
import { type OrderRequest, placeOrder } from './place-order';
import { check, type Story, waitFor } from './story';

/** The demo's orders: two stores, tax included (GB) and excluded (DE), several lines, a code. */
export const DEMO_ORDERS: OrderRequest[] = [
  {
    orderNumber: 'CT-1001',
    store: 'uk-store',
    customer: 'cust-amelia',
    shipping: 'standard',
    lines: [
      { sku: 'MUG-ENM-BLU', quantity: 2 },
      { sku: 'BOOK-TRAIL-01', quantity: 1 },
      { sku: 'HAT-MER-GRY', quantity: 1 },
    ],
  },
  {
    orderNumber: 'CT-1002',
    store: 'eu-b2b',
    customer: 'cust-jonas',
    shipping: 'express',
    lines: [
      { sku: 'HAT-MER-GRY', quantity: 3 },
      { sku: 'BTL-STL-750', quantity: 2 },
      { sku: 'BOOK-TRAIL-01', quantity: 1 },
    ],
  },
  {
    orderNumber: 'CT-1003',
    store: 'uk-store',
    customer: 'cust-priya',
    shipping: 'standard',
    discountCode: true,
    lines: [
      { sku: 'TORCH-USB-300', quantity: 1 },
      { sku: 'HAT-MER-RED', quantity: 2 },
    ],
  },
  {
    orderNumber: 'CT-1004',
    store: 'eu-b2b',
    customer: 'cust-jonas',
    shipping: 'standard',
    discountCode: true,
    lines: [
      { sku: 'MUG-ENM-GRN', quantity: 4 },
      { sku: 'BOOK-TRAIL-01', quantity: 2 },
    ],
  },
  {
    orderNumber: 'CT-1005',
    store: 'uk-store',
    customer: 'cust-amelia',
    shipping: 'express',
    lines: [
      { sku: 'BTL-STL-750', quantity: 1 },
      { sku: 'MUG-ENM-BLU', quantity: 1 },
    ],
  },
  {
    orderNumber: 'CT-1006',
    store: 'uk-store',
    customer: 'cust-priya',
    shipping: 'standard',
    lines: [
      { sku: 'HAT-MER-GRY', quantity: 2 },
      { sku: 'MUG-ENM-BLU', quantity: 3 },
    ],
  },
];

function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

/** Places the orders and checks each reached Linnworks once, with the same total to the cent. */
export async function orderSteps(
  stack: Stack,
  story: Story,
  orders: Map<string, Order>,
): Promise<void> {
  await story.step(
    'Place 6 orders in commercetools (2 stores, tax incl./excl., discount code)',
    async () => {
      for (const request of DEMO_ORDERS) {
        const order = await placeOrder(stack.ct, request, (typeId, resource) =>
          stack.ctServer.unsafeAdd(stack.projectKey, typeId, resource),
        );
        orders.set(request.orderNumber, order);
        const tax = order.taxedPrice?.totalTax?.centAmount ?? 0;
        console.log(
          `    ${request.orderNumber} ${request.store.padEnd(8)} ${order.lineItems.length} lines  total ${money(ctGrossCents(order), order.totalPrice.currencyCode)} (tax ${money(tax, order.totalPrice.currencyCode)}, ${order.lineItems[0]?.taxRate?.includedInPrice ? 'included' : 'added'})${request.discountCode ? '  code WELCOME10' : ''}`,
        );
      }
      const discounted = [...orders.values()].filter(
        (o) =>
          (o.discountCodes ?? []).length > 0 &&
          o.lineItems.every((l) => l.discountedPricePerQuantity.length > 0),
      );
      check(discounted.length === 2, 'two orders carry the discount code on every line');

      return `${orders.size} orders placed; the event pump delivers their OrderCreated messages to order-sync`;
    },
  );

  await story.step('Each order is in Linnworks once, totals match to the cent', async () => {
    await stack.pump.poll();
    const lines: string[] = [];
    for (const [number, order] of orders) {
      const shipping = DEMO_ORDERS.find((r) => r.orderNumber === number)?.shipping;
      const service = SHIPPING_METHODS.find((m) => m.key === shipping)?.postalService;
      const lw = await waitFor(`${number} in Linnworks`, async () => {
        const found = linnworksOrdersFor(stack.emulator.control, order);

        return found.length > 0 ? found : undefined;
      });
      check(lw.length === 1, `${number}: ${lw.length} Linnworks orders, expected exactly 1`);
      const only = lw[0];
      if (!only) throw new Error('unreachable');
      const ct = ctGrossCents(order);
      check(
        lwTotalCents(only) === ct,
        `${number}: Linnworks TotalCharge ${only.TotalsInfo.TotalCharge} vs commercetools ${money(ct, order.totalPrice.currencyCode)}`,
      );
      check(
        only.TotalsInfo.Currency === order.totalPrice.currencyCode,
        `${number}: currency ${only.TotalsInfo.Currency}`,
      );
      // Matched by name (MatchPostalServiceTag), no tag configured: not the default service.
      check(
        only.ShippingInfo.PostalServiceName === service,
        `${number}: postal service ${only.ShippingInfo.PostalServiceName}, expected ${service}`,
      );
      lines.push(
        `${number}=${only.TotalsInfo.TotalCharge.toFixed(2)} ${only.TotalsInfo.Currency} (${only.GeneralInfo.SubSource}, ${only.ShippingInfo.PostalServiceName})`,
      );
      orders.set(number, await getOrder(stack.ct, order.id));
    }
    console.log(`    ${lines.join('\n    ')}`);

    return `${orders.size} Linnworks orders, one per commercetools order, TotalCharge equal to taxedPrice.totalGross, the mapped postal service on each`;
  });

  await story.step('Redelivered messages create nothing new', async () => {
    const before = stack.emulator.control.listOrders().length;
    const created = [...orders.values()].map((o) => ({
      notificationType: 'Message',
      projectKey: stack.projectKey,
      id: `redelivery-${o.id}`,
      version: 1,
      sequenceNumber: 1,
      resource: { typeId: 'order', id: o.id },
      resourceVersion: 1,
      resourceUserProvidedIdentifiers: { orderNumber: o.orderNumber },
      type: 'OrderCreated',
      createdAt: o.createdAt,
      lastModifiedAt: o.createdAt,
    }));
    stack.pump.delivery = { duplicates: 1, shuffle: true };
    await stack.pump.deliverAll(created);
    stack.pump.delivery = {};
    const after = stack.emulator.control.listOrders().length;
    check(after === before, `Linnworks orders went from ${before} to ${after}`);

    return `${created.length * 2} redeliveries (shuffled, each twice): Linnworks still holds ${after} orders`;
  });
}
