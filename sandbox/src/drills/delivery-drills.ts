import { adminFor, operatorAuth, pendingFailures } from '../demo/failure-steps';
import { getOrder, linnworksOrdersFor } from '../demo/checks';
import { check, type Story, waitFor } from '../demo/story';
import type { Stack } from '../stack/stack';
import { expectExactlyOnce, orderBatch, placeAll } from './drill-support';

export async function deliveryDrills(stack: Stack, story: Story): Promise<void> {
  await story.step(
    'Duplicate + out-of-order delivery across 3 order-sync processes → each order once',
    async () => {
      while (stack.orderSyncs.length < 3) await stack.addOrderSync();
      const before = stack.pump.stats();
      stack.pump.delivery = { duplicates: 2, shuffle: true, parallel: true };
      try {
        const orders = await placeAll(stack, orderBatch('DR-DUP', 8));
        await stack.pump.poll();
        await expectExactlyOnce(stack, orders, 90_000);
      } finally {
        stack.pump.delivery = {};
      }
      const after = stack.pump.stats();

      return `8 orders, ${after.deliveries - before.deliveries} deliveries (3 copies each, shuffled, in parallel, round-robin over ${stack.orderSyncs.length} processes): 8 Linnworks orders`;
    },
  );

  await story.step(
    'Poisoned record among good ones → good ones through, bad one queued with its reason',
    async () => {
      const requests = orderBatch('DR-PSN', 5);
      const poisoned = requests[2];
      if (!poisoned) throw new Error('unreachable');
      poisoned.address = { streetName: undefined, streetNumber: undefined };
      const orders = await placeAll(stack, requests);
      const bad = orders[2];
      if (!bad) throw new Error('unreachable');
      const good = orders.filter((o) => o.id !== bad.id);
      await stack.pump.poll();
      await expectExactlyOnce(stack, good);
      const auth = await operatorAuth(stack);
      const failure = await waitFor('the poisoned order in the failure queue', async () =>
        (await pendingFailures(stack, auth, 'order-sync')).find((f) => f.ref.id === bad.id),
      );
      check(failure.reasonCode === 'ADDRESS_STREET_MISSING', `reason ${failure.reasonCode}`);
      check(
        linnworksOrdersFor(stack.emulator.control, bad).length === 0,
        'the poisoned order reached Linnworks',
      );
      // Fixed and replayed, so the reconciliation afterwards can expect both systems to agree.
      const current = await getOrder(stack.ct, bad.id);
      await stack.ct
        .orders()
        .withId({ ID: bad.id })
        .post({
          body: {
            version: current.version,
            actions: [
              {
                action: 'setShippingAddress',
                address: {
                  ...current.shippingAddress,
                  country: current.shippingAddress?.country ?? 'GB',
                  streetName: 'Fixed Street',
                  streetNumber: '1',
                },
              },
            ],
          },
        })
        .execute();
      const replay = await adminFor(stack).call<{ counts: Record<string, number> }>(
        'POST',
        '/replay',
        auth,
        { ids: [failure.id] },
      );
      check(
        replay.status === 200 && replay.body.counts.resolved === 1,
        `replay: ${JSON.stringify(replay.body.counts)}`,
      );
      await expectExactlyOnce(stack, [bad]);

      return `4/4 good orders in Linnworks; the bad one queued as ${failure.reasonCode} (${failure.field ?? '?'}), not sent; fixed + replayed → created once`;
    },
  );
}
