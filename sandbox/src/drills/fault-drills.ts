import { stockDifferences } from '../demo/checks';
import { check, type Story } from '../demo/story';
import type { Stack } from '../stack/stack';
import { callsTo, expectExactlyOnce, orderBatch, placeAll } from './drill-support';

/** Runs stock-sync until a run completes and commercetools equals Linnworks (≤ `max` runs). */
export async function stockConverges(stack: Stack, max = 6): Promise<number> {
  for (let run = 1; run <= max; run += 1) {
    const result = await stack.cron.trigger('stock-sync');
    if (result.status === 200 && result.report.status === 'completed') {
      const diffs = await stockDifferences(stack.ct, stack.emulator.control);
      if (diffs.length === 0) return run;
    }
  }
  const diffs = await stockDifferences(stack.ct, stack.emulator.control);
  throw new Error(`stock did not converge in ${max} runs: ${diffs.slice(0, 5).join('; ')}`);
}

function moveStock(stack: Stack, seed: number): void {
  const control = stack.emulator.control;
  control.adjustStock({ sku: 'MUG-ENM-BLU', location: 'Default', delta: 5 + seed });
  control.adjustStock({ sku: 'HAT-MER-RED', location: 'Berlin', set: 2 + seed });
  control.adjustStock({ sku: 'BOOK-TRAIL-01', location: 'Manchester', delta: -1 });
  control.adjustStock({ sku: 'BTL-STL-750', location: 'Berlin', set: 40 - seed });
}

export async function faultDrills(stack: Stack, story: Story): Promise<void> {
  const control = stack.emulator.control;

  await story.step(
    '429s (no Retry-After: the client waits out the minute window) + 5xx burst (Linnworks) → no order lost or duplicated, stock converges',
    async () => {
      const redeliveriesBefore = stack.pump.stats().redeliveries;
      control.injectFault({ kind: 'rate-limit', endpoint: 'Orders/CreateOrders', times: 2 });
      control.injectFault({
        kind: 'status',
        status: 503,
        endpoint: '*',
        probability: 0.3,
        times: 12,
      });
      const orders = await placeAll(stack, orderBatch('DR-429', 6));
      await stack.pump.poll();
      await expectExactlyOnce(stack, orders, 90_000);
      control.clearFaults();
      moveStock(stack, 1);
      control.injectFault({ kind: 'rate-limit', endpoint: 'Stock/GetStockItemsFull', times: 1 });
      control.injectFault({
        kind: 'status',
        status: 500,
        endpoint: 'Stock/GetStockItemsFull',
        times: 2,
      });
      const runs = await stockConverges(stack);
      control.clearFaults();
      const redeliveries = stack.pump.stats().redeliveries - redeliveriesBefore;

      return `2×429 on CreateOrders + 12×503 (p=0.3) anywhere: 6/6 orders once, ${redeliveries} Pub/Sub redeliveries, ${callsTo(stack, 'CreateOrders')} CreateOrders calls so far; stock: 1×429 + 2×500 on the sweep, converged after ${runs} run(s)`;
    },
  );

  await story.step('Session expiry mid-run → re-authorised, nothing lost', async () => {
    const authBefore = callsTo(stack, 'Auth/');
    control.injectFault({ kind: 'expire-session', endpoint: '*', times: 2 });
    control.expireSessions();
    const orders = await placeAll(stack, orderBatch('DR-SES', 3));
    await stack.pump.poll();
    moveStock(stack, 2);
    const runs = await stockConverges(stack);
    await expectExactlyOnce(stack, orders);
    control.clearFaults();
    const auth = callsTo(stack, 'Auth/') - authBefore;
    check(auth >= 1, 'no re-authorisation was seen');

    return `sessions expired (+2 expiries mid-call): ${auth} re-authorisations, 3/3 orders once, stock converged after ${runs} run(s)`;
  });

  await story.step(
    'Latency beyond the Linnworks client timeout on CreateOrders → one order, no duplicate',
    async () => {
      const latencyMs = 21_000;
      const callsBefore = callsTo(stack, 'CreateOrders');
      control.injectFault({
        kind: 'latency',
        endpoint: 'Orders/CreateOrders',
        latencyMs,
        times: 1,
      });
      const started = Date.now();
      const orders = await placeAll(stack, orderBatch('DR-LAT', 1));
      await stack.pump.poll();
      await expectExactlyOnce(stack, orders, 120_000);
      const createdAfter = Date.now() - started;
      // The slow call is still being handled by Linnworks: wait until it lands, then check again.
      await new Promise((r) =>
        setTimeout(r, Math.max(0, latencyMs + 1_000 - (Date.now() - started))),
      );
      await expectExactlyOnce(stack, orders);
      control.clearFaults();
      const calls = callsTo(stack, 'CreateOrders') - callsBefore;

      return `first CreateOrders delayed ${latencyMs / 1000} s: order in Linnworks after ${(createdAfter / 1000).toFixed(1)} s via ${calls} CreateOrders calls; after the slow call landed still exactly 1 Linnworks order`;
    },
  );

  await story.step(
    'commercetools 409 storm (inventory, orders, order-state records) → converges, no duplicate',
    async () => {
      const before = stack.front.stats().faulted[409] ?? 0;
      // Where concurrent writers really collide: inventory entries, orders, order-state records
      // (lock, snapshot and cursor objects only change under the job's own lease).
      stack.front.injectFault({
        match: /^POST \/[^/]+\/(inventory|orders)\//,
        status: 409,
        probability: 0.3,
        times: 30,
      });
      stack.front.injectFault({
        match: /^POST \/[^/]+\/custom-objects/,
        bodyMatch: /"container":"lw-order-state"/,
        status: 409,
        probability: 0.5,
        times: 10,
      });
      const orders = await placeAll(stack, orderBatch('DR-409', 4));
      await stack.pump.poll();
      moveStock(stack, 3);
      const runs = await stockConverges(stack);
      await expectExactlyOnce(stack, orders, 90_000);
      stack.front.clearFaults();
      const conflicts = (stack.front.stats().faulted[409] ?? 0) - before;
      check(conflicts > 0, 'no 409 was injected');

      return `${conflicts} × 409 ConcurrentModification injected (p=0.3): 4/4 orders once, stock converged after ${runs} run(s)`;
    },
  );
}
