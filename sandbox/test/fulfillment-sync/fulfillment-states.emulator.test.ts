import { randomUUID } from 'node:crypto';

import type { Order } from '@commercetools/platform-sdk';
import {
  DEFAULT_PROGRESS_RULES,
  ensureFulfillmentStates,
  type FulfillmentSyncSettings,
} from 'shared';
import {
  captureLogger,
  ctTestConfig,
  ctTestSeed,
  ctTestUrl,
  setStateTransitions,
  importOrder,
} from 'shared/testing';

import {
  createLinkedOrders,
  type FulfillmentWorld,
  linkOrders,
  startFulfillmentWorld,
} from './fulfillment-world';

// The flow end to end on the strict commercetools test server, set up as post-deploy sets up a
// real project, with the settings a real project keeps (set-tracking, return payment states).
const settings: FulfillmentSyncSettings = {
  source: 'COMMERCETOOLS',
  job: { timeBudgetMs: 600_000, pageSize: 20 },
  progressRules: DEFAULT_PROGRESS_RULES,
  shippedOrderState: 'Complete',
  lineCancelledState: 'lw-line-cancelled',
  refundPaymentState: 'CreditOwed',
  returnPaymentState: 'Refunded',
  trackingUpdate: 'set-tracking',
  lateTrackingHours: 48,
  packageSplit: 'auto',
};

let w: FulfillmentWorld;
let projectKey: string;

async function world(overrides: Partial<FulfillmentSyncSettings> = {}) {
  projectKey = `fst-${randomUUID().slice(0, 8)}`;
  const logs = captureLogger();
  w = await startFulfillmentWorld(
    ctTestUrl(),
    { ...settings, ...overrides },
    logs.logger,
    projectKey,
  );
  await ensureFulfillmentStates(w.ctApi, { ...settings, ...overrides });

  return logs;
}

/** Runs as the job does; the clock runs a minute ahead so every emulator event is in the window. */
const run = (overrides: Partial<FulfillmentSyncSettings> = {}) =>
  w.flow({ settings: overrides, now: () => new Date(Date.now() + 60_000) }).run({ dryRun: false });

const fetchOrder = async (id: string): Promise<Order> =>
  (
    await w.ctApi
      .orders()
      .withId({ ID: id })
      .get({ queryArgs: { expand: ['state'] } })
      .execute()
  ).body;

/** A line item's quantities per state key. */
async function lineStates(order: Order, index: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of order.lineItems[index]?.state ?? []) {
    const state = (await w.ctApi.states().withId({ ID: s.state.id }).get().execute()).body;
    out[state.key] = s.quantity;
  }

  return out;
}

async function openFailures() {
  return (await w.failures.list({ flow: 'fulfillment-sync' })).items;
}

describe('fulfillment-sync on the strict commercetools test server, states as post-deploy sets them', () => {
  afterEach(async () => {
    await w.close();
  });

  it('when a fresh order is picked, packed and shipped in Linnworks, then commercetools shows lw-picking, then lw-packed (Ready), then Shipped and Complete', async () => {
    await world();
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 2 }]);
    const control = w.emulator.control;
    const id = order!.ct.id;
    expect((await fetchOrder(id)).state).toBeUndefined();

    control.setPrintFlags({ order: order!.lwOrderId, pickListPrinted: true });
    await run();
    const picking = await fetchOrder(id);
    control.setPrintFlags({ order: order!.lwOrderId, labelPrinted: true });
    await run();
    const packed = await fetchOrder(id);
    control.processOrder({ order: order!.lwOrderId, trackingNumber: 'RM1' });
    await run();
    const shipped = await fetchOrder(id);

    expect(picking.state?.obj?.key).toBe('lw-picking');
    expect([packed.state?.obj?.key, packed.shipmentState]).toEqual(['lw-packed', 'Ready']);
    expect(shipped).toMatchObject({ shipmentState: 'Shipped', orderState: 'Complete' });
    expect(shipped.shippingInfo?.deliveries?.[0]).toMatchObject({
      key: `lw-${order!.lwOrderId}`,
      items: [{ id: order!.ct.lineItems[0]?.id, quantity: 2 }],
    });
    expect(await openFailures()).toEqual([]);
  });

  it('when Linnworks cancels part of a line, then those units move from Initial to lw-line-cancelled and only the rest ships', async () => {
    await world();
    const [order] = await createLinkedOrders(w, 1, [
      { sku: 'SKU-1', quantity: 3 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    w.emulator.control.cancelOrder({
      order: order!.lwOrderId,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
    });
    await run();
    const cancelled = await fetchOrder(order!.ct.id);
    w.emulator.control.processOrder({ order: order!.lwOrderId, trackingNumber: 'RM2' });
    await run();
    await run();
    const shipped = await fetchOrder(order!.ct.id);

    expect(await lineStates(cancelled, 0)).toEqual({ Initial: 2, 'lw-line-cancelled': 1 });
    expect(await lineStates(cancelled, 1)).toEqual({ Initial: 1 });
    expect(shipped.shippingInfo?.deliveries?.map((d) => d.items)).toEqual([
      [
        { id: order!.ct.lineItems[0]?.id, quantity: 2 },
        { id: order!.ct.lineItems[1]?.id, quantity: 1 },
      ],
    ]);
    expect(shipped.shipmentState).toBe('Shipped');
    expect(await lineStates(shipped, 0)).toEqual({ Initial: 2, 'lw-line-cancelled': 1 });
    expect(await openFailures()).toEqual([]);
  });

  it.each([
    ['set-tracking', (parcel: string) => [[parcel, 'LATE-9']]],
    [
      'add-parcel',
      (parcel: string) => [
        [parcel, undefined],
        [`${parcel}-tracking`, 'LATE-9'],
      ],
    ],
  ] as const)(
    'when the carrier gives the tracking number after processing, then %s mode records it once',
    async (mode, expected) => {
      await world({ trackingUpdate: mode });
      const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 1 }]);
      w.emulator.control.processOrder({ order: order!.lwOrderId });
      const first = await run();
      w.emulator.control.attachTracking({ order: order!.lwOrderId, trackingNumber: 'LATE-9' });
      const second = await run();
      const third = await run();

      expect(first.counts['processed.awaitingTracking']).toBe(1);
      expect(second.counts['tracking.updated']).toBe(1);
      expect(third.counts['tracking.updated']).toBeUndefined();
      const parcels = (await fetchOrder(order!.ct.id)).shippingInfo?.deliveries?.[0]?.parcels;
      expect(parcels?.map((p) => [p.key, p.trackingData?.trackingId])).toEqual(
        expected(`lw-${order!.lwOrderId}-1`),
      );
    },
  );

  it('when Linnworks takes back and refunds a shipped line, then the return item is Refunded and the order CreditOwed, once', async () => {
    await world();
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 2 }]);
    w.emulator.control.processOrder({ order: order!.lwOrderId, trackingNumber: 'RM3' });
    // Goods back with the refund (a return row): a refund alone is money only (issue #16).
    w.emulator.control.returnItems({
      order: order!.lwOrderId,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      type: 'RETURNREFUND',
      refundAmounts: [5],
    });
    await run();
    await run();

    const refunded = await fetchOrder(order!.ct.id);
    const items = (refunded.returnInfo ?? []).flatMap((r) => r.items);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      key: expect.stringMatching(/^lw-rt-/),
      quantity: 1,
      shipmentState: 'Returned',
      paymentState: 'Refunded',
    });
    expect(refunded.paymentState).toBe('CreditOwed');
    expect(await openFailures()).toEqual([]);
  });
});

describe("fulfillment-sync with a merchant's own states that have transitions", () => {
  afterEach(async () => {
    await w.close();
  });

  it("when the order sits in a merchant's state that does not list lw-picking, then it keeps its state and the run says so; a rule with force moves it", async () => {
    const logs = await world();
    await w.ctApi
      .states()
      .post({
        body: {
          key: 'on-hold',
          type: 'OrderState',
          initial: true,
          transitions: [{ typeId: 'state', key: 'lw-packed' }],
        },
      })
      .execute();
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 1 }]);
    const held = await w.ctApi
      .orders()
      .withId({ ID: order!.ct.id })
      .post({
        body: {
          version: order!.ct.version,
          actions: [{ action: 'transitionState', state: { typeId: 'state', key: 'on-hold' } }],
        },
      })
      .execute();
    expect(held.body.state).toBeDefined();
    w.emulator.control.setPrintFlags({ order: order!.lwOrderId, pickListPrinted: true });

    const respectful = await run();
    const kept = await fetchOrder(order!.ct.id);
    const forcing = DEFAULT_PROGRESS_RULES.map((r) => ({ ...r, force: true }));
    await run({ progressRules: forcing });
    const forced = await fetchOrder(order!.ct.id);

    expect(respectful.counts['progress.stateNotAllowed']).toBe(1);
    expect(kept.state?.obj?.key).toBe('on-hold');
    const warning = logs.lines().find((l) => /does not allow a transition/.test(String(l.message)));
    expect(warning).toMatchObject({ fromState: 'on-hold', toState: 'lw-picking' });
    expect(forced.state?.obj?.key).toBe('lw-picking');
    expect(await openFailures()).toEqual([]);
  });

  it("when the merchant's Initial line-item state does not list lw-line-cancelled, then the cancellation is queued with the reason, and replays once the merchant lists it", async () => {
    await world();
    await w.ctApi
      .states()
      .post({ body: { key: 'picked', type: 'LineItemState' } })
      .execute();
    await setStateTransitions(w.ctApi, 'Initial', ['picked']);
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 2 }]);
    w.emulator.control.cancelOrder({
      order: order!.lwOrderId,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
    });

    await run();
    const [failure] = await openFailures();
    await setStateTransitions(w.ctApi, 'Initial', ['picked', 'lw-line-cancelled']);
    const replay = await w.flow().replayer(failure!, { dryRun: false });

    expect(failure).toMatchObject({
      reasonCode: 'LINE_STATE_TRANSITION_NOT_ALLOWED',
      retryable: false,
      message: expect.stringMatching(
        /line-item state Initial lists transitions without lw-line-cancelled/,
      ),
    });
    expect(replay.outcome).toBe('resolved');
    expect(await lineStates(await fetchOrder(order!.ct.id), 0)).toEqual({
      Initial: 1,
      'lw-line-cancelled': 1,
    });
  });

  it('when an order in Multiple shipping mode is shipped in Linnworks, then no delivery is sent and the failure names the shipping mode', async () => {
    await world();
    const imported = await importOrder(w.ctApi, w.shippingMethodId, 'MULTI-1', [
      { sku: 'SKU-1', quantity: 1 },
    ]);
    const { shippingInfo, ...rest } = imported;
    const order = await ctTestSeed<Order>(ctTestConfig(projectKey), 'order', {
      ...rest,
      id: randomUUID(),
      orderNumber: 'MULTI-1-M',
      shippingMode: 'Multiple',
      shipping: [
        { shippingKey: 'home', shippingInfo, shippingAddress: { country: 'GB' } },
        { shippingKey: 'office', shippingInfo, shippingAddress: { country: 'GB' } },
      ],
    });
    const [linked] = await linkOrders(w, [order]);
    w.emulator.control.processOrder({ order: linked!.lwOrderId, trackingNumber: 'RM4' });

    const report = await run();

    expect(report.counts['processed.failed']).toBe(1);
    expect(await openFailures()).toEqual([
      expect.objectContaining({ reasonCode: 'SHIPPING_MODE_MULTIPLE', field: 'shippingMode' }),
    ]);
    const after = await fetchOrder(order.id);
    expect(after.shipping.flatMap((s) => s.shippingInfo.deliveries ?? [])).toEqual([]);
    expect(after.shipmentState).toBeUndefined();
  });
});
