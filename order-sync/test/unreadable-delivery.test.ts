import { FailureQueue, failureId, ORDER_SYNC_FLOW, RetryableUpstreamError } from 'shared';
import { captureLogger, InMemoryStateStore, toPubSubPush } from 'shared/testing';
import request from 'supertest';

import { createApp } from '../src/app';

const ORDER_ID = '5a7c1f0e-3b2d-4c8e-9f10-aa11bb22cc33';
const EMAIL = 'erika.mustermann@example.com';

/** An OrderCreated message carrying a customer's data, padded with `padding` bytes of note. */
function orderCreated(padding = 0) {
  return {
    notificationType: 'Message',
    projectKey: 'p',
    id: 'msg-1',
    version: 1,
    sequenceNumber: 1,
    resource: { typeId: 'order', id: ORDER_ID },
    resourceVersion: 1,
    type: 'OrderCreated',
    order: { id: ORDER_ID, customerEmail: EMAIL, note: 'x'.repeat(padding) },
  };
}

function world(options: { bodyLimitBytes?: number; record?: FailureQueue['record'] } = {}) {
  const logs = captureLogger();
  const failures = new FailureQueue(new InMemoryStateStore());
  let handled = 0;
  const app = createApp({
    logger: logs.logger,
    handleMessage: async () => {
      handled += 1;

      return 'processed';
    },
    failures: options.record ? { record: options.record } : failures,
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  const failureOfOrder = () =>
    failures.get(failureId(ORDER_SYNC_FLOW, { type: 'order', id: ORDER_ID }));

  return { app, logs, failureOfOrder, handled: () => handled };
}

const post = (app: ReturnType<typeof world>['app'], body: string) =>
  request(app).post('/event').set('content-type', 'application/json').send(body);

describe('POST /event with a body that can never be read', () => {
  it('when a Pub/Sub body is over the size limit, then it is acknowledged, logged without personal data, and its order gets a failure record', async () => {
    const w = world({ bodyLimitBytes: 64 * 1024 });
    const body = JSON.stringify(toPubSubPush(orderCreated(200 * 1024), 'pubsub-big'));
    const res = await post(w.app, body);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      outcome: 'rejected',
      reason: 'BODY_TOO_LARGE',
      orderId: ORDER_ID,
      failureRecorded: true,
    });
    expect(w.handled()).toBe(0);
    expect(await w.failureOfOrder()).toMatchObject({
      flow: ORDER_SYNC_FLOW,
      reasonCode: 'BODY_TOO_LARGE',
      status: 'pending',
      retryable: false,
      ref: { type: 'order', id: ORDER_ID },
    });
    const line = w.logs.lines().find((l) => l.message === 'unreadable delivery acknowledged');
    expect(line).toMatchObject({
      reasonCode: 'BODY_TOO_LARGE',
      bytes: Buffer.byteLength(body),
      ctOrderId: ORDER_ID,
      messageId: 'pubsub-big',
      failureRecorded: true,
    });
    expect(w.logs.text()).not.toContain(EMAIL);
  });

  it('when the default limit (5 MB) is passed, then the answer is still 202, not 413', async () => {
    const w = world();
    const res = await post(w.app, JSON.stringify(toPubSubPush(orderCreated(6 * 1024 * 1024), 'm')));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ reason: 'BODY_TOO_LARGE', orderId: ORDER_ID });
  });

  it('when an oversized raw payload (SNS, local runs) arrives, then its order is recorded too', async () => {
    const w = world({ bodyLimitBytes: 1024 });
    const res = await post(w.app, JSON.stringify(orderCreated(4096)));
    expect(res.body).toMatchObject({ reason: 'BODY_TOO_LARGE', orderId: ORDER_ID });
    expect(await w.failureOfOrder()).toMatchObject({ reasonCode: 'BODY_TOO_LARGE' });
  });

  it('when the body is cut off (not JSON) but the order id is readable, then it is acknowledged and the order recorded', async () => {
    const w = world();
    const whole = JSON.stringify(toPubSubPush(orderCreated(), 'm'));
    const res = await post(w.app, whole.slice(0, whole.length - 40));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ reason: 'BODY_NOT_JSON', orderId: ORDER_ID });
    expect(await w.failureOfOrder()).toMatchObject({ reasonCode: 'BODY_NOT_JSON' });
    expect(w.logs.text()).not.toContain(EMAIL);
  });

  it('when message.data is not base64 JSON, or the body is no envelope at all, then it is acknowledged; no order, no record', async () => {
    const w = world();
    const badBase64 = await post(w.app, JSON.stringify({ message: { data: '%%%not-base64%%%' } }));
    expect(badBase64.status).toBe(202);
    expect(badBase64.body).toMatchObject({ reason: 'ENVELOPE_INVALID' });
    expect(badBase64.body.orderId).toBeUndefined();
    const notJson = await post(w.app, 'hello');
    expect(notJson.body).toMatchObject({ reason: 'BODY_NOT_JSON' });
    const notAnEnvelope = await post(w.app, JSON.stringify({ hello: 'world' }));
    expect(notAnEnvelope.body).toMatchObject({ reason: 'PAYLOAD_INVALID' });
    expect(await w.failureOfOrder()).toBeUndefined();
    expect(w.handled()).toBe(0);
  });

  it('when the payload is not a commercetools message but names an order, then the order is recorded', async () => {
    const w = world();
    const { notificationType: _dropped, ...payload } = orderCreated();
    const res = await post(w.app, JSON.stringify(toPubSubPush(payload, 'm')));
    expect(res.body).toMatchObject({
      reason: 'PAYLOAD_INVALID',
      message: expect.stringContaining('notificationType'),
      orderId: ORDER_ID,
      failureRecorded: true,
    });
  });

  it('when the failure record cannot be written for a retryable reason, then 503 so Pub/Sub redelivers', async () => {
    const w = world({
      bodyLimitBytes: 1024,
      record: async () => {
        throw new RetryableUpstreamError('COMMERCETOOLS_UNAVAILABLE', 'commercetools answered 503');
      },
    });
    const res = await post(w.app, JSON.stringify(toPubSubPush(orderCreated(4096), 'm')));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ outcome: 'retry', reason: 'COMMERCETOOLS_UNAVAILABLE' });
  });
});
