import type { Alert } from 'shared';

import { adminFor, operatorAuth } from '../demo/failure-steps';
import type { OrderRequest } from '../demo/place-order';
import { check, type Story, waitFor } from '../demo/story';
import { NEW_ARRIVAL } from '../seed/catalog';
import type { Stack } from '../stack/stack';
import { placeAll } from './drill-support';

const FLOOD = 100;
const CONDITION = 'failure-reason.order-sync.SKU_UNKNOWN';

function alertsFor(stack: Stack, status: Alert['status']): Alert[] {
  return stack.alerts.alerts().filter((a) => a.condition === CONDITION && a.status === status);
}

/**
 * The alert flood drill: `FLOOD` orders fail for one reason across the event app; the webhook
 * receives one alert for them, signed, and after the fix and a replay one "resolved" message.
 */
export async function alertDrills(stack: Stack, story: Story): Promise<void> {
  const sku = NEW_ARRIVAL.variants[1]?.sku ?? NEW_ARRIVAL.variants[0]?.sku ?? '';
  const auth = await operatorAuth(stack);
  const admin = adminFor(stack);
  const firingBefore = alertsFor(stack, 'firing').length;

  await story.step(
    `Alert flood: ${FLOOD} orders fail for the same reason → one signed alert`,
    async () => {
      const postsBefore = stack.alerts.received.length;
      const requests = Array.from({ length: FLOOD }, (_, i): OrderRequest => ({
        orderNumber: `DR-FLOOD-${String(i + 1).padStart(3, '0')}`,
        store: 'uk-store',
        customer: 'cust-priya',
        shipping: 'standard',
        lines: [{ sku, quantity: 1 }],
      }));
      await placeAll(stack, requests);
      await stack.pump.poll();
      const pending = await waitFor(
        `${FLOOD} SKU_UNKNOWN failures`,
        async () => {
          const res = await admin.call<{ total: number }>(
            'GET',
            `/failures?reasonCode=SKU_UNKNOWN&status=pending&sku=${encodeURIComponent(sku)}`,
            auth,
          );

          return res.body.total >= FLOOD ? res.body.total : undefined;
        },
        120_000,
        500,
      );
      // Alerts are raised in the background of the event app: give them a moment to settle.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const firing = alertsFor(stack, 'firing').length - firingBefore;
      check(firing === 1, `${firing} firing alerts for ${FLOOD} identical failures`);
      const posts = stack.alerts.received.slice(postsBefore);
      check(
        posts.every((p) => p.signature === 'valid'),
        'an alert arrived without a valid signature',
      );

      return `${pending} orders pending for SKU_UNKNOWN; alerts received for the reason: ${firing} (signed), webhook POSTs in the step: ${posts.length}`;
    },
  );

  await story.step(
    'The SKU arrives in Linnworks, the reason is replayed → one "resolved"',
    async () => {
      stack.emulator.control.seedItems([{ sku, title: NEW_ARRIVAL.name, stock: { Default: 500 } }]);
      let resolvedOrders = 0;
      for (let round = 0; round < 5; round += 1) {
        const res = await admin.call<{ counts: Record<string, number> }>('POST', '/replay', auth, {
          flow: 'order-sync',
          reasonCode: 'SKU_UNKNOWN',
          limit: 200,
        });
        resolvedOrders += res.body.counts.resolved ?? 0;
        if ((res.body.counts.resolved ?? 0) === 0) break;
      }
      const resolved = await waitFor(
        'the resolved message',
        async () =>
          alertsFor(stack, 'resolved').length > 0 ? alertsFor(stack, 'resolved') : undefined,
        30_000,
        250,
      );
      check(resolved.length === 1, `${resolved.length} resolved messages`);

      return `replay resolved ${resolvedOrders} failures; resolved messages: ${resolved.length}; alerts in all for the reason: ${stack.alerts.alerts().filter((a) => a.condition === CONDITION).length}`;
    },
  );
}
