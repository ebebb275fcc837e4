import type { Order } from '@commercetools/platform-sdk';
import { EXTENDED_PROPERTY_CT_ORDER_ID, mapOrderToLinnworks } from 'shared';
import request from 'supertest';

import type { IntrospectionStandIn } from 'shared/testing';
import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
  TEST_SETTINGS,
} from '../order-sync/order-sync.harness';
import {
  buildSyncAdmin,
  startIntrospection,
  type SyncAdminUnderTest,
  syncAdminEnv,
} from './sync-admin-world';

const ENV = {
  LINNWORKS_ORDER_SOURCE: 'COMMERCETOOLS',
  ORDER_STORE_MAPPING: JSON.stringify({ _none: { subSource: 'web', location: 'Default' } }),
  STOCK_LOCATION_MAPPING: JSON.stringify({
    locations: [
      { location: 'Default', channel: 'wh-default' },
      { location: 'Leeds', channel: 'wh-leeds' },
    ],
  }),
  ADMIN_STOCK_TOLERANCE: '2',
};

/** Linnworks levels per SKU (Default, Leeds) and what commercetools holds per channel. */
const STOCK: Array<{ sku: string; lw: [number, number]; ct: [number, number] }> = [
  { sku: 'STK-A', lw: [10, 5], ct: [10, 5] },
  // 1 unit off: within the tolerance of 2, not reported.
  { sku: 'STK-B', lw: [8, 3], ct: [7, 3] },
  // 8 units more in commercetools than Linnworks has: reported.
  { sku: 'STK-C', lw: [12, 0], ct: [20, 0] },
];

async function seedStock(world: OrderSyncWorld): Promise<void> {
  world.emulator.control.seedLocations([{ name: 'Leeds' }]);
  world.emulator.control.seedItems(
    STOCK.map(({ sku, lw }) => ({ sku, stock: { Default: lw[0], Leeds: lw[1] } })),
  );
  const channels: string[] = [];
  for (const key of ['wh-default', 'wh-leeds']) {
    const res = await world.api
      .channels()
      .post({ body: { key, roles: ['InventorySupply'] } })
      .execute();
    channels.push(res.body.id);
  }
  for (const { sku, ct } of STOCK) {
    for (const [i, id] of channels.entries()) {
      await world.api
        .inventory()
        .post({
          body: {
            sku,
            quantityOnStock: ct[i]!,
            supplyChannel: { typeId: 'channel', id },
          },
        })
        .execute();
    }
  }
}

type ChannelOrder = Extract<
  ReturnType<typeof mapOrderToLinnworks>,
  { ok: true }
>['mapped']['order'];

/** Creates a Linnworks order for `order` outside the connector, changed by `change`. */
async function createInLinnworks(
  world: OrderSyncWorld,
  order: Order,
  change: (o: ChannelOrder) => ChannelOrder,
) {
  const mapped = mapOrderToLinnworks(order, TEST_SETTINGS);
  if (!mapped.ok) throw new Error('order does not map');
  await world.linnworks.createOrders({
    location: mapped.mapped.location,
    orders: [change(mapped.mapped.order)],
  });
}

const repriced = (unitPrice: number) => (o: ChannelOrder) => ({
  ...o,
  OrderItems: (o.OrderItems ?? []).map((l, i) => (i === 0 ? { ...l, PricePerUnit: unitPrice } : l)),
});

/** The same ReferenceNumber from another store (own SubSource) for another commercetools order. */
const ofAnotherStore = (o: ChannelOrder) => ({
  ...o,
  SubSource: 'outlet',
  SecondaryReferenceNumber: 'order-of-the-outlet-store',
  ExternalReference: 'order-of-the-outlet-store',
  ExtendedProperties: (o.ExtendedProperties ?? []).map((p) =>
    p.Name === EXTENDED_PROPERTY_CT_ORDER_ID ? { ...p, Value: 'order-of-the-outlet-store' } : p,
  ),
});

describe('sync-admin reconciliation end to end (commercetools test server, Linnworks emulator)', () => {
  let world: OrderSyncWorld;
  let idp: IntrospectionStandIn;
  let admin: SyncAdminUnderTest;
  const orders: Record<'synced1' | 'synced2' | 'missing' | 'repriced', Order> = {} as never;
  let window: { from: string; to: string };

  beforeAll(async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    world = await startWorld();
    await seedSkus(world, ['DESK-1', 'DESK-2']);
    await seedStock(world);
    const lines = (sku: string, unitCents: number) => [{ sku, quantity: 1, unitCents }];
    orders.synced1 = await importOrder(world, { orderNumber: 'R-1', lines: lines('DESK-1', 9900) });
    orders.synced2 = await importOrder(world, { orderNumber: 'R-2', lines: lines('DESK-2', 4500) });
    orders.missing = await importOrder(world, { orderNumber: 'R-3', lines: lines('DESK-1', 1000) });
    orders.repriced = await importOrder(world, {
      orderNumber: 'R-4',
      lines: lines('DESK-2', 3000),
    });
    for (const order of [orders.synced1, orders.synced2]) {
      await request(world.app).post('/event').send(orderMessage(order)).expect(200);
    }
    // R-3 never reached Linnworks; R-4 was created there with 25.00 instead of 30.00; another
    // store's order also numbered R-2 sits in Linnworks too (its ct_order_id tells it apart).
    await createInLinnworks(world, orders.repriced, repriced(25));
    await createInLinnworks(world, orders.synced2, ofAnotherStore);
    expect(
      world.emulator.control
        .listOrders()
        .filter(
          (o) =>
            (o as { GeneralInfo: { ReferenceNum: string } }).GeneralInfo.ReferenceNum === 'R-2',
        ),
    ).toHaveLength(2);
    expect(linnworksOrdersFor(world, orders.repriced.id)).toHaveLength(1);
    window = { from, to: new Date(Date.now() + 60_000).toISOString() };
    idp = await startIntrospection(world.ctConfig);
    admin = buildSyncAdmin(syncAdminEnv(world.ctConfig, world.emulator, ENV), idp);
  });
  afterAll(async () => {
    await idp.close();
    await world.close();
  });

  it('when orders and stock are reconciled, then exactly the missing order, the differing total and the stock difference beyond tolerance are reported', async () => {
    const res = await request(admin.app)
      .post('/service/reconcile')
      .set('Authorization', admin.bearer)
      .send({ orders: window, stock: {} });
    expect(res.status).toBe(200);
    expect(res.body.orders).toMatchObject({ checked: 4, total: 4 });
    expect(res.body.orders.nextOffset).toBeUndefined();
    const lwRepriced = linnworksOrdersFor(world, orders.repriced.id)[0]!.OrderId;
    expect(res.body.orders.discrepancies).toEqual([
      {
        kind: 'missing-in-linnworks',
        reference: 'R-3',
        ctOrderId: orders.missing.id,
        lwOrderIds: [],
      },
      {
        kind: 'total-differs',
        reference: 'R-4',
        ctOrderId: orders.repriced.id,
        lwOrderIds: [lwRepriced],
        commercetools: 3000,
        linnworks: 2500,
      },
    ]);
    expect(res.body.stock).toEqual({
      checkedSkus: 3,
      discrepancies: [
        {
          kind: 'quantity-differs',
          sku: 'STK-C',
          channelKey: 'wh-default',
          ctQuantity: 20,
          expectedQuantity: 12,
          difference: 8,
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Mustermann|erika@example\.com|Heidestr/);
  });

  it('when the same report is asked for as CSV, then it has one row per discrepancy', async () => {
    const res = await request(admin.app)
      .post('/service/reconcile')
      .query({ format: 'csv' })
      .set('Authorization', admin.bearer)
      .send({ orders: window, stock: { skus: STOCK.map((s) => s.sku) } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lwRepriced = linnworksOrdersFor(world, orders.repriced.id)[0]!.OrderId;
    expect(res.text.trim().split('\r\n')).toEqual([
      'section,kind,reference,ctOrderId,lwOrderIds,sku,channelKey,commercetools,linnworks,difference',
      `orders,missing-in-linnworks,R-3,${orders.missing.id},,,,,,`,
      `orders,total-differs,R-4,${orders.repriced.id},${lwRepriced},,,3000,2500,`,
      'stock,quantity-differs,,,,STK-C,wh-default,20,12,8',
    ]);
  });

  it('when a window is paged, then nextOffset walks the orders and each page reports its own findings', async () => {
    const first = await request(admin.app)
      .post('/service/reconcile')
      .set('Authorization', admin.bearer)
      .send({ orders: { ...window, limit: 3 } });
    expect(first.body.orders).toMatchObject({ checked: 3, total: 4, nextOffset: 3 });
    expect(first.body.orders.discrepancies.map((d: { reference: string }) => d.reference)).toEqual([
      'R-3',
    ]);
    expect(first.body.stock).toBeUndefined();
    const second = await request(admin.app)
      .post('/service/reconcile')
      .set('Authorization', admin.bearer)
      .send({ orders: { ...window, limit: 3, offset: 3 } });
    expect(second.body.orders).toMatchObject({ checked: 1, total: 4 });
    expect(second.body.orders.nextOffset).toBeUndefined();
    expect(second.body.orders.discrepancies.map((d: { kind: string }) => d.kind)).toEqual([
      'total-differs',
    ]);
  });
});
