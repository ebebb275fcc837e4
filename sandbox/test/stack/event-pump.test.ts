import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { type CtApi, parseDelivery } from 'shared';
import { ctTestApi, ctTestConfig } from 'shared/testing';

import { seedCommercetools } from '../../src/seed/ct-seed';
import { EventPump } from '../../src/stack/event-pump';

interface Received {
  type: string | undefined;
  orderId: string;
  messageId: string | undefined;
}

/** A stand-in order-sync: records deliveries; answers 503 to the first `failFirst` of them. */
async function fakeOrderSync(failFirst = 0) {
  const received: Received[] = [];
  let calls = 0;
  const app = express();
  app.use(express.json());
  app.post('/event', (req, res) => {
    calls += 1;
    const { notification, messageId } = parseDelivery(req.body);
    received.push({ type: notification.type, orderId: notification.resource.id, messageId });
    res.status(calls <= failFirst ? 503 : 200).json({ outcome: 'processed' });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/event`;

  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function importOrder(api: CtApi, orderNumber: string) {
  const money = { currencyCode: 'GBP', centAmount: 1299 };

  return (
    await api
      .orders()
      .importOrder()
      .post({
        body: {
          orderNumber,
          totalPrice: money,
          lineItems: [
            {
              variant: { sku: 'MUG-ENM-BLU' },
              name: { en: 'Mug' },
              price: { value: money },
              quantity: 1,
            },
          ],
        },
      })
      .execute()
  ).body;
}

describe('EventPump against the commercetools test server', () => {
  const config = ctTestConfig();
  const api = ctTestApi(config);

  beforeAll(async () => {
    await seedCommercetools(api);
  }, 60_000);

  it('when orders are created and one changes state, then order-sync gets one OrderCreated each and one OrderStateChanged, as Pub/Sub pushes', async () => {
    const target = await fakeOrderSync();
    const pump = new EventPump({ api, projectKey: config.projectKey, targets: () => [target.url] });
    try {
      const a = await importOrder(api, 'EP-1');
      const b = await importOrder(api, 'EP-2');
      expect(await pump.poll()).toBe(2);
      await api
        .orders()
        .withId({ ID: a.id })
        .post({
          body: {
            version: a.version,
            actions: [{ action: 'changeOrderState', orderState: 'Cancelled' }],
          },
        })
        .execute();

      expect(await pump.poll()).toBe(1);
      expect(await pump.poll()).toBe(0);
      expect(target.received.map((r) => [r.type, r.orderId])).toEqual([
        ['OrderCreated', a.id],
        ['OrderCreated', b.id],
        ['OrderStateChanged', a.id],
      ]);
    } finally {
      await target.close();
    }
  });

  it('when order-sync answers 503, then the same message (same messageId) is redelivered until acknowledged', async () => {
    const target = await fakeOrderSync(2);
    const pump = new EventPump({
      api,
      projectKey: config.projectKey,
      targets: () => [target.url],
      since: new Date().toISOString(),
      backoffMs: 1,
    });
    try {
      await importOrder(api, 'EP-3');
      await pump.poll();

      expect(target.received).toHaveLength(3);
      expect(new Set(target.received.map((r) => r.messageId)).size).toBe(1);
      expect(pump.stats()).toMatchObject({
        messages: 1,
        deliveries: 3,
        redeliveries: 2,
        acked: 1,
        undelivered: 0,
      });
    } finally {
      await target.close();
    }
  });

  it('when duplicates are asked across two processes, then every copy reaches one of them round-robin', async () => {
    const first = await fakeOrderSync();
    const second = await fakeOrderSync();
    const pump = new EventPump({
      api,
      projectKey: config.projectKey,
      targets: () => [first.url, second.url],
      since: new Date().toISOString(),
      delivery: { duplicates: 1 },
    });
    try {
      const order = await importOrder(api, 'EP-4');
      await pump.poll();

      expect(first.received.map((r) => r.orderId)).toEqual([order.id]);
      expect(second.received.map((r) => r.orderId)).toEqual([order.id]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
