import { applyOrderEdit } from 'shared/testing';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  setPostalCode,
  startWorld,
  toMinor,
} from './order-sync.harness';

interface LwEditView {
  OrderId: string;
  CustomerInfo: { Address: { PostCode: string; Address1: string } };
  Items: Array<{ ItemNumber: string; Quantity: number; PricePerUnit: number }>;
  TotalsInfo: { TotalCharge: number };
}

function lwOrder(world: OrderSyncWorld, ctOrderId: string): LwEditView {
  const [lw] = linnworksOrdersFor(world, ctOrderId);
  expect(lw).toBeDefined();

  return lw as unknown as LwEditView;
}

async function deliver(world: OrderSyncWorld, orderId: string, type: string) {
  const order = (await world.api.orders().withId({ ID: orderId }).get().execute()).body;

  return request(world.app).post('/event').send(orderMessage(order, type));
}

describe('order edits after export (emulator + test server)', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    world = await startWorld();
    await seedSkus(world, ['DESK-1', 'DESK-2']);
  }, 30_000);
  afterAll(() => world.close());

  async function exported() {
    const order = await importOrder(world, {
      lines: [
        { sku: 'DESK-1', quantity: 3, unitCents: 10000 },
        { sku: 'DESK-2', quantity: 1, unitCents: 2500 },
      ],
    });
    expect((await deliver(world, order.id, 'OrderCreated')).status).toBe(200);

    return order;
  }

  it('when the shipping address changes after export, then the open Linnworks order gets it, once per order version', async () => {
    const order = await exported();
    await setPostalCode(world, order.id, '50667');
    const res = await deliver(world, order.id, 'OrderShippingAddressSet');
    expect(res.status).toBe(200);
    expect(lwOrder(world, order.id).CustomerInfo.Address.PostCode).toBe('50667');

    // The same message again (redelivery): nothing is sent again.
    const calls = world.emulator.control.callCounts()['Orders/SetOrderCustomerInfo'] ?? 0;
    expect((await deliver(world, order.id, 'OrderShippingAddressSet')).status).toBe(202);
    expect(world.emulator.control.callCounts()['Orders/SetOrderCustomerInfo'] ?? 0).toBe(calls);
  });

  it('when an order edit changes a quantity and removes a line, then the Linnworks lines and total follow to the cent', async () => {
    const order = await exported();
    const [desk1, desk2] = order.lineItems;
    const { order: edited } = await applyOrderEdit(world.api, order.id, [
      { action: 'changeLineItemQuantity', lineItemId: desk1!.id, quantity: 2 },
      { action: 'removeLineItem', lineItemId: desk2!.id },
    ]);
    expect((await deliver(world, order.id, 'OrderEditApplied')).status).toBe(200);
    const lw = lwOrder(world, order.id);
    expect(lw.Items.map((i) => [i.ItemNumber, i.Quantity])).toEqual([[desk1!.id, 2]]);
    expect(toMinor(lw.TotalsInfo.TotalCharge, 2)).toBe(edited.totalPrice.centAmount);
    expect((await world.states.get(order.id))?.value).toMatchObject({
      status: 'created',
      editedVersion: expect.any(Number),
    });
  });

  it('when an order edit adds a line, then Linnworks gets it as a new item (priced as commercetools prices it) and a second delivery adds nothing', async () => {
    const tax = await world.api
      .taxCategories()
      .post({
        body: {
          name: 'standard-de',
          rates: [{ name: 'DE 19', amount: 0.19, includedInPrice: true, country: 'DE' }],
        },
      })
      .execute();
    const type = await world.api
      .productTypes()
      .post({ body: { name: 'desk-3-type', description: 'test' } })
      .execute();
    await world.api
      .products()
      .post({
        body: {
          productType: { typeId: 'product-type', id: type.body.id },
          taxCategory: { typeId: 'tax-category', id: tax.body.id },
          name: { en: 'Desk lamp' },
          slug: { en: 'desk-3' },
          masterVariant: {
            sku: 'DESK-3',
            prices: [{ value: { currencyCode: 'EUR', centAmount: 4999 } }],
          },
          publish: true,
        },
      })
      .execute();
    world.emulator.control.seedItems([
      { sku: 'DESK-3', title: 'Desk lamp', stock: { Default: 10 } },
    ]);
    const order = await exported();
    const { order: edited } = await applyOrderEdit(world.api, order.id, [
      { action: 'addLineItem', sku: 'DESK-3', quantity: 1 },
    ]);
    expect((await deliver(world, order.id, 'OrderEditApplied')).status).toBe(200);
    const lw = lwOrder(world, order.id);
    expect(lw.Items).toHaveLength(3);
    expect(toMinor(lw.TotalsInfo.TotalCharge, 2)).toBe(edited.totalPrice.centAmount);
    const state = (await world.states.get(order.id))?.value;
    const added = edited.lineItems.find((l) => l.variant.sku === 'DESK-3')!;
    expect(state?.addedRows?.[added.id]).toEqual(expect.any(String));
    // Redelivered under a new message id: the version was handled, nothing is added twice.
    expect((await deliver(world, order.id, 'OrderEditApplied')).status).toBe(202);
    expect(lwOrder(world, order.id).Items).toHaveLength(3);
  });

  it('when the order was processed in Linnworks before the edit, then the failure queue holds ORDER_ALREADY_PROCESSED naming what changed, and a replay still fails', async () => {
    const order = await exported();
    world.emulator.control.processOrder({ order: lwOrder(world, order.id).OrderId });
    await setPostalCode(world, order.id, '10115');
    const res = await deliver(world, order.id, 'OrderShippingAddressSet');
    expect(res.status).toBe(202);
    const pending = await world.failures.list({ flow: 'order-sync', status: 'pending' });
    const failure = pending.items.find((f) => f.ref.id === order.id);
    expect(failure).toMatchObject({
      reasonCode: 'ORDER_ALREADY_PROCESSED',
      field: 'shippingAddress',
      message: expect.stringContaining('shippingAddress'),
    });
    expect(lwOrder(world, order.id).CustomerInfo.Address.PostCode).not.toBe('10115');
    const replay = await world.orderSync.replayer(failure!, { dryRun: false });
    expect(replay).toMatchObject({
      outcome: 'still-failing',
      reasonCode: 'ORDER_ALREADY_PROCESSED',
    });
  });
});
