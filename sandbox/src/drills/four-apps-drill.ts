import { adminFor, operatorAuth } from '../demo/failure-steps';
import { check, type Story } from '../demo/story';
import type { Stack } from '../stack/stack';
import { expectExactlyOnce, orderBatch, placeAll } from './drill-support';

const ORDERS = 12;

type Counts = Record<string, number>;

function since(after: Counts, before: Counts): Counts {
  const diff: Counts = {};
  for (const [key, value] of Object.entries(after)) {
    const d = value - (before[key] ?? 0);
    if (d > 0) diff[key] = d;
  }

  return diff;
}

const total = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The four apps at once (issue #14), as processes: order-sync takes a burst of orders while
 * stock-sync, fulfillment-sync and sync-scheduler run their jobs and sync-admin reconciles the
 * last hour (one order lookup each, at its share), all in the same minutes (the scheduler's run
 * is measured while it goes on, not awaited), against the emulator
 * with its documented per-minute limits on. Each process keeps to its own share of every
 * endpoint (shared/src/linnworks/rate-shares.ts and the drills' LINNWORKS_RATE_SHARES); the
 * shares add up to at most the limit, so the emulator must answer no call with 429.
 */
export async function fourAppsDrill(stack: Stack, story: Story): Promise<void> {
  await story.step(
    `Four apps at once: ${ORDERS} orders + stock, fulfilment and scheduler jobs + a reconciliation, under the tenant limits → 0 × 429`,
    async () => {
      const control = stack.emulator.control;
      const callsBefore = control.callCounts();
      const limitedBefore = control.rateLimited();
      const auth = await operatorAuth(stack);
      const started = Date.now();
      // The scheduler's backstop and reconciliation look up every recent order at its small
      // share (minutes of work here): the step measures while it runs, without waiting for it.
      let schedulerDone = false;
      const scheduler = stack.cron
        .trigger('sync-scheduler')
        .then(() => (schedulerDone = true))
        .catch(() => undefined);
      const [orders, ...runs] = await Promise.all([
        placeAll(stack, orderBatch('DR-4APPS', ORDERS)).then(async (placed) => {
          await stack.pump.poll();

          return placed;
        }),
        stack.cron.trigger('stock-sync'),
        stack.cron.trigger('fulfillment-sync'),
        adminFor(stack).call('POST', '/reconcile', auth, {
          orders: {
            from: new Date(Date.now() - 3_600_000).toISOString(),
            to: new Date(Date.now() + 60_000).toISOString(),
            limit: 200,
          },
          stock: { limit: 200 },
        }),
      ]);
      await expectExactlyOnce(stack, orders);
      await Promise.race([scheduler, new Promise((r) => setTimeout(r, 20_000))]);
      const seconds = Math.round((Date.now() - started) / 1000);
      for (const run of runs) check(run.status === 200, `a run answered ${run.status}`);
      const calls = since(control.callCounts(), callsBefore);
      const limited = since(control.rateLimited(), limitedBefore);
      check(total(limited) === 0, `429s from Linnworks: ${JSON.stringify(limited)}`);
      // The new orders allocated stock: the next stock run (its hot lane) brings it across.
      await stack.cron.trigger('stock-sync');
      const busiest = Object.entries(calls)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 4)
        .map(([endpoint, n]) => `${endpoint.split('/')[1]} ${n}`)
        .join(', ');

      const scheduling = schedulerDone ? 'finished' : 'still looking up orders at its share';

      return `${total(calls)} Linnworks calls by five processes in ${seconds} s (${busiest}; sync-scheduler ${scheduling}), 0 × 429`;
    },
  );
}
