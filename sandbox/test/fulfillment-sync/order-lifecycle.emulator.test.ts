import {
  CtStateStore,
  type FulfillmentSyncSettings,
  ORDER_STATE_CONTAINER,
  type OrderState,
} from 'shared';
import { captureLogger, ctTestUrl } from 'shared/testing';

import {
  createLinkedOrders,
  type FulfillmentWorld,
  startFulfillmentWorld,
  worldSettings,
} from './fulfillment-world';

const settings: FulfillmentSyncSettings = {
  ...worldSettings,
  retention: { days: 30, mode: 'slim' },
};

const DAY = 86_400_000;
/** The flow's clock `days` after the real one (the test server stamps lastModifiedAt in real time). */
const runAt = (
  w: FulfillmentWorld,
  days: number,
  feeds?: Parameters<ReturnType<FulfillmentWorld['flow']>['run']>[0]['feeds'],
) =>
  w
    .flow({
      now: () => new Date(Date.now() + 60_000 + days * DAY),
      settings: { job: { timeBudgetMs: 600_000, pageSize: 20 } },
    })
    .run({ dryRun: false, ...(feeds ? { feeds } : {}) });

async function stateOf(w: FulfillmentWorld, ctOrderId: string): Promise<OrderState | undefined> {
  return (await new CtStateStore(w.ctApi).get<OrderState>(ORDER_STATE_CONTAINER, ctOrderId))?.value;
}

describe('the order-state lifecycle against the Linnworks emulator and the commercetools test server', () => {
  let w: FulfillmentWorld;

  afterEach(async () => {
    await w.close();
  });

  it('when Linnworks ships one order and cancels another, then their records settle and the progress feed reads only the open one', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [shipped, cancelled, open] = await createLinkedOrders(w, 3, [
      { sku: 'SKU-1', quantity: 1 },
    ]);
    w.emulator.control.processOrder({ order: shipped!.reference, trackingNumber: 'T1' });
    w.emulator.control.cancelOrder({ order: cancelled!.reference });
    w.emulator.control.resetCallCounts();

    const report = await runAt(w, 0);

    expect(report.status).toBe('completed');
    expect(await stateOf(w, shipped!.ct.id)).toMatchObject({
      status: 'shipped',
      settled: { as: 'shipped' },
    });
    expect(await stateOf(w, cancelled!.ct.id)).toMatchObject({
      status: 'cancelled',
      settled: { as: 'cancelled' },
      cancellation: { source: 'linnworks' },
    });
    expect(await stateOf(w, open!.ct.id)).toMatchObject({ status: 'created' });
    expect(report.counts['progress.open']).toBe(1);
    // One GetOrdersById for the one open order; none for the settled ones.
    expect(w.emulator.control.callCounts()['Orders/GetOrdersById']).toBe(1);
  });

  it('when records from before the lifecycle are still "created", then the first run classifies them in place: by the commercetools order, else by Linnworks', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [shippedInCt, processedInLw, open] = await createLinkedOrders(w, 3, [
      { sku: 'SKU-1', quantity: 1 },
    ]);
    w.emulator.control.processOrder({ order: shippedInCt!.reference, trackingNumber: 'T1' });
    await runAt(w, 0, ['processed']);
    // Old deployments: the record stays "created" forever, with no settlement.
    const store = new CtStateStore(w.ctApi);
    const old = await store.get<OrderState>(ORDER_STATE_CONTAINER, shippedInCt!.ct.id);
    const { settled: _settled, ...legacy } = old!.value;
    await store.put(ORDER_STATE_CONTAINER, shippedInCt!.ct.id, { ...legacy, status: 'created' });
    // Processed in Linnworks long before the processed feed's window.
    w.emulator.control.processOrder({
      order: processedInLw!.reference,
      trackingNumber: 'T2',
      processedOn: '2025-01-01T10:00:00Z',
    });
    w.emulator.control.resetCallCounts();

    const report = await runAt(w, 0, ['progress']);

    expect(report.counts).toMatchObject({
      'progress.open': 3,
      'progress.settled.shipped': 2,
    });
    expect(await stateOf(w, shippedInCt!.ct.id)).toMatchObject({ status: 'shipped' });
    expect(await stateOf(w, processedInLw!.ct.id)).toMatchObject({ status: 'shipped' });
    expect(await stateOf(w, open!.ct.id)).toMatchObject({ status: 'created' });
    // The order commercetools shows shipped is not asked about: one call for the two others.
    expect(w.emulator.control.callCounts()['Orders/GetOrdersById']).toBe(1);

    const next = await runAt(w, 0, ['progress']);
    expect(next.counts['progress.open']).toBe(1);
  });

  it('when the late-tracking window and then the retention pass, then settled records close and closed ones are compacted to what replay, reconciliation and echo suppression need', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [shipped, cancelled, open] = await createLinkedOrders(w, 3, [
      { sku: 'SKU-1', quantity: 1 },
    ]);
    w.emulator.control.processOrder({ order: shipped!.reference, trackingNumber: 'T1' });
    w.emulator.control.cancelOrder({ order: cancelled!.reference });
    const store = new CtStateStore(w.ctApi);
    const before = await store.get<OrderState>(ORDER_STATE_CONTAINER, cancelled!.ct.id);
    await store.put(ORDER_STATE_CONTAINER, cancelled!.ct.id, {
      ...before!.value,
      fulfilmentLocationId: 'loc-1',
      attempts: 3,
    });
    await runAt(w, 0);

    const early = await runAt(w, 1, ['lifecycle']);
    expect(early.counts['lifecycle.closed']).toBeUndefined();
    const closing = await runAt(w, 3, ['lifecycle']);
    expect(closing.counts['lifecycle.closed']).toBe(2);
    expect(await stateOf(w, shipped!.ct.id)).toMatchObject({
      status: 'closed',
      settled: { as: 'shipped' },
    });
    expect(await stateOf(w, open!.ct.id)).toMatchObject({ status: 'created' });

    const compacting = await runAt(w, 40, ['lifecycle']);
    expect(compacting.counts['lifecycle.compacted']).toBe(2);
    const kept = await stateOf(w, cancelled!.ct.id);
    expect(kept).toMatchObject({
      status: 'closed',
      linnworksOrderId: cancelled!.lwOrderId,
      linnworksReference: cancelled!.reference,
      cancellation: { source: 'linnworks' },
      settled: { as: 'cancelled' },
      compactedAt: expect.any(String),
    });
    expect(kept).toMatchObject({ attempts: 0 });
    expect(kept).not.toHaveProperty('fulfilmentLocationId');
    const again = await runAt(w, 41, ['lifecycle']);
    expect(again.counts['lifecycle.compacted']).toBeUndefined();
  });

  it('when a run stops on its time budget, then it is reported partial with the feeds it did not finish', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    await createLinkedOrders(w, 2, [{ sku: 'SKU-1', quantity: 1 }]);
    let tick = Date.now();
    const report = await w
      .flow({
        now: () => new Date((tick += 1000)),
        settings: { job: { timeBudgetMs: 3_000, pageSize: 20 } },
      })
      .run({ dryRun: false });

    expect(report).toMatchObject({ status: 'partial', reason: 'time-budget' });
    expect(report.problems?.[0]).toMatch(/time budget spent: .*lifecycle/);
  });
});
