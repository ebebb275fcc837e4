import type { Order } from '@commercetools/platform-sdk';

import type { Stack } from '../stack/stack';
import { getOrder, linnworksOrdersFor, stockDifferences } from './checks';
import { check, type Story, waitFor } from './story';

/** Runs a job now through the local cron and fails the step unless it completed. */
export async function runJob(
  stack: Stack,
  job: 'stock-sync' | 'fulfillment-sync' | 'sync-scheduler',
) {
  const run = await stack.cron.trigger(job);
  check(
    run.status === 200,
    `${job} answered ${run.status}: ${JSON.stringify(run.report).slice(0, 200)}`,
  );
  check(
    run.report.status === 'completed',
    `${job} run ${String(run.report.status)} (${String(run.report.reason ?? '')})`,
  );

  return run.report as { counts?: Record<string, number> };
}

function lwIdOf(stack: Stack, order: Order): string {
  const [lw] = linnworksOrdersFor(stack.emulator.control, order);
  if (!lw) throw new Error(`${order.orderNumber ?? order.id} is not in Linnworks`);

  return lw.OrderId;
}

async function stateKey(stack: Stack, order: Order): Promise<string | undefined> {
  if (!order.state) return undefined;

  return (await stack.ct.states().withId({ ID: order.state.id }).get().execute()).body.key;
}

export async function stockStep(stack: Stack, story: Story): Promise<void> {
  await story.step(
    'Stock changes in Linnworks reach commercetools per supply channel',
    async () => {
      await runJob(stack, 'stock-sync');
      const initial = await stockDifferences(stack.ct, stack.emulator.control);
      check(initial.length === 0, `after the first sweep: ${initial.join('; ')}`);
      const control = stack.emulator.control;
      control.adjustStock({ sku: 'MUG-ENM-BLU', location: 'Manchester', set: 3 });
      control.adjustStock({ sku: 'HAT-MER-GRY', location: 'Berlin', delta: 25 });
      control.adjustStock({ sku: 'TORCH-USB-300', location: 'Default', set: 0 });
      const report = await runJob(stack, 'stock-sync');
      const after = await stockDifferences(stack.ct, control);
      check(after.length === 0, `after the change: ${after.join('; ')}`);
      const changed = report.counts?.changed ?? 0;
      check(
        changed === 3,
        `the run changed ${changed} inventory entries, expected exactly the 3 that moved`,
      );

      return `first sweep created every (SKU, channel); 3 level changes → exactly 3 inventory writes; 21 entries equal Linnworks' available stock`;
    },
  );
}

export async function fulfilmentSteps(
  stack: Stack,
  story: Story,
  orders: Map<string, Order>,
): Promise<void> {
  const control = stack.emulator.control;
  const order = (n: string) => {
    const o = orders.get(n);
    if (!o) throw new Error(`${n} was not placed`);

    return o;
  };

  await story.step('Pick and pack progress shows as order states (CT-1001)', async () => {
    const o = order('CT-1001');
    control.setPrintFlags({ order: lwIdOf(stack, o), pickListPrinted: true });
    await runJob(stack, 'fulfillment-sync');
    const picking = await stateKey(stack, await getOrder(stack.ct, o.id));
    check(picking === 'lw-picking', `state after the pick list: ${picking ?? 'none'}`);
    control.setPrintFlags({ order: lwIdOf(stack, o), labelPrinted: true });
    await runJob(stack, 'fulfillment-sync');
    const packed = await getOrder(stack.ct, o.id);
    const key = await stateKey(stack, packed);
    check(
      key === 'lw-packed' && packed.shipmentState === 'Ready',
      `after the label: state ${key ?? 'none'}, shipment ${packed.shipmentState ?? 'none'}`,
    );

    return 'pick list printed → state lw-picking; label printed → lw-packed, shipmentState Ready';
  });

  await story.step('Shipped in two packages with tracking (CT-1001)', async () => {
    const o = order('CT-1001');
    const tracking = ['RM100200301GB', 'RM100200315GB'];
    control.processOrder({
      order: lwIdOf(stack, o),
      vendor: 'Royal Mail',
      postalServiceName: 'Royal Mail 24',
      packages: [
        { trackingNumber: tracking[0] ?? '', lines: [{ sku: 'MUG-ENM-BLU', quantity: 2 }] },
        {
          trackingNumber: tracking[1] ?? '',
          lines: [
            { sku: 'BOOK-TRAIL-01', quantity: 1 },
            { sku: 'HAT-MER-GRY', quantity: 1 },
          ],
        },
      ],
    });
    await runJob(stack, 'fulfillment-sync');
    const shipped = await getOrder(stack.ct, o.id);
    const deliveries = shipped.shippingInfo?.deliveries ?? [];
    const parcels = deliveries.flatMap((d) => d.parcels);
    const ids = parcels.map((p) => p.trackingData?.trackingId).sort();
    check(deliveries.length === 1, `${deliveries.length} deliveries, expected 1`);
    check(
      JSON.stringify(ids) === JSON.stringify([...tracking].sort()),
      `parcel tracking ${ids.join(',')}`,
    );
    check(shipped.shipmentState === 'Shipped', `shipmentState ${shipped.shipmentState ?? 'none'}`);
    check(shipped.orderState === 'Complete', `orderState ${shipped.orderState}`);
    await runJob(stack, 'fulfillment-sync');
    const again = await getOrder(stack.ct, o.id);
    check((again.shippingInfo?.deliveries ?? []).length === 1, 'a second run added a delivery');

    return `1 delivery, 2 parcels (${tracking.join(', ')}), shipmentState Shipped, orderState Complete; a rerun adds nothing`;
  });

  await story.step('Cancelled in commercetools → cancelled in Linnworks (CT-1005)', async () => {
    const o = await getOrder(stack.ct, order('CT-1005').id);
    await stack.ct
      .orders()
      .withId({ ID: o.id })
      .post({
        body: {
          version: o.version,
          actions: [{ action: 'changeOrderState', orderState: 'Cancelled' }],
        },
      })
      .execute();
    await stack.pump.poll();
    await waitFor('the Linnworks order to be cancelled', async () => {
      const [lw] = linnworksOrdersFor(control, o);

      return lw &&
        (lw as unknown as { GeneralInfo: { HoldOrCancel: boolean } }).GeneralInfo.HoldOrCancel &&
        lw.Processed
        ? lw
        : undefined;
    });
    const report = await runJob(stack, 'fulfillment-sync');

    return `OrderStateChanged → order-sync cancelled the Linnworks order; fulfillment-sync did not echo it back (echoSkipped=${report.counts?.['cancelled.echoSkipped'] ?? 0})`;
  });

  await story.step('Cancelled in Linnworks → cancelled in commercetools (CT-1002)', async () => {
    const o = order('CT-1002');
    control.cancelOrder({ order: lwIdOf(stack, o) });
    await runJob(stack, 'fulfillment-sync');
    const after = await getOrder(stack.ct, o.id);
    check(after.orderState === 'Cancelled', `orderState ${after.orderState}`);
    const lw = linnworksOrdersFor(control, o);
    check(lw.length === 1, `${lw.length} Linnworks orders after the cancellation`);

    return 'Linnworks cancellation → commercetools orderState Cancelled, no order sent back';
  });

  await story.step(
    'Part of a shipped order returned and refunded (CT-1006: 1 of 3 mugs)',
    async () => {
      const o = order('CT-1006');
      control.processOrder({
        order: lwIdOf(stack, o),
        vendor: 'Royal Mail',
        postalServiceName: 'Royal Mail 24',
        trackingNumber: 'RM100200329GB',
      });
      await runJob(stack, 'fulfillment-sync');
      // The mug comes back and is refunded (a return row): only goods back make a return item;
      // a refund alone is money (docs/fulfillment-sync.md, "Money paths").
      control.returnItems({
        order: lwIdOf(stack, o),
        lines: [{ sku: 'MUG-ENM-BLU', quantity: 1 }],
        type: 'RETURNREFUND',
        refundAmounts: [12.99],
      });
      await runJob(stack, 'fulfillment-sync');
      await runJob(stack, 'fulfillment-sync');
      const after = await getOrder(stack.ct, o.id);
      const mugLine = after.lineItems.find((l) => l.variant.sku === 'MUG-ENM-BLU');
      const items = (after.returnInfo ?? []).flatMap((r) => r.items);
      check(
        items.length === 1,
        `${items.length} return items, expected 1 (a rerun must not add another)`,
      );
      const item = items[0] as { quantity: number; lineItemId?: string; paymentState?: string };
      check(
        item.quantity === 1 && item.lineItemId === mugLine?.id,
        `return item: quantity ${item.quantity} on line ${item.lineItemId ?? '?'}`,
      );
      check(item.paymentState === 'Refunded', `return item payment ${item.paymentState ?? 'none'}`);
      check(after.shipmentState === 'Shipped', `shipmentState ${after.shipmentState ?? 'none'}`);

      return `shipped, then 1 × MUG-ENM-BLU returned and refunded: one return item (quantity 1, payment ${item.paymentState ?? '?'}) after two runs`;
    },
  );
}
