import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  type Alert,
  type AlertSettings,
  createConnectorAlerts,
  FailureQueue,
  SIGNATURE_HEADER,
  webhookDelivery,
} from '../../src/index';
import { captureLogger, InMemoryStateStore } from '../../testing';

const SETTINGS: AlertSettings = {
  webhookUrl: 'http://alerts.invalid/hook',
  format: 'json',
  secret: 'a-secret-of-sixteen+',
  minIntervalMs: 60 * 60_000,
  failureQueueThreshold: 100,
  jobLateMs: 30 * 60_000,
  deployment: 'shop-prod',
  adminUrl: 'https://admin.example.test',
};

function world(settings: Partial<AlertSettings> = {}) {
  let now = new Date('2026-11-30T08:00:00.000Z');
  const store = new InMemoryStateStore();
  const sent: Alert[] = [];
  const alerts = createConnectorAlerts(
    {
      ct: undefined as never,
      logger: captureLogger().logger,
      store,
      now: () => now,
      deliver: async (alert) => {
        sent.push(alert);
      },
    },
    { ...SETTINGS, ...settings },
  );
  const queue = new FailureQueue(store, () => now, alerts.failures);
  const fail = (id: string, reasonCode = 'SKU_UNKNOWN', correlationId = `corr-${id}`) =>
    queue.record({
      flow: 'order-sync',
      reasonCode,
      message: 'SKU of line item l1 is unknown to Linnworks',
      retryable: false,
      ref: { type: 'order', id },
      correlationId,
    });

  return {
    store,
    sent,
    alerts,
    queue,
    fail,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('alerts on failures', () => {
  it('when 50 orders fail for the same reason at once, then one alert goes out, naming the reason, the count so far and the link', async () => {
    const w = world();
    await Promise.all(Array.from({ length: 50 }, (_, i) => w.fail(`order-${i}`)));
    await w.alerts.settled();
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]).toMatchObject({
      status: 'firing',
      kind: 'failure-reason',
      condition: 'failure-reason.order-sync.SKU_UNKNOWN',
      deployment: 'shop-prod',
      flow: 'order-sync',
      reasonCode: 'SKU_UNKNOWN',
      link: {
        route: '/service/failures?flow=order-sync&reasonCode=SKU_UNKNOWN&status=pending',
        url: 'https://admin.example.test/service/failures?flow=order-sync&reasonCode=SKU_UNKNOWN&status=pending',
      },
    });
    expect(w.sent[0]!.count).toBeGreaterThanOrEqual(1);
    expect(w.sent[0]!.correlationIds[0]).toMatch(/^corr-order-/);
  });

  it('when the interval passes and more failed, then one reminder per interval with the new count; without change, none', async () => {
    const w = world();
    await w.fail('a');
    await w.alerts.settled();
    w.advance(61 * 60_000);
    await w.fail('b');
    await w.alerts.settled();
    await w.fail('c');
    await w.alerts.settled();
    expect(w.sent.map((a) => [a.status, a.count])).toEqual([
      ['firing', 1],
      ['reminder', 2],
    ]);
    w.advance(61 * 60_000);
    await w.alerts.sweep();
    w.advance(61 * 60_000);
    await w.alerts.sweep();
    expect(w.sent.map((a) => [a.status, a.count])).toEqual([
      ['firing', 1],
      ['reminder', 2],
      ['reminder', 3],
    ]);
  });

  it('when the last pending failure of a reason is resolved, then one resolved message; another reason keeps firing', async () => {
    const w = world();
    await w.fail('a');
    await w.fail('b', 'ADDRESS_POSTCODE_MISSING');
    await w.alerts.settled();
    await w.queue.resolveFor('order-sync', { type: 'order', id: 'a' }, 'synced later');
    await w.alerts.settled();
    expect(w.sent.map((a) => `${a.status} ${a.reasonCode}`)).toEqual([
      'firing SKU_UNKNOWN',
      'firing ADDRESS_POSTCODE_MISSING',
      'resolved SKU_UNKNOWN',
    ]);
    await w.queue.resolveFor('order-sync', { type: 'order', id: 'a' }, 'again');
    await w.alerts.settled();
    expect(w.sent).toHaveLength(3);
  });

  it('when the queue grows past the threshold, then the depth alert fires once and resolves after discards', async () => {
    const w = world({ failureQueueThreshold: 3 });
    for (const id of ['a', 'b', 'c', 'd']) await w.fail(id);
    await w.alerts.sweep();
    expect(w.sent.filter((a) => a.kind === 'failure-queue-depth')).toEqual([
      expect.objectContaining({ status: 'firing', count: 4 }),
    ]);
    await w.queue.discard('order-sync.order.a', 'settled by hand', 'client:ops');
    await w.alerts.settled();
    expect(w.sent.filter((a) => a.kind === 'failure-queue-depth')).toHaveLength(2);
    expect(w.sent.at(-1)).toMatchObject({ kind: 'failure-queue-depth', status: 'resolved' });
  });

  it('when the webhook fails, then the sync still succeeds and the next failure tries the alert again', async () => {
    const w = world();
    let down = true;
    const delivered: Alert[] = [];
    const alerts = createConnectorAlerts(
      {
        ct: undefined as never,
        logger: captureLogger().logger,
        store: w.store,
        deliver: async (alert) => {
          if (down) throw new Error('webhook down');
          delivered.push(alert);
        },
      },
      SETTINGS,
    );
    const queue = new FailureQueue(w.store, undefined, alerts.failures);
    const ref = (id: string) => ({ type: 'order', id });
    const base = { flow: 'order-sync', reasonCode: 'X', message: 'm', retryable: false };
    await expect(queue.record({ ...base, ref: ref('1') })).resolves.toMatchObject({
      status: 'pending',
    });
    await alerts.settled();
    down = false;
    await queue.record({ ...base, ref: ref('2') });
    await alerts.settled();
    expect(delivered.map((a) => a.status)).toEqual(['firing']);
  });
});

describe('the alert webhook', () => {
  it('when a JSON alert is sent with a secret, then the receiver can verify X-Connector-Signature over the body, after a 503 and a 429 are retried', async () => {
    const received: Array<{ body: string; signature: string | undefined }> = [];
    let calls = 0;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls += 1;
        if (calls === 1) return void res.writeHead(503).end();
        if (calls === 2) return void res.writeHead(429, { 'Retry-After': '0' }).end();
        received.push({ body, signature: req.headers['x-connector-signature'] as string });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const deliver = webhookDelivery(
        { ...SETTINGS, webhookUrl: url },
        { retry: { sleep: async () => undefined } },
      );
      const alert = { schema: 'ct-linnworks-connector.alert/1', id: 'x@1', title: 't' } as Alert;
      await deliver(alert);
    } finally {
      server.close();
    }
    expect(calls).toBe(3);
    const [{ body, signature }] = received as [{ body: string; signature: string }];
    const expected = createHmac('sha256', SETTINGS.secret!).update(body).digest('hex');
    expect(SIGNATURE_HEADER.toLowerCase()).toBe('x-connector-signature');
    expect(signature).toBe(`sha256=${expected}`);
    expect(JSON.parse(body)).toMatchObject({ id: 'x@1' });
  });

  it('when the webhook refuses with 400, then it is not retried', async () => {
    let calls = 0;
    const deliver = webhookDelivery(SETTINGS, {
      retry: { sleep: async () => undefined },
      fetch: (async () => {
        calls += 1;

        return new Response('bad', { status: 400 });
      }) as typeof fetch,
    });
    await expect(deliver({ title: 't' } as Alert)).rejects.toMatchObject({
      code: 'ALERT_WEBHOOK_REFUSED',
    });
    expect(calls).toBe(1);
  });
});
