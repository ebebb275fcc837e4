import { type LinnworksChannelOrder, LinnworksClient, LINNWORKS_RESPONSE_ENUMS } from 'shared';

import { defaultEmulatorOptions, STRICT_EMULATOR_OPTIONS } from '../../linnworks-emulator/src';
import { channelOrder, type Harness, startHarness } from './emulator-harness';
import { checkRequestAgainstSdk, type EnumForm, sdkEnum } from './sdk-models';
import {
  editsAnOpenOrder,
  givesMoneyBack,
  listsOpenOrdersReceivedSince,
} from './strict-client.scenarios';

/** Every method of the client's API (the `LinnworksApi` port). */
const CLIENT_METHODS = Object.getOwnPropertyNames(LinnworksClient.prototype).filter(
  (name) => name !== 'constructor',
);

/** The client with each method call recorded, to prove the suite covers all of them. */
function recording(client: LinnworksClient, called: Set<string>): LinnworksClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || !CLIENT_METHODS.includes(String(property))) return value;
      called.add(String(property));

      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

const order = (overrides: Record<string, unknown> = {}) =>
  channelOrder(overrides) as LinnworksChannelOrder;

describe('SDK enum order of the client, and the emulator defaults', () => {
  it.each(Object.entries(LINNWORKS_RESPONSE_ENUMS))(
    'when the client reads %s, then its members are the SDK members in SDK order',
    (name, members) => {
      expect([...members]).toEqual(sdkEnum(name));
    },
  );

  it('when the emulator starts with its defaults, then every two-readings switch is at its strict setting', () => {
    expect(defaultEmulatorOptions).toMatchObject(STRICT_EMULATOR_OPTIONS);
    expect(defaultEmulatorOptions.responseEnums).toBe('integer');
  });
});

describe.each<EnumForm>(['integer', 'name'])(
  'the client against the strict emulator (%s enums)',
  (responseEnums) => {
    let h: Harness;
    let client: LinnworksClient;
    const called = new Set<string>();

    beforeAll(async () => {
      h = await startHarness({ ...STRICT_EMULATOR_OPTIONS, responseEnums });
      client = recording(h.client, called);
      h.emulator.control.recordRequests(true);
      h.emulator.control.seedLocations([{ name: 'Leeds' }]);
      h.emulator.control.seedItems([
        { sku: 'SKU-1', title: 'Blue mug', stock: { Default: 10, Leeds: 4 } },
        { sku: 'SKU-2', title: 'Red mug', stock: { Default: 5 } },
      ]);
      h.emulator.control.seedPostalServices([
        { name: 'Royal Mail 24', vendor: 'Royal Mail', code: 'RM24', tag: 'rm24' },
        { name: 'DPD Next Day', vendor: 'DPD', code: 'DPD1' },
      ]);
    });

    afterAll(async () => {
      await h.emulator.close();
    });

    it('when an order is created, read, found, paid later and cancelled, then every answer parses and enums read as names', async () => {
      const [paidId = ''] = await client.createOrders({ orders: [order()], location: 'Default' });
      const [unpaidId = ''] = await client.createOrders({
        orders: [order({ ReferenceNumber: 'CT-UNPAID', PaymentStatus: 'Unpaid' })],
        location: 'Leeds',
      });
      const [details] = await client.getOrdersById({ orderIds: [paidId] });
      expect(details?.GeneralInfo).toMatchObject({ Status: 1, StockAllocationType: 'Full' });
      expect(details?.ShippingInfo.PostalServiceName).toBe('Royal Mail 24');
      expect(await client.getOrderDetailsByReferenceId({ referenceId: 'CT-1001' })).toHaveLength(1);
      expect(await client.searchOrders({ searchTerm: 'CT-UNPAID' })).toEqual([unpaidId]);
      expect(await client.getOrderPrintFlags({ orderIds: [paidId] })).toEqual([
        expect.objectContaining({ OrderId: paidId, Processed: false }),
      ]);

      expect(await client.changeStatus({ orderIds: [unpaidId], status: 1 })).toEqual([unpaidId]);
      expect(await client.changeOrderTag({ orderIds: [unpaidId], tag: null })).toEqual([unpaidId]);
      const [paidLater] = await client.getOrdersById({ orderIds: [unpaidId] });
      expect(paidLater?.GeneralInfo).toMatchObject({ Status: 1, IsParked: false });

      await client.cancelOrder({
        orderId: unpaidId,
        fulfilmentCenter: paidLater!.FulfilmentLocationId!,
      });
      const [cancelled] = await client.getOrdersById({ orderIds: [unpaidId] });
      expect(cancelled?.GeneralInfo.HoldOrCancel).toBe(true);
    });

    it('when an order ships in boxes and is refunded and returned, then the post-sale reads parse with SDK names', async () => {
      await client.createOrders({
        orders: [
          order({
            ReferenceNumber: 'CT-SHIP',
            OrderItems: [
              { ...order().OrderItems[0]!, ItemNumber: 'line-1', ChannelSKU: 'SKU-1' },
              { ...order().OrderItems[0]!, ItemNumber: 'line-2', ChannelSKU: 'SKU-2', Qty: 1 },
            ],
          }),
        ],
        location: 'Default',
      });
      h.emulator.control.processOrder({
        order: 'CT-SHIP',
        trackingNumber: 'T1',
        packages: [
          { trackingNumber: 'T1', lines: [{ sku: 'SKU-1', quantity: 2 }] },
          { trackingNumber: 'T2', lines: [{ sku: 'SKU-2', quantity: 1 }] },
        ],
      });
      const { refundHeaderId } = h.emulator.control.refundOrder({
        order: 'CT-SHIP',
        lines: [{ sku: 'SKU-1', quantity: 1, amount: 12 }],
      });
      h.emulator.control.returnItems({
        order: 'CT-SHIP',
        type: 'RETURNREFUND',
        lines: [{ sku: 'SKU-2', quantity: 1 }],
        refundAmounts: [12],
      });
      const window = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
      const processed = await client.searchProcessedOrders({
        dateField: 'processed',
        ...window,
        pageNumber: 1,
        resultsPerPage: 20,
      });
      const row = processed.Data.find((r) => r.ReferenceNum === 'CT-SHIP');
      expect(row?.PostalTrackingNumber).toBe('T1');
      const orderId = row!.pkOrderID;
      expect((await client.getPackageSplit({ orderId })).map((b) => b.TrackingNumber)).toEqual([
        'T1',
        'T2',
      ]);

      const headers = await client.getRefundHeadersByOrderId({ orderId });
      const header = headers.find((x) => x.RefundHeaderId === refundHeaderId);
      expect(header).toMatchObject({ Status: 'PROCESSED', RefundLines: null });
      const lines = await client.getRefundLinesByHeaderId({ orderId, refundHeaderId });
      expect(lines.map((l) => l.RefundedUnit)).toEqual(['Item']);
      expect((await client.getRefunds({ orderId })).map((r) => r.RefundStatus)).toContain(
        'PROCESSED',
      );
      expect((await client.getReturnsExchanges({ orderId })).map((r) => r.RowType)).toEqual([
        'RETURNREFUND',
      ]);
      const page = await client.searchReturnsRefunds({
        historyType: 'REFUNDS',
        dateType: 'ACTIONED',
        ...window,
        pageNumber: 1,
        entriesPerPage: 50,
      });
      expect(page.Data.length).toBeGreaterThan(0);
      expect(new Set(page.Data.map((r) => r.RefundStatus))).toEqual(new Set(['PROCESSED']));
    });

    it('when stock, locations and postal services are read, then every answer parses', async () => {
      const locations = await client.getStockLocations();
      expect(locations.map((l) => l.LocationName)).toEqual(['Default', 'Leeds']);
      const ids = await client.getStockItemIdsBySku({ skus: ['SKU-1', 'NOPE'] });
      expect(ids.map((i) => i.SKU)).toEqual(['SKU-1']);
      const full = await client.getStockItemsFull({
        pageNumber: 1,
        entriesPerPage: 10,
        dataRequirements: ['StockLevels'],
      });
      expect(full.map((i) => i.ItemNumber)).toEqual(['SKU-1', 'SKU-2']);
      const [levels] = await client.getStockLevelBatch({ stockItemIds: [ids[0]!.StockItemId] });
      expect(levels?.StockItemLevels).toHaveLength(2);
      expect((await client.getPostalServices()).map((p) => p.PostalServiceName)).toEqual([
        'Royal Mail 24',
        'DPD Next Day',
      ]);
    });

    it('when an open order is edited (customer, shipping, items), then each answer parses and the totals are recalculated', async () => {
      await editsAnOpenOrder(h, client);
    });

    it('when open orders received in a window are listed, then orders of every channel come with their items', async () => {
      await listsOpenOrdersReceivedSince(client);
    });

    it('when money goes back (cancellation, refund, refusal, action), then every answer parses and enums read as names', async () => {
      await givesMoneyBack(h, client);
    });

    it('when the suite is done, then it called every client method and the emulator let nothing lenient through', () => {
      expect([...called].sort()).toEqual([...CLIENT_METHODS].sort());
      expect(h.emulator.control.warnings()).toEqual([]);
    });

    it('when the suite is done, then every request the client sent used only SDK parameter and property names', () => {
      const requests = h.emulator.control.requests();
      expect(new Set(requests.map((r) => r.endpoint)).size).toBeGreaterThan(
        CLIENT_METHODS.length - 5,
      );
      expect(requests.flatMap((r) => checkRequestAgainstSdk(r.endpoint, r.params))).toEqual([]);
    });
  },
);
