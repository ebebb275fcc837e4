import { randomUUID } from 'node:crypto';

import type { Order } from '@commercetools/platform-sdk';
import { toPubSubPush } from 'shared/testing';

import { placeOrder } from '../demo/place-order';
import { check, type Story } from '../demo/story';
import type { Stack } from '../stack/stack';
import { orderBatch } from './drill-support';

const BURST = 2_000;
/** Every 5th order's message is delivered twice, the copy to another process, later. */
const DUPLICATE_EVERY = 5;
/** Deliveries outstanding at once over the 3 processes (a Pub/Sub push subscription's flow). */
const OUTSTANDING = 48;
const REDELIVERY_MS = 1_000;

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }

  return out;
}

/** Delivers until acknowledged (2xx), as Pub/Sub does; counts the 503s. */
async function deliverBurst(stack: Stack, orders: Order[]) {
  const targets = stack.orderSyncs.map((a) => `${a.url}/event`);
  const copies = orders.flatMap((o, i) => (i % DUPLICATE_EVERY === 0 ? [o, o] : [o]));
  const stats = { deliveries: 0, retries: 0, undelivered: 0 };
  let turn = 0;
  await inParallel(shuffled(copies), OUTSTANDING, async (order) => {
    const payload = {
      notificationType: 'Message',
      resource: { typeId: 'order', id: order.id },
      resourceVersion: order.version,
      type: 'OrderCreated',
      resourceUserProvidedIdentifiers: { orderNumber: order.orderNumber },
    };
    const body = JSON.stringify(toPubSubPush(payload, randomUUID()));
    for (let attempt = 1; attempt <= 60; attempt++) {
      stats.deliveries++;
      const target = targets[turn++ % targets.length] as string;
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(15_000),
      }).catch(() => undefined);
      await res?.text();
      if (res && res.status < 300) return;
      stats.retries++;
      await new Promise((r) => setTimeout(r, REDELIVERY_MS));
    }
    stats.undelivered++;
  });

  return { ...stats, copies: copies.length };
}

/** Linnworks orders per commercetools order id (the id order-sync sends as SecondaryReference). */
function linnworksCounts(stack: Stack, orders: Order[]): Map<string, number> {
  const ids = new Set(orders.map((o) => o.id));
  const counts = new Map<string, number>();
  for (const lw of stack.emulator.control.listOrders() as Array<{
    GeneralInfo: { SecondaryReference?: string };
  }>) {
    const ref = lw.GeneralInfo.SecondaryReference ?? '';
    if (ids.has(ref)) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }

  return counts;
}

/**
 * Peak season (issue #19): a burst of 2,000 new orders over 3 order-sync processes, every 5th
 * message delivered twice (to another process), at most 48 deliveries outstanding, each
 * redelivered after a 503 until acknowledged. Exactly 2,000 Linnworks orders must result: none
 * lost, none duplicated; CreateOrders batches keep the calls far below one per order.
 */
export async function burstDrill(stack: Stack, story: Story): Promise<void> {
  await story.step(
    `Peak burst: ${BURST} new orders over 3 order-sync processes, duplicates mixed in → ${BURST} Linnworks orders, 0 lost, 0 duplicated`,
    async () => {
      while (stack.orderSyncs.length < 3) await stack.addOrderSync();
      const put = (typeId: string, resource: object) =>
        stack.ctServer.unsafeAdd(stack.projectKey, typeId, resource);
      const orders: Order[] = [];
      await inParallel(orderBatch('DR-PEAK', BURST), 8, async (request) => {
        orders.push(await placeOrder(stack.ct, request, put));
      });
      const createsBefore = stack.emulator.control.callCounts()['Orders/CreateOrders'] ?? 0;
      const started = Date.now();
      const delivered = await deliverBurst(stack, orders);
      const seconds = (Date.now() - started) / 1000;
      const counts = linnworksCounts(stack, orders);
      const lost = orders.filter((o) => !counts.has(o.id)).length;
      const duplicated = [...counts.values()].filter((n) => n > 1).length;
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const creates =
        (stack.emulator.control.callCounts()['Orders/CreateOrders'] ?? 0) - createsBefore;
      check(delivered.undelivered === 0, `${delivered.undelivered} messages never acknowledged`);
      check(lost === 0, `${lost} orders lost`);
      check(duplicated === 0, `${duplicated} orders duplicated`);
      check(total === BURST, `${total} Linnworks orders for ${BURST} commercetools orders`);

      return `${total} Linnworks orders (0 lost, 0 duplicated) from ${delivered.copies} messages (${delivered.deliveries} deliveries, ${delivered.retries} answered 503 and redelivered) in ${seconds.toFixed(0)} s: ${creates} CreateOrders calls (${(BURST / Math.max(1, creates)).toFixed(1)} orders a call)`;
    },
  );
}
