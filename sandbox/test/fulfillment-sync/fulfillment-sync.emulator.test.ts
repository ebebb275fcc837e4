import type { FulfillmentSyncSettings } from 'shared';
import { captureLogger, ctTestUrl } from 'shared/testing';

import {
  createLinkedOrders,
  type FulfillmentWorld,
  startFulfillmentWorld,
  worldSettings,
} from './fulfillment-world';

const settings: FulfillmentSyncSettings = { ...worldSettings, progressRules: [] };

const NOW = Date.parse('2026-01-01T12:00:00Z');
const run = (w: FulfillmentWorld, pageSize = 20) =>
  w
    .flow({ now: () => new Date(NOW), settings: { job: { timeBudgetMs: 600_000, pageSize } } })
    .run({ dryRun: false });

describe('fulfillment-sync against the Linnworks emulator and the commercetools test server', () => {
  let w: FulfillmentWorld;

  afterEach(async () => {
    await w.close();
  });

  it('when Linnworks ships an order in two boxes, then the delivery has one parcel per box with its tracking and the items matched through the line reference', async () => {
    w = await startFulfillmentWorld(
      ctTestUrl(),
      { ...settings, packageSplit: 'always' },
      captureLogger().logger,
    );
    const [order] = await createLinkedOrders(w, 1, [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    w.emulator.control.processOrder({
      order: order!.reference,
      vendor: 'Royal Mail',
      postalServiceName: 'Tracked 24',
      processedOn: '2026-01-01T11:00:00Z',
      packages: [
        { trackingNumber: 'BOX-A', lines: [{ sku: 'SKU-1', quantity: 2 }] },
        { trackingNumber: 'BOX-B', lines: [{ sku: 'SKU-2', quantity: 1 }] },
      ],
    });
    w.emulator.control.resetCallCounts();

    const report = await run(w);

    expect(report.counts['processed.shipped']).toBe(1);
    const ct = (await w.ctApi.orders().withId({ ID: order!.ct.id }).get().execute()).body;
    const [li1, li2] = ct.lineItems;
    const delivery = ct.shippingInfo?.deliveries?.[0];
    expect(delivery?.items).toEqual([
      { id: li1?.id, quantity: 2 },
      { id: li2?.id, quantity: 1 },
    ]);
    expect(delivery?.parcels.map((p) => [p.items, p.trackingData])).toEqual([
      [
        [{ id: li1?.id, quantity: 2 }],
        { trackingId: 'BOX-A', carrier: 'Royal Mail', provider: 'Tracked 24' },
      ],
      [
        [{ id: li2?.id, quantity: 1 }],
        { trackingId: 'BOX-B', carrier: 'Royal Mail', provider: 'Tracked 24' },
      ],
    ]);
    expect(ct).toMatchObject({ shipmentState: 'Shipped', orderState: 'Complete' });
    expect(w.emulator.control.callCounts()['ProcessedOrders/GetPackageSplit']).toBe(1);
  });

  it('when 45 one-box orders ship, then the processed search takes ceil(45/20) calls, no package split is read and each order gets one update', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const orders = await createLinkedOrders(w, 45, [{ sku: 'SKU-1', quantity: 1 }]);
    for (const [i, o] of orders.entries()) {
      w.emulator.control.processOrder({
        order: o.reference,
        trackingNumber: `T${i}`,
        processedOn: `2026-01-01T11:${String(i).padStart(2, '0')}:00Z`,
      });
    }
    w.emulator.control.resetCallCounts();

    const report = await run(w);
    const calls = w.emulator.control.callCounts();

    expect(report.counts['processed.shipped']).toBe(45);
    // 3 pages for the processed feed, 1 for the (empty) cancelled feed.
    expect(calls['ProcessedOrders/SearchProcessedOrders']).toBe(4);
    expect(calls['ProcessedOrders/GetPackageSplit']).toBeUndefined();
    // One update request per order (45 updates, 45 orders shipped below).
    expect(report.counts.ctWrites).toBe(orders.length);
    const shipped = await w.ctApi
      .orders()
      .get({ queryArgs: { where: 'shipmentState="Shipped"', limit: 100 } })
      .execute();
    expect(shipped.body.total).toBe(45);
  });

  it('when Linnworks cancels one order and takes back and refunds a line of another, then one is cancelled and the other gets one return item', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [toCancel, toRefund] = await createLinkedOrders(w, 2, [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    w.emulator.control.cancelOrder({ order: toCancel!.reference });
    w.emulator.control.processOrder({ order: toRefund!.reference, trackingNumber: 'T1' });
    // Goods back and refunded (a RETURNREFUND row): a refund alone would be money only.
    w.emulator.control.returnItems({
      order: toRefund!.reference,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      type: 'RETURNREFUND',
      refundAmounts: [5],
    });

    const now = () => new Date(Date.now() + 60_000);
    const flow = w.flow({ now, settings: { job: { timeBudgetMs: 600_000, pageSize: 20 } } });
    await flow.run({ dryRun: false });
    await flow.run({ dryRun: false });

    const cancelled = (await w.ctApi.orders().withId({ ID: toCancel!.ct.id }).get().execute()).body;
    const refunded = (await w.ctApi.orders().withId({ ID: toRefund!.ct.id }).get().execute()).body;
    expect(cancelled.orderState).toBe('Cancelled');
    const items = (refunded.returnInfo ?? []).flatMap((r) => r.items);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      quantity: 1,
      lineItemId: refunded.lineItems[0]?.id,
      paymentState: 'Refunded',
    });
    // The emulator sends headers with `RefundLines: null` (the official sample): the lines that
    // reached commercetools came from GetRefundLinesByHeaderId.
    expect(
      w.emulator.control.callCounts()['ReturnsRefunds/GetRefundLinesByHeaderId'],
    ).toBeGreaterThan(0);
  });

  it('when the refunds feed breaks, then shipments still sync and the run is partial, naming the refunds feed', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 1 }], 'BRK');
    w.emulator.control.processOrder({
      order: order!.reference,
      trackingNumber: 'T-BRK',
      processedOn: '2026-01-01T11:00:00Z',
    });
    w.emulator.control.injectFault({
      kind: 'status',
      endpoint: 'ReturnsRefunds/SearchReturnsRefundsPaged',
      status: 400,
      message: 'The request is invalid.',
    });

    const report = await run(w);

    const shipped = (await w.ctApi.orders().withId({ ID: order!.ct.id }).get().execute()).body;
    expect(shipped.shipmentState).toBe('Shipped');
    expect(report).toMatchObject({
      status: 'partial',
      problems: ['refunds feed failed (LINNWORKS_REJECTED)'],
      feeds: { processed: { status: 'done' }, refunds: { status: 'failed' } },
    });
  });
});
