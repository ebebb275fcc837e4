import type { Order } from '@commercetools/platform-sdk';
import { type LinnworksOrderDetails, OrderStateRepo } from 'shared';
import request from 'supertest';

import { createOrderSummary } from '../src/orders/order-summary';
import { failureQueueCheck } from '../src/status/status-checks';
import { testApp } from './support/test-app';

const ORDER_ID = 'ct-order-1';
const LW_ID = 'lw-order-1';

function failureInput(flow: string, ref: { type: string; id: string }, reasonCode: string) {
  return { flow, ref, reasonCode, message: `${reasonCode} happened`, retryable: false };
}

const ctOrder = {
  id: ORDER_ID,
  orderNumber: 'CT-1001',
  orderState: 'Open',
  shipmentState: 'Partial',
  state: { typeId: 'state', id: 's-1', obj: { key: 'lw-packed' } },
  shippingInfo: {
    deliveries: [
      { id: 'd-1', parcels: [{ id: 'p-1', trackingData: { trackingId: 'TRK-1' } }, { id: 'p-2' }] },
    ],
  },
} as unknown as Order;

const lwOrder = {
  OrderId: LW_ID,
  NumOrderId: 50123,
  Processed: false,
  GeneralInfo: {
    PickListPrinted: true,
    LabelPrinted: true,
    PartShipped: false,
    HoldOrCancel: false,
  },
} as unknown as LinnworksOrderDetails;

describe('POST /service/failures/:id/discard', () => {
  const id = `order-sync.order.${ORDER_ID}`;

  async function withPendingFailure() {
    const app = testApp();
    await app.failures.record(
      failureInput('order-sync', { type: 'order', id: ORDER_ID }, 'SKU_UNKNOWN'),
    );

    return app;
  }

  it('when a pending failure is discarded with a reason, then it is kept as discarded with who and why, and leaves the pending count', async () => {
    const app = await withPendingFailure();
    const res = await request(app.app)
      .post(`/service/failures/${id}/discard`)
      .send({ reason: 'customer cancelled; refunded by hand' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'discarded',
      resolution: 'customer cancelled; refunded by hand',
      resolvedBy: 'client:test-operator',
    });
    expect(res.body.resolvedAt).toEqual(expect.any(String));
    const pending = await request(app.app).get('/service/failures?status=pending');
    expect(pending.body.total).toBe(0);
    const kept = await request(app.app).get(`/service/failures/${id}`);
    expect(kept.body.status).toBe('discarded');
    await expect(failureQueueCheck(app.store)()).resolves.toMatchObject({
      status: 'UP',
      details: { pending: 0 },
    });
  });

  it.each([
    ['no reason', {}, 'reason: is required'],
    ['a blank reason', { reason: '  ' }, 'reason: must say why, in at least 3 characters'],
    [
      'a reason of 501 characters',
      { reason: 'x'.repeat(501) },
      'reason: must be at most 500 characters',
    ],
    ['an unknown field', { reason: 'ok then', extra: 1 }, 'body: unknown field(s): extra'],
  ])(
    'when the body has %s, then 400 names the field and the failure stays pending',
    async (_case, body, message) => {
      const app = await withPendingFailure();
      const res = await request(app.app).post(`/service/failures/${id}/discard`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
      expect((await app.failures.get(id))?.status).toBe('pending');
    },
  );

  it('when the failure does not exist, then 404', async () => {
    const res = await request(testApp().app)
      .post('/service/failures/order-sync.order.nope/discard')
      .send({ reason: 'will never succeed' });
    expect(res.status).toBe(404);
  });

  it('when the failure was already resolved, then 409 and it stays resolved', async () => {
    const app = await withPendingFailure();
    await app.failures.resolve(id, 'replayed');
    const res = await request(app.app)
      .post(`/service/failures/${id}/discard`)
      .send({ reason: 'will never succeed' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'NOT_PENDING', status: 'resolved' });
    expect((await app.failures.get(id))?.resolution).toBe('replayed');
  });

  it('when the same discard is sent twice, then the second answers the same record (no change)', async () => {
    const app = await withPendingFailure();
    const send = () =>
      request(app.app)
        .post(`/service/failures/${id}/discard`)
        .send({ reason: 'will never succeed' });
    const first = await send();
    const second = await send();
    expect(second.status).toBe(200);
    expect(second.body.resolvedAt).toBe(first.body.resolvedAt);
  });
});

describe('GET /service/orders/by-id/:ctOrderId', () => {
  it('when the order was created in Linnworks and has failures, then the summary gives Linnworks number, fulfilment and failures (pending first)', async () => {
    const app = testApp({ orders: [ctOrder], linnworks: { getOrdersById: async () => [lwOrder] } });
    await new OrderStateRepo(app.store).put({
      ctOrderId: ORDER_ID,
      orderNumber: 'CT-1001',
      linnworksOrderId: LW_ID,
      linnworksReference: 'CT-1001',
      status: 'created',
      paid: true,
      lastOrderVersion: 3,
      attempts: 2,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    await app.failures.record(
      failureInput('order-sync', { type: 'order', id: ORDER_ID }, 'SKU_UNKNOWN'),
    );
    await app.failures.resolve(`order-sync.order.${ORDER_ID}`, 'replayed');
    await app.failures.record(
      failureInput(
        'fulfillment-sync',
        { type: 'linnworks-tracking', id: LW_ID },
        'PARCEL_NOT_FOUND',
      ),
    );
    await app.failures.record(
      failureInput('order-sync', { type: 'order', id: 'another-order' }, 'SKU_UNKNOWN'),
    );

    const res = await request(app.app).get(`/service/orders/by-id/${ORDER_ID}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ctOrderId: ORDER_ID,
      orderNumber: 'CT-1001',
      sync: {
        status: 'created',
        linnworksOrderId: LW_ID,
        paid: true,
        attempts: 2,
        lastSyncAt: '2026-11-20T10:00:00.000Z',
      },
      linnworks: {
        orderNumber: 50123,
        processed: false,
        pickListPrinted: true,
        labelPrinted: true,
        partShipped: false,
        onHoldOrCancelled: false,
      },
      fulfilment: {
        orderState: 'Open',
        shipmentState: 'Partial',
        state: 'lw-packed',
        deliveries: 1,
        parcels: 2,
        trackingIds: ['TRK-1'],
      },
    });
    expect(
      res.body.failures.map((f: { reasonCode: string; status: string }) => [
        f.reasonCode,
        f.status,
      ]),
    ).toEqual([
      ['PARCEL_NOT_FOUND', 'pending'],
      ['SKU_UNKNOWN', 'resolved'],
    ]);
  });

  it('when commercetools has the order but the connector never synced it, then status is not-synced', async () => {
    const res = await request(testApp({ orders: [ctOrder] }).app).get(
      `/service/orders/by-id/${ORDER_ID}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.sync).toEqual({ status: 'not-synced' });
    expect(res.body.linnworks).toBeUndefined();
    expect(res.body.failures).toEqual([]);
  });

  it('when order-sync sent nothing because every unit was cancelled before export, then the summary says why', async () => {
    const app = testApp({ orders: [ctOrder] });
    await new OrderStateRepo(app.store).put({
      ctOrderId: ORDER_ID,
      linnworksReference: 'CT-1001',
      status: 'pending',
      paid: false,
      lastOrderVersion: 5,
      attempts: 1,
      updatedAt: '2026-11-20T10:00:00.000Z',
      notSent: { reason: 'all-units-cancelled', orderVersion: 5, at: '2026-11-20T10:00:00.000Z' },
    });

    const res = await request(app.app).get(`/service/orders/by-id/${ORDER_ID}`);

    expect(res.body.sync).toMatchObject({ status: 'pending', notSent: 'all-units-cancelled' });
    expect(res.body.linnworks).toBeUndefined();
  });

  it('when neither commercetools nor the connector knows the order, then 404', async () => {
    const res = await request(testApp().app).get('/service/orders/by-id/unknown-order');
    expect(res.status).toBe(404);
  });

  it('when the id is not an order id, then 400 names it', async () => {
    const res = await request(testApp().app).get('/service/orders/by-id/a%20b');
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('ctOrderId');
  });

  it.each([
    [
      'Linnworks fails',
      () => Promise.reject(Object.assign(new Error('x'), { code: 'LINNWORKS_UNAVAILABLE' })),
      'Linnworks could not be asked (LINNWORKS_UNAVAILABLE)',
    ],
    [
      'Linnworks does not answer in time',
      () => new Promise<never>(() => undefined),
      'Linnworks did not answer in time',
    ],
    ['Linnworks no longer has the order', async () => [], 'Linnworks no longer has this order'],
  ])(
    'when %s, then the rest of the summary is still given',
    async (_case, getOrdersById, unavailable) => {
      const store = testApp().store;
      await new OrderStateRepo(store).put({
        ctOrderId: ORDER_ID,
        linnworksOrderId: LW_ID,
        linnworksReference: 'CT-1001',
        status: 'created',
        paid: true,
        lastOrderVersion: 1,
        attempts: 1,
        updatedAt: '2026-11-20T10:00:00.000Z',
      });
      const summary = createOrderSummary({
        states: new OrderStateRepo(store),
        failures: { get: async () => undefined },
        getOrder: async () => ctOrder,
        linnworks: { getOrdersById: getOrdersById as never },
        linnworksTimeoutMs: 50,
      });
      const found = await summary(ORDER_ID);
      expect(found?.linnworks).toEqual({ unavailable });
      expect(found?.sync.status).toBe('created');
      expect(found?.fulfilment?.state).toBe('lw-packed');
    },
  );
});
