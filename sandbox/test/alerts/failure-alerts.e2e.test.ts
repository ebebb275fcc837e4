import type { Order } from '@commercetools/platform-sdk';
import { createApp } from 'order-sync';
import {
  type Alert,
  type ConnectorAlerts,
  createConnectorAlerts,
  createCtApi,
  createOrderSync,
  toAlertSettings,
} from 'shared';
import type { IntrospectionStandIn } from 'shared/testing';
import request from 'supertest';

import { startWebhookReceiver, type WebhookReceiver } from '../../src/alerts/webhook-receiver';
import {
  importOrder,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from '../order-sync/order-sync.harness';
import {
  buildSyncAdmin,
  ORDER_ENV,
  startIntrospection,
  type SyncAdminUnderTest,
  syncAdminEnv,
} from '../sync-admin/sync-admin-world';

const SECRET = 'sandbox-alert-secret-0f3b';
const FLOOD = 50;
const REPLAY_SHARES = {
  'order-sync': {
    'Orders/CreateOrders': 5,
    'Orders/GetOrderDetailsByReferenceId': 20,
    'Orders/GetOrdersById': 20,
  },
  'fulfillment-sync': { 'Orders/GetOrdersById': 60 },
  'sync-scheduler': { 'Orders/CreateOrders': 5, 'Orders/GetOrderDetailsByReferenceId': 20 },
  // Each replayed order is created and read back (GetOrdersById) once.
  'sync-admin': {
    'Orders/CreateOrders': 130,
    'Orders/GetOrderDetailsByReferenceId': 200,
    'Orders/GetOrdersById': 160,
  },
};

async function until<T>(what: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('alerts end to end (order-sync and sync-admin, webhook receiver, commercetools test server, Linnworks emulator)', () => {
  let world: OrderSyncWorld;
  let receiver: WebhookReceiver;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;
  let alerts: ConnectorAlerts;
  let app: ReturnType<typeof createApp>;
  const orders: Order[] = [];

  beforeAll(async () => {
    world = await startWorld();
    receiver = await startWebhookReceiver({ secret: SECRET });
    await seedSkus(world, ['GHOST-1'], []);
    const alertEnv = {
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_SECRET: SECRET,
      ALERT_DEPLOYMENT_NAME: 'sandbox-shop',
      ALERT_ADMIN_URL: 'https://sync-admin.example.test',
    };
    const settings = toAlertSettings({
      CTP_PROJECT_KEY: world.ctConfig.projectKey,
      ALERT_WEBHOOK_FORMAT: 'json',
      ALERT_MIN_INTERVAL_MINUTES: 60,
      ALERT_FAILURE_QUEUE_THRESHOLD: 1000,
      ALERT_JOB_LATE_MINUTES: 30,
      ...alertEnv,
    });
    // order-sync's event app as its wiring builds it, with alerts on.
    const ct = createCtApi(world.config.ct, { maxRetries: 0 });
    alerts = createConnectorAlerts({ ct, logger: world.logs.logger }, settings);
    const orderSync = createOrderSync(
      { ct, linnworks: world.linnworks, logger: world.logs.logger, alerts },
      world.config.settings,
    );
    app = createApp({
      logger: world.logs.logger,
      handleMessage: orderSync.handle,
      failures: orderSync.failures,
    });
    for (let i = 0; i < FLOOD; i++) {
      orders.push(
        await importOrder(world, {
          orderNumber: `ALERT-${1000 + i}`,
          lines: [{ sku: 'GHOST-1', quantity: 1, unitCents: 1500 }],
        }),
      );
    }
    idp = await startIntrospection(world.ctConfig);
    admin = buildSyncAdmin(
      syncAdminEnv(world.ctConfig, world.emulator, {
        ...ORDER_ENV,
        ...alertEnv,
        // The replay of all 50 orders runs within this test's time: the operator's override moves
        // the tenant's CreateOrders and lookup budget to sync-admin (sums stay within the limits).
        LINNWORKS_RATE_SHARES: JSON.stringify(REPLAY_SHARES),
      }),
      idp,
    );
  }, 120_000);
  afterAll(async () => {
    await idp.close();
    await receiver.close();
    await world.close();
  });

  it(`when ${FLOOD} orders fail for the same new reason, then exactly one signed alert arrives, with ids and counts but no personal data`, async () => {
    for (let i = 0; i < FLOOD; i += 10) {
      const batch = orders.slice(i, i + 10);
      const answers = await Promise.all(
        batch.map((o) => request(app).post('/event').send(orderMessage(o))),
      );
      expect(answers.map((a) => a.body.outcome)).toEqual(batch.map(() => 'rejected'));
    }
    await alerts.settled();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.signature).toBe('valid');
    const [alert] = receiver.alerts() as [Alert];
    expect(alert).toMatchObject({
      schema: 'ct-linnworks-connector.alert/1',
      status: 'firing',
      kind: 'failure-reason',
      deployment: 'sandbox-shop',
      flow: 'order-sync',
      reasonCode: 'SKU_UNKNOWN',
      link: {
        url: 'https://sync-admin.example.test/service/failures?flow=order-sync&reasonCode=SKU_UNKNOWN&status=pending',
      },
    });
    expect(alert.count).toBeGreaterThanOrEqual(1);
    expect(alert.correlationIds.length).toBeGreaterThan(0);
    const text = JSON.stringify(receiver.received);
    expect(text).not.toMatch(/Mustermann|erika@example\.com|Heidestr|GHOST-1|sandbox-alert-secret/);
  });

  it('when the SKU reaches Linnworks and the operator replays the reason, then one "resolved" message follows', async () => {
    world.emulator.control.seedItems([{ sku: 'GHOST-1', stock: { Default: 500 } }]);
    const replayed = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ flow: 'order-sync', reasonCode: 'SKU_UNKNOWN', limit: 200 });
    expect(replayed.status).toBe(200);
    expect(replayed.body.counts).toEqual({ resolved: FLOOD });
    const resolved = await until(() => receiver.alerts().find((a) => a.status === 'resolved'));
    expect(resolved).toMatchObject({
      condition: 'failure-reason.order-sync.SKU_UNKNOWN',
      count: 0,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.alerts().map((a) => a.status)).toEqual(['firing', 'resolved']);
    expect(receiver.received.every((r) => r.signature === 'valid')).toBe(true);
  });
});
