import type { Order } from '@commercetools/platform-sdk';

import { ctGrossCents, linnworksOrdersFor, lwTotalCents } from '../demo/checks';
import { type OrderRequest, placeOrder } from '../demo/place-order';
import { check, waitFor } from '../demo/story';
import { ALL_VARIANTS, STORES } from '../seed/catalog';
import type { Stack } from '../stack/stack';

let counter = 0;

/** `n` valid orders alternating stores, customers and SKUs; numbers start with `prefix`. */
export function orderBatch(prefix: string, n: number): OrderRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const store = STORES[i % 2]?.key ?? 'uk-store';
    const a = ALL_VARIANTS[(counter + i) % ALL_VARIANTS.length]?.sku ?? '';
    const b = ALL_VARIANTS[(counter + i + 3) % ALL_VARIANTS.length]?.sku ?? '';
    counter += 1;

    return {
      orderNumber: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      store,
      customer: store === 'eu-b2b' ? 'cust-jonas' : i % 3 === 0 ? 'cust-amelia' : 'cust-priya',
      shipping: i % 3 === 0 ? 'express' : 'standard',
      discountCode: i % 4 === 1,
      lines: [
        { sku: a, quantity: 1 + (i % 3) },
        { sku: b, quantity: 1 },
      ],
    };
  });
}

export async function placeAll(stack: Stack, requests: OrderRequest[]): Promise<Order[]> {
  const put = (typeId: string, resource: object) =>
    stack.ctServer.unsafeAdd(stack.projectKey, typeId, resource);
  const orders: Order[] = [];
  for (const r of requests) orders.push(await placeOrder(stack.ct, r, put));

  return orders;
}

/** Waits until every order is in Linnworks; then exactly one Linnworks order each, same total. */
export async function expectExactlyOnce(
  stack: Stack,
  orders: Order[],
  timeoutMs = 60_000,
): Promise<void> {
  await waitFor(
    `${orders.length} orders in Linnworks`,
    async () =>
      orders.every((o) => linnworksOrdersFor(stack.emulator.control, o).length > 0)
        ? true
        : undefined,
    timeoutMs,
    500,
  );
  for (const o of orders) {
    const lw = linnworksOrdersFor(stack.emulator.control, o);
    check(lw.length === 1, `${o.orderNumber ?? o.id}: ${lw.length} Linnworks orders`);
    check(
      lw[0] && lwTotalCents(lw[0]) === ctGrossCents(o),
      `${o.orderNumber ?? o.id}: total differs`,
    );
  }
}

/** Sum of the emulator's call counts whose key contains `part` (case-insensitive). */
export function callsTo(stack: Stack, part: string): number {
  return Object.entries(stack.emulator.control.callCounts())
    .filter(([k]) => k.toLowerCase().includes(part.toLowerCase()))
    .reduce((n, [, v]) => n + v, 0);
}
