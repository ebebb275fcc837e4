import { RetryableUpstreamError } from 'shared';
import { captureLogger, toPubSubPush } from 'shared/testing';
import request from 'supertest';

import { createApp, type MessageOutcome } from '../src/app';

const orderCreated = {
  notificationType: 'Message',
  projectKey: 'p',
  id: 'msg-1',
  version: 1,
  sequenceNumber: 1,
  resource: { typeId: 'order', id: 'order-1' },
  resourceVersion: 1,
  type: 'OrderCreated',
};

function appWith(handle: (type: string | undefined) => Promise<MessageOutcome>) {
  const seen: Array<{ type: string | undefined; messageId: string | undefined }> = [];
  const app = createApp({
    logger: captureLogger().logger,
    handleMessage: async (n, messageId) => {
      seen.push({ type: n.type, messageId });

      return handle(n.type);
    },
  });

  return { app, seen };
}

describe('POST /event', () => {
  it('when a Pub/Sub push arrives, then the decoded message reaches the handler and is acknowledged', async () => {
    const { app, seen } = appWith(async () => 'processed');
    const res = await request(app).post('/event').send(toPubSubPush(orderCreated, 'pubsub-1'));
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ type: 'OrderCreated', messageId: 'pubsub-1' }]);
  });

  it('when the raw commercetools payload arrives (SNS, local runs), then it is handled the same way', async () => {
    const { app, seen } = appWith(async () => 'skipped');
    const res = await request(app).post('/event').send(orderCreated);
    expect(res.status).toBe(202);
    expect(seen).toHaveLength(1);
  });

  it('when the subscription test notification arrives, then it is acknowledged without calling the handler', async () => {
    const { app, seen } = appWith(async () => 'processed');
    const test = {
      notificationType: 'ResourceCreated',
      projectKey: 'p',
      resource: { typeId: 'subscription', id: 's' },
      version: 1,
    };
    const res = await request(app).post('/event').send(toPubSubPush(test, 'm'));
    expect(res.status).toBe(202);
    expect(seen).toHaveLength(0);
  });

  it('when the envelope is malformed, then it is acknowledged (never redelivered forever) with a reason naming the field', async () => {
    const { app, seen } = appWith(async () => 'processed');
    const res = await request(app)
      .post('/event')
      .send({ message: { data: 42 } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ outcome: 'rejected', reason: 'ENVELOPE_INVALID' });
    expect(res.body.message).toContain('message.data');
    expect(seen).toHaveLength(0);
    const notJson = await request(app)
      .post('/event')
      .send({ message: { data: Buffer.from('nope').toString('base64') } });
    expect(notJson.body).toMatchObject({ outcome: 'rejected', reason: 'ENVELOPE_INVALID' });
  });

  it('when the handler fails with a retryable error, then the answer is 503 so Pub/Sub redelivers', async () => {
    const { app } = appWith(async () => {
      throw new RetryableUpstreamError('LINNWORKS_UNAVAILABLE', 'busy');
    });
    const res = await request(app).post('/event').send(toPubSubPush(orderCreated, 'm'));
    expect(res.status).toBe(503);
  });

  it('when the handler fails unexpectedly, then the message is acknowledged to avoid a redelivery loop', async () => {
    const { app } = appWith(async () => {
      throw new Error('bug');
    });
    const res = await request(app).post('/event').send(toPubSubPush(orderCreated, 'm'));
    expect(res.status).toBe(202);
    expect(res.body.outcome).toBe('rejected');
  });

  it('when handling outlasts the deadline, then the answer is 503 in time so Pub/Sub redelivers', async () => {
    const app = createApp({
      logger: captureLogger().logger,
      deadlineMs: 50,
      handleMessage: () => new Promise((resolve) => setTimeout(() => resolve('processed'), 500)),
    });
    const res = await request(app).post('/event').send(toPubSubPush(orderCreated, 'm'));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ outcome: 'retry', reason: 'DEADLINE_EXCEEDED' });
  });

  it('when a caller sends a correlation ID, then the response echoes it', async () => {
    const { app } = appWith(async () => 'ignored');
    const res = await request(app)
      .post('/event')
      .set('x-correlation-id', 'abc-123')
      .send(orderCreated);
    expect(res.headers['x-correlation-id']).toBe('abc-123');
  });
});
