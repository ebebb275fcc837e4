import type { Order } from '@commercetools/platform-sdk';
import {
  createOrderSync,
  ctLineItemIdOf,
  CtStateStore,
  type OrderSync,
  OrderStateRepo,
} from 'shared';
import {
  buildCtOrder,
  captureLogger,
  ctTestApi,
  ctTestConfig,
  ctTestSeed,
  testOrderSyncSettings,
} from 'shared/testing';

import { type Harness, startHarness } from '../linnworks/emulator-harness';
import { toMinor } from './order-sync.harness';

const settings = testOrderSyncSettings({
  shippingMethodMapping: { standard: { postalService: 'Royal Mail 24' } },
});

/**
 * A line of 3 × 10.00 less a 0.01 discount does not divide into whole cents, so it goes to
 * Linnworks as two items (1 × 9.99 and 2 × 10.00). The order is created unpaid, then paid: the
 * strict emulator keys items by ItemNumber on the update and leaves payment to the documented
 * calls, so the two items must survive the update with unique ItemNumbers.
 */
describe('paid later with a split line, against the strict Linnworks emulator', () => {
  let h: Harness;
  let current: Order;
  let orderSync: OrderSync;
  let states: OrderStateRepo;
  const ct = ctTestConfig();
  /** The order as commercetools holds it now, stored on the test server as given. */
  const holdOrder = async (order: Order) => {
    current = await ctTestSeed<Order>(ct, 'order', order);
  };
  const handle = () =>
    orderSync.handle({
      notificationType: 'Message',
      resource: { typeId: 'order', id: current.id },
      type: 'OrderPaymentStateChanged',
    });

  const spec = {
    id: 'ct-order-split',
    orderNumber: 'CT-SPLIT-1',
    lines: [
      { id: 'line-a', sku: 'MUG', quantity: 3, unitCents: 1000, discountCents: 1, ratePercent: 19 },
    ],
    shipping: { priceCents: 495, ratePercent: 19, method: 'standard' },
  };

  beforeAll(async () => {
    h = await startHarness({ rateLimits: false });
    h.emulator.control.seedItems([{ sku: 'MUG', stock: { Default: 10 } }]);
    h.emulator.control.seedPostalServices([{ name: 'Royal Mail 24', vendor: 'Royal Mail' }]);
    const api = ctTestApi(ct);
    orderSync = createOrderSync(
      { ct: api, linnworks: h.client, logger: captureLogger().logger },
      settings,
    );
    states = new OrderStateRepo(new CtStateStore(api));
  });

  afterAll(async () => {
    await h.emulator.close();
  });

  it('when the unpaid order is paid, then both items keep their rows and quantities, the order is PAID and not parked, and totals still match', async () => {
    await holdOrder(buildCtOrder({ ...spec, paymentState: 'BalanceDue' }));
    expect(await handle()).toBe('processed');
    expect((await states.get(current.id))?.value).toMatchObject({ status: 'created', paid: false });
    const [created] = await h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-SPLIT-1' });
    expect(created?.GeneralInfo).toMatchObject({ Status: 0, IsParked: true });
    const rowsBefore = created!.Items.map((i) => [i.ItemNumber, i.RowId, i.Quantity]);
    expect(rowsBefore.map(([number, , quantity]) => [number, quantity])).toEqual([
      ['line-a', 1],
      ['line-a#2', 2],
    ]);

    // Paid later; a version past the one order-sync's sync info write left.
    await holdOrder(buildCtOrder({ ...spec, version: 10, paymentState: 'Paid' }));
    expect(await handle()).toBe('processed');

    const orders = await h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-SPLIT-1' });
    expect(orders).toHaveLength(1);
    const [paid] = orders;
    expect(paid?.OrderId).toBe(created?.OrderId);
    expect(paid?.GeneralInfo).toMatchObject({ Status: 1, IsParked: false });
    // The mapped postal service, matched by name with no tag configured.
    expect(paid?.ShippingInfo).toMatchObject({
      PostalServiceName: 'Royal Mail 24',
      Vendor: 'Royal Mail',
    });
    expect(paid!.Items.map((i) => [i.ItemNumber, i.RowId, i.Quantity])).toEqual(rowsBefore);
    expect(paid!.Items.map((i) => ctLineItemIdOf(i))).toEqual(['line-a', 'line-a']);
    expect(toMinor(paid!.TotalsInfo.TotalCharge, 2)).toBe(
      current.taxedPrice!.totalGross.centAmount,
    );
    expect(h.emulator.control.getStock('MUG')[0]).toMatchObject({ inOrders: 3 });
    expect(h.emulator.control.warnings()).toEqual([]);
    expect((await states.get(current.id))?.value).toMatchObject({ paid: true });
  });
});
