import type { Order } from '@commercetools/platform-sdk';
import {
  ctLineItemIdOf,
  FailureQueue,
  InMemoryStateStore,
  KnownSkuCache,
  OrderStateRepo,
  type OrderSyncDeps,
  syncOrder,
  toMinor,
} from 'shared';
import { captureLogger } from 'shared/testing';

import { buildCtOrder } from '../../../shared/test/flows/order-sync/ct-order.builder';
import { testOrderSyncSettings } from '../../../shared/test/flows/order-sync/test-settings';
import { type Harness, startHarness } from '../linnworks/emulator-harness';

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
  let deps: OrderSyncDeps;

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
    const store = new InMemoryStateStore();
    deps = {
      ct: { getOrder: async () => current, recordLinnworksOrderId: async () => undefined },
      linnworks: h.client,
      states: new OrderStateRepo(store),
      failures: new FailureQueue(store),
      settings,
      logger: captureLogger().logger,
      knownSkus: new KnownSkuCache(),
    };
  });

  afterAll(async () => {
    await h.emulator.close();
  });

  it('when the unpaid order is paid, then both items keep their rows and quantities, the order is PAID and not parked, and totals still match', async () => {
    current = buildCtOrder({ ...spec, paymentState: 'BalanceDue' });
    expect(await syncOrder(deps, current.id)).toMatchObject({ action: 'created' });
    const [created] = await h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-SPLIT-1' });
    expect(created?.GeneralInfo).toMatchObject({ Status: 0, IsParked: true });
    const rowsBefore = created!.Items.map((i) => [i.ItemNumber, i.RowId, i.Quantity]);
    expect(rowsBefore.map(([number, , quantity]) => [number, quantity])).toEqual([
      ['line-a', 1],
      ['line-a#2', 2],
    ]);

    current = buildCtOrder({ ...spec, version: 2, paymentState: 'Paid' });
    expect(await syncOrder(deps, current.id)).toMatchObject({ action: 'marked-paid' });

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
    expect((await deps.states.get(current.id))?.value).toMatchObject({ paid: true });
  });
});
