import type { Order } from '@commercetools/platform-sdk';
import {
  type Alert,
  createConnectorAlerts,
  createCtApi,
  createReconcileTask,
  type ReconcileTask,
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
} from './sync-admin-world';

/** Linnworks level and commercetools quantity per SKU, at the one mapped channel. */
const STOCK = [
  { sku: 'SCH-A', lw: 10, ct: 10 },
  { sku: 'SCH-B', lw: 12, ct: 20 },
];

async function seedStock(world: OrderSyncWorld): Promise<Record<string, string>> {
  world.emulator.control.seedItems(STOCK.map(({ sku, lw }) => ({ sku, stock: { Default: lw } })));
  const channel = await world.api
    .channels()
    .post({ body: { key: 'wh-sched', roles: ['InventorySupply'] } })
    .execute();
  const ids: Record<string, string> = {};
  for (const { sku, ct } of STOCK) {
    const entry = await world.api
      .inventory()
      .post({
        body: {
          sku,
          quantityOnStock: ct,
          supplyChannel: { typeId: 'channel', id: channel.body.id },
        },
      })
      .execute();
    ids[sku] = entry.body.id;
  }

  return ids;
}

describe('scheduled reconciliation (the reconcile task, sync-admin, webhook receiver, test server, emulator)', () => {
  let world: OrderSyncWorld;
  let receiver: WebhookReceiver;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;
  let task: ReconcileTask;
  let inventory: Record<string, string>;
  let missing: Order;
  const latest = (format?: 'csv') =>
    request(admin.app)
      .get('/service/reconcile/latest')
      .query(format ? { format } : {})
      .set('Authorization', admin.bearer);

  beforeAll(async () => {
    world = await startWorld();
    receiver = await startWebhookReceiver({ secret: 'scheduled-reconcile-secret' });
    await seedSkus(world, ['SCH-A'], []);
    inventory = await seedStock(world);
    const synced = await importOrder(world, {
      orderNumber: 'SCH-1',
      lines: [{ sku: 'SCH-A', quantity: 1, unitCents: 1000 }],
    });
    await request(world.app).post('/event').send(orderMessage(synced)).expect(200);
    missing = await importOrder(world, {
      orderNumber: 'SCH-2',
      lines: [{ sku: 'SCH-A', quantity: 1, unitCents: 2000 }],
    });
    idp = await startIntrospection(world.ctConfig);
    admin = buildSyncAdmin(
      syncAdminEnv(world.ctConfig, world.emulator, {
        ...ORDER_ENV,
        STOCK_LOCATION_MAPPING: JSON.stringify({
          locations: [{ location: 'Default', channel: 'wh-sched', quantity: 'onHand' }],
        }),
        ALERT_WEBHOOK_URL: receiver.url,
        ALERT_WEBHOOK_SECRET: 'scheduled-reconcile-secret',
        RECONCILE_ORDER_LOOKBACK_HOURS: '1',
      }),
      idp,
    );
    const ct = createCtApi(world.config.ct, { maxRetries: 0 });
    const logger = world.logs.logger;
    task = createReconcileTask(
      {
        ct,
        linnworks: world.linnworks,
        logger,
        alerts: createConnectorAlerts({ ct, logger }, admin.config.alerts),
      },
      { ...admin.config.reconcile, stockSync: admin.config.stockSync },
    );
  });
  afterAll(async () => {
    await idp.close();
    await receiver.close();
    await world.close();
  });

  it('when nothing ran yet, then /reconcile/latest says so', async () => {
    expect((await latest()).status).toBe(404);
    expect(task).toMatchObject({ name: 'reconcile', everyMinutes: 1440 });
  });

  it('when the task runs over seeded drift, then it stores the report (JSON and CSV) and one signed drift alert arrives', async () => {
    const report = await task.run();
    expect(report).toMatchObject({
      status: 'completed',
      drift: 2,
      orders: { checked: 2, counts: { 'missing-in-linnworks': 1 } },
      stock: { checkedSkus: 2, counts: { 'quantity-differs': 1 } },
    });
    const json = await latest();
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ drift: 2, generatedAt: report.generatedAt });
    expect(json.body.orders.discrepancies).toEqual([
      expect.objectContaining({
        kind: 'missing-in-linnworks',
        reference: 'SCH-2',
        ctOrderId: missing.id,
      }),
    ]);
    const csv = await latest('csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\r\n').slice(1)).toEqual([
      `orders,missing-in-linnworks,SCH-2,${missing.id},,,,,,`,
      'stock,quantity-differs,,,,SCH-B,wh-sched,20,12,8',
    ]);
    const drift = receiver.alerts().filter((a: Alert) => a.kind === 'reconcile-drift');
    expect(drift).toEqual([
      expect.objectContaining({
        status: 'firing',
        count: 2,
        counts: { 'orders.missing-in-linnworks': 1, 'stock.quantity-differs': 1 },
        link: expect.objectContaining({ route: '/service/reconcile/latest' }),
      }),
    ]);
    expect(receiver.received.every((r) => r.signature === 'valid')).toBe(true);
  });

  it('when the drift is fixed and the task runs again, then the report is clean and the drift alert is resolved', async () => {
    await request(world.app).post('/event').send(orderMessage(missing)).expect(200);
    const entry = await world.api.inventory().withId({ ID: inventory['SCH-B']! }).get().execute();
    await world.api
      .inventory()
      .withId({ ID: entry.body.id })
      .post({
        body: {
          version: entry.body.version,
          actions: [{ action: 'changeQuantity', quantity: 12 }],
        },
      })
      .execute();
    const report = await task.run();
    expect(report).toMatchObject({ status: 'completed', drift: 0 });
    expect((await latest()).body.drift).toBe(0);
    expect(
      receiver
        .alerts()
        .filter((a) => a.kind === 'reconcile-drift')
        .map((a) => a.status),
    ).toEqual(['firing', 'resolved']);
  });

  it('when POST /reconcile pages with cursors, then nextCursor walks every order and stock entry without an offset', async () => {
    const window = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const walk = async (section: 'orders' | 'stock') => {
      const checked: number[] = [];
      let cursor: string | undefined = '';
      while (cursor !== undefined) {
        const page: Record<string, unknown> =
          section === 'orders' ? { ...window, limit: 1, cursor } : { limit: 1, cursor };
        const res = await request(admin.app)
          .post('/service/reconcile')
          .set('Authorization', admin.bearer)
          .send({ [section]: page });
        expect(res.status).toBe(200);
        checked.push(res.body[section].checked ?? res.body[section].checkedSkus);
        cursor = res.body[section].nextCursor;
      }

      return checked;
    };
    expect(await walk('orders')).toEqual([1, 1, 0]);
    expect(await walk('stock')).toEqual([1, 1, 0]);
  });
});
