import type { Order } from '@commercetools/platform-sdk';
import { captureLogger, ctTestApi } from 'shared/testing';

import type { CtApi } from '../../../src/commercetools/client';
import { PermanentUpstreamError } from '../../../src/errors/errors';
import { CtFulfillmentSyncAdapter } from '../../../src/flows/fulfillment-sync/ct-fulfillment-sync.adapter';
import { CursorRepo } from '../../../src/flows/fulfillment-sync/cursor.repo';
import { createFulfillmentSyncReplayer } from '../../../src/flows/fulfillment-sync/fulfillment-sync.replayer';
import { type FulfillmentSyncDeps } from '../../../src/flows/fulfillment-sync/fulfillment-sync.deps';
import { type FulfillmentSyncSettings } from '../../../src/flows/fulfillment-sync/fulfillment-sync.settings';
import { OrderLinks } from '../../../src/flows/fulfillment-sync/order-link.repo';
import { runFulfillmentSync } from '../../../src/flows/fulfillment-sync/run-fulfillment-sync.use-case';
import {
  ORDER_STATE_CONTAINER,
  type OrderState,
} from '../../../src/flows/order-sync/order-state.contract';
import { CtStateStore } from '../../../src/state/ct-state-store';
import { FailureQueue } from '../../../src/state/failure-queue';
import { LeaseLock } from '../../../src/state/lease-lock';
import { importOrder, seedCatalogue } from '../../../testing/builders/ct-seed';
import {
  detailsFrom,
  FakeLinnworks,
  processedRow,
} from '../../../testing/stand-ins/linnworks-fulfillment.fake';

const settings: FulfillmentSyncSettings = {
  source: 'COMMERCETOOLS',
  progressRules: [{ flag: 'LabelPrinted', state: 'lw-packed', shipmentState: 'Ready' }],
  shippedOrderState: 'Complete',
  lineCancelledState: 'lw-line-cancelled',
  refundPaymentState: 'CreditOwed',
  returnPaymentState: 'Refunded',
  trackingUpdate: 'set-tracking',
  lateTrackingHours: 48,
  packageSplit: 'auto',
};

interface World {
  api: CtApi;
  lw: FakeLinnworks;
  deps: FulfillmentSyncDeps;
  store: CtStateStore;
  failures: FailureQueue;
  shippingMethodId: string;
  clock: { now: Date };
}

async function world(): Promise<World> {
  const api = ctTestApi();
  const { shippingMethodId } = await seedCatalogue(api, ['A', 'B']);
  const store = new CtStateStore(api);
  const clock = { now: new Date('2026-01-01T12:00:00.000Z') };
  const now = () => clock.now;
  const ct = new CtFulfillmentSyncAdapter(api);
  const lw = new FakeLinnworks();
  const failures = new FailureQueue(store, now);
  const deps: FulfillmentSyncDeps = {
    linnworks: lw,
    ct,
    links: new OrderLinks(store, ct),
    store,
    failures,
    settings,
    logger: captureLogger().logger,
    now,
  };

  return { api, lw, deps, store, failures, shippingMethodId, clock };
}

async function linkOrder(
  w: World,
  order: Order,
  lwOrderId: string,
  extra: Partial<OrderState> = {},
) {
  const state: OrderState = {
    ctOrderId: order.id,
    orderNumber: order.orderNumber,
    linnworksOrderId: lwOrderId,
    linnworksReference: order.orderNumber ?? order.id,
    status: 'created',
    paid: true,
    lastOrderVersion: order.version,
    attempts: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
  await w.store.put(ORDER_STATE_CONTAINER, order.id, state);
}

async function fetchOrder(w: World, id: string): Promise<Order> {
  return (await w.api.orders().withId({ ID: id }).get().execute()).body;
}

const run = (w: World, dryRun = false) =>
  runFulfillmentSync(w.deps, { dryRun, timeBudgetMs: 60_000, pageSize: 20 });

describe('runFulfillmentSync', () => {
  it('when Linnworks processed an order, then its commercetools order gets one tracked delivery, is shipped and complete, and a second run adds nothing', async () => {
    const w = await world();
    const order = await importOrder(w.api, w.shippingMethodId, 'ORD-1', [
      { sku: 'A', quantity: 2 },
    ]);
    await linkOrder(w, order, 'lw-1');
    w.lw.processed.push(processedRow({ pkOrderID: 'lw-1', ReferenceNum: 'ORD-1' }));

    const first = await run(w);
    const second = await run(w);

    const after = await fetchOrder(w, order.id);
    expect(first.counts['processed.shipped']).toBe(1);
    expect(second.counts['processed.shipped']).toBeUndefined();
    expect(after.shipmentState).toBe('Shipped');
    expect(after.orderState).toBe('Complete');
    expect(after.shippingInfo?.deliveries).toHaveLength(1);
    expect(after.shippingInfo?.deliveries?.[0]?.items).toEqual([
      { id: order.lineItems[0]?.id, quantity: 2 },
    ]);
    expect(after.shippingInfo?.deliveries?.[0]?.parcels[0]?.trackingData).toEqual({
      trackingId: 'TRK',
      carrier: 'Royal Mail',
      provider: 'Tracked 24',
    });
    expect(w.lw.calls.getPackageSplit).toBeUndefined();
  });

  it('when the processed order matches no commercetools order, then it is queued as a failure and replay applies it once the order is known', async () => {
    const w = await world();
    const order = await importOrder(w.api, w.shippingMethodId, 'ORD-2', [
      { sku: 'A', quantity: 1 },
    ]);
    const row = processedRow({ pkOrderID: 'lw-2', ReferenceNum: 'unknown-ref' });
    w.lw.processed.push(row);
    w.lw.details.set('lw-2', detailsFrom(row));

    const report = await run(w);
    const failure = (await w.failures.list({ flow: 'fulfillment-sync' })).items[0];
    expect(report.counts['processed.failed']).toBe(1);
    expect(failure).toMatchObject({
      reasonCode: 'CT_ORDER_UNKNOWN',
      ref: { id: 'lw-2', feed: 'processed' },
    });

    await linkOrder(w, order, 'lw-2');
    const replay = createFulfillmentSyncReplayer(w.deps);
    const dry = await replay(failure!, { dryRun: true });
    expect(dry.outcome).toBe('resolved');
    expect((await fetchOrder(w, order.id)).shippingInfo?.deliveries ?? []).toHaveLength(0);
    const real = await replay(failure!, { dryRun: false });
    const again = await replay(failure!, { dryRun: false });
    expect(real.outcome).toBe('resolved');
    expect(again).toMatchObject({ outcome: 'resolved', message: 'applied: already up to date' });
    expect((await fetchOrder(w, order.id)).shippingInfo?.deliveries).toHaveLength(1);
  });

  it('when the run is a dry run, then nothing is written: no delivery, no cursor, no failure', async () => {
    const w = await world();
    const order = await importOrder(w.api, w.shippingMethodId, 'ORD-3', [
      { sku: 'A', quantity: 1 },
    ]);
    await linkOrder(w, order, 'lw-3');
    w.lw.processed.push(processedRow({ pkOrderID: 'lw-3' }), processedRow({ pkOrderID: 'lw-x' }));

    const report = await run(w, true);

    expect(report.counts).toMatchObject({ 'processed.shipped': 1, 'processed.failed': 1 });
    expect((await fetchOrder(w, order.id)).shippingInfo?.deliveries ?? []).toHaveLength(0);
    expect(await w.store.get('lw-fulfillment-cursors', 'processed')).toBeUndefined();
    expect((await w.failures.list({})).total).toBe(0);
  });

  it('when an order was cancelled in Linnworks, then the commercetools order is cancelled and marked as a Linnworks cancellation; one commercetools sent is not echoed', async () => {
    const w = await world();
    const mine = await importOrder(w.api, w.shippingMethodId, 'ORD-4', [{ sku: 'A', quantity: 1 }]);
    const echoed = await importOrder(w.api, w.shippingMethodId, 'ORD-5', [
      { sku: 'A', quantity: 1 },
    ]);
    await linkOrder(w, mine, 'lw-4');
    await linkOrder(w, echoed, 'lw-5', {
      cancellation: { source: 'commercetools', at: '2026-01-01T09:00:00.000Z' },
    });
    const cancelledAt = { dCancelledOn: '2026-01-01T11:00:00.000Z', HoldOrCancel: true };
    w.lw.processed.push(
      processedRow({ pkOrderID: 'lw-4', ...cancelledAt }),
      processedRow({ pkOrderID: 'lw-5', ...cancelledAt }),
    );

    const report = await run(w);

    expect(report.counts).toMatchObject({ 'cancelled.updated': 1, 'cancelled.echoSkipped': 1 });
    expect(report.counts['processed.shipped']).toBeUndefined();
    expect((await fetchOrder(w, mine.id)).orderState).toBe('Cancelled');
    expect((await fetchOrder(w, echoed.id)).orderState).toBe('Open');
    const state = await w.store.get<OrderState>(ORDER_STATE_CONTAINER, mine.id);
    expect(state?.value.cancellation?.source).toBe('linnworks');
  });

  it('when Linnworks refunds a line, then it is money only until the goods come back: then the order gets one return item however often both are seen', async () => {
    const w = await world();
    const order = await importOrder(w.api, w.shippingMethodId, 'ORD-6', [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
    ]);
    await linkOrder(w, order, 'lw-6');
    const row = processedRow({ pkOrderID: 'lw-6' });
    w.lw.details.set('lw-6', detailsFrom(row));
    w.lw.refundRows.push({
      historyType: 'REFUNDS',
      pkOrderID: 'lw-6',
      nOrderId: 1,
      ReferenceNum: '',
      ExternalReference: '',
      Source: 'COMMERCETOOLS',
      SubSource: 'web',
      ItemNumber: '',
      pkRefundRowId: 'rr-1',
      RefundReference: '',
      Amount: 5,
      RefundStatus: 'PROCESSED',
      CreateDate: null,
      ActionDate: null,
      pkReturnId: 0,
      RowType: '',
      ReturnQty: 0,
      ReturnDate: null,
      CancellationQuantity: 0,
    });
    w.lw.refunds.set('lw-6', [
      {
        RefundHeaderId: 7,
        OrderId: 'lw-6',
        NumOrderId: 1,
        Amount: 5,
        Currency: 'EUR',
        Status: 'PROCESSED',
        ChannelInitiated: false,
        CreatedDate: null,
        Actioned: true,
        LastActionDate: null,
        ExternalReference: '',
        RefundLines: [
          {
            RefundRowId: 'rr-1',
            RefundHeaderId: 7,
            RefundedUnit: 'Item',
            IsShippingRefund: false,
            IsAdditionalRefund: false,
            IsCancellation: false,
            Amount: 5,
            Quantity: 1,
            RefundedItem: {
              OrderItemRowId: 'row-b',
              ItemSKU: 'B',
              ChannelSKU: 'B',
              CancelledQuantity: 0,
            },
            ReasonTag: '',
            FreeTextOrNote: '',
            ExternalReference: '',
            ChannelInitiated: false,
            Actioned: true,
            ActionedDate: '2026-01-01T11:00:00.000Z',
            Deleted: false,
            RefundValidationError: 'None',
            ValidationError: '',
          },
          {
            RefundRowId: 'rr-ship',
            RefundHeaderId: 7,
            RefundedUnit: 'Shipping',
            IsShippingRefund: true,
            IsAdditionalRefund: false,
            IsCancellation: false,
            Amount: 1,
            Quantity: 0,
            RefundedItem: null,
            ReasonTag: '',
            FreeTextOrNote: '',
            ExternalReference: '',
            ChannelInitiated: false,
            Actioned: true,
            ActionedDate: null,
            Deleted: false,
            RefundValidationError: 'None',
            ValidationError: '',
          },
        ],
      },
    ]);

    await run(w);
    // A refund without goods back is a refund, not a return.
    const refundedOnly = await fetchOrder(w, order.id);
    expect((refundedOnly.returnInfo ?? []).flatMap((r) => r.items)).toEqual([]);
    expect(refundedOnly.paymentState).toBe('CreditOwed');

    w.lw.returns.set('lw-6', [
      {
        pkReturnId: 31,
        RowType: 'RETURNREFUND',
        ReturnReference: 'RT-1',
        fkOrderId: 'lw-6',
        fkOrderItemRowId: 'row-b',
        nOrderId: 1,
        SKU: 'B',
        ReturnQty: 1,
        Reason: '',
        Category: '',
        Completed: true,
        fkRefundRowId: 'rr-1',
        RefundedAmount: 5,
        ReturnDate: '2026-01-01T12:10:00.000Z',
      },
    ]);
    w.clock.now = new Date('2026-01-01T12:30:00.000Z');
    await run(w);
    w.clock.now = new Date('2026-01-01T12:40:00.000Z');
    await run(w);

    // The headers came without lines (as Linnworks sends them); the lines were read by header.
    expect(w.lw.calls.getRefundLinesByHeaderId).toBeGreaterThan(0);
    const after = await fetchOrder(w, order.id);
    const items = (after.returnInfo ?? []).flatMap((r) => r.items);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      key: 'lw-rt-31',
      quantity: 1,
      shipmentState: 'Returned',
      paymentState: 'Refunded',
      lineItemId: order.lineItems[1]?.id,
    });
    expect(after.paymentState).toBe('CreditOwed');
  });

  it('when the refunds feed breaks, then shipments still sync, the later feeds run, and the run is partial with the refunds feed named and queued', async () => {
    const w = await world();
    const order = await importOrder(w.api, w.shippingMethodId, 'ORD-F', [
      { sku: 'A', quantity: 1 },
    ]);
    await linkOrder(w, order, 'lw-f');
    w.lw.processed.push(processedRow({ pkOrderID: 'lw-f', ReferenceNum: 'ORD-F' }));
    w.lw.searchReturnsRefunds = () =>
      Promise.reject(
        new PermanentUpstreamError(
          'LINNWORKS_UNEXPECTED_RESPONSE',
          'Data.0.RefundStatus: unknown PostSaleStatusType value 9',
        ),
      );

    const report = await run(w);

    expect((await fetchOrder(w, order.id)).shipmentState).toBe('Shipped');
    expect(report).toMatchObject({
      status: 'partial',
      reason: 'feed-failed',
      problems: ['refunds feed failed (LINNWORKS_UNEXPECTED_RESPONSE)'],
      feeds: {
        processed: { status: 'done' },
        cancelled: { status: 'done' },
        refunds: { status: 'failed', error: { code: 'LINNWORKS_UNEXPECTED_RESPONSE' } },
        tracking: { status: 'done' },
        progress: { status: 'done' },
        lifecycle: { status: 'done' },
      },
    });
    const cursors = new CursorRepo(w.store);
    // Progress ran after refunds (its sweep finished: the shipped order's record left `created`).
    expect((await cursors.get('progress'))?.at).toEqual(expect.any(String));
    expect((await cursors.get('processed'))?.at).toEqual(expect.any(String));
    expect(await cursors.get('refunds')).toBeUndefined();
    const queued = (await w.failures.list({ flow: 'fulfillment-sync' })).items;
    expect(queued).toEqual([
      expect.objectContaining({
        reasonCode: 'LINNWORKS_UNEXPECTED_RESPONSE',
        ref: { type: 'linnworks-feed', id: 'refunds', feed: 'refunds' },
      }),
    ]);
    const replay = await createFulfillmentSyncReplayer(w.deps)(queued[0]!, { dryRun: false });
    expect(replay.outcome).toBe('skipped');

    w.lw.searchReturnsRefunds = FakeLinnworks.prototype.searchReturnsRefunds.bind(w.lw);
    const next = await run(w);
    expect(next.status).toBe('completed');
    expect(next).not.toHaveProperty('problems');
    expect((await w.failures.list({ flow: 'fulfillment-sync', status: 'pending' })).total).toBe(0);
  });

  it('when an order shipped without tracking, then the tracking Linnworks adds later reaches the delivery within the window', async () => {
    const w = await world();
    const order = await importOrder(w.api, w.shippingMethodId, 'ORD-7', [
      { sku: 'A', quantity: 1 },
    ]);
    await linkOrder(w, order, 'lw-7');
    const row = processedRow({ pkOrderID: 'lw-7', PostalTrackingNumber: '' });
    w.lw.processed.push(row);
    w.lw.details.set('lw-7', detailsFrom(row));

    const first = await run(w);
    w.lw.details.set('lw-7', detailsFrom({ ...row, PostalTrackingNumber: 'LATE1' }));
    w.clock.now = new Date('2026-01-01T13:00:00.000Z');
    const second = await run(w);
    const third = await run(w);

    expect(first.counts['processed.awaitingTracking']).toBe(1);
    expect(second.counts['tracking.updated']).toBe(1);
    expect(third.counts['tracking.updated']).toBeUndefined();
    const parcels = (await fetchOrder(w, order.id)).shippingInfo?.deliveries?.[0]?.parcels ?? [];
    expect(parcels.map((p) => [p.key, p.trackingData?.trackingId])).toEqual([
      ['lw-lw-7-1', 'LATE1'],
    ]);
  });

  it('when another run holds the lock, then the run is skipped and writes nothing', async () => {
    const w = await world();
    await new LeaseLock(w.store, () => w.clock.now).acquire('fulfillment-sync', 600_000, 'other');
    w.lw.processed.push(processedRow({ pkOrderID: 'lw-8' }));

    const report = await run(w);

    expect(report).toMatchObject({ status: 'skipped', reason: 'lock-held' });
    expect(w.lw.calls.searchProcessedOrders).toBeUndefined();
  });

  it('when the time budget runs out after a page, then the run is partial and the next run resumes from the saved cursor', async () => {
    const w = await world();
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.parse('2026-01-01T10:00:00.000Z') + i * 1000).toISOString();
      w.lw.processed.push(processedRow({ pkOrderID: `lw-b${i}`, dProcessedOn: at }));
    }
    // Each Linnworks page takes 61 s of the 60 s budget.
    const search = w.lw.searchProcessedOrders.bind(w.lw);
    const froms: string[] = [];
    w.lw.searchProcessedOrders = async (args) => {
      froms.push(new Date(args.from).toISOString());
      w.clock.now = new Date(w.clock.now.getTime() + 61_000);

      return search(args);
    };

    const report = await run(w);

    expect(report).toMatchObject({ status: 'partial', reason: 'time-budget' });
    expect(report.counts['processed.seen']).toBe(20);
    const cursor = await w.store.get<{ at: string }>('lw-fulfillment-cursors', 'processed');
    expect(cursor?.value.at).toBe('2026-01-01T10:00:19.000Z');
    await run(w);
    // The next run starts at the cursor less the 10-minute overlap.
    expect(froms.at(-1)).toBe('2026-01-01T09:50:19.000Z');
  });
});
