import { type LinnworksChannelOrder, ValidationError } from 'shared';

import { channelOrder, type Harness, startHarness } from './emulator-harness';

function order(overrides: Record<string, unknown> = {}): LinnworksChannelOrder {
  return channelOrder(overrides) as LinnworksChannelOrder;
}

describe('Linnworks orders: client against the emulator', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedLocations([{ name: 'Leeds' }]);
    h.emulator.control.seedItems([
      { sku: 'SKU-1', title: 'Blue mug', stock: { Default: 10, Leeds: 4 } },
    ]);
    h.emulator.control.seedPostalServices([
      { name: 'Royal Mail 24', vendor: 'Royal Mail', code: 'RM24' },
    ]);
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when a paid order is created, then it is open, linked, allocated and its totals are computed the Linnworks way', async () => {
    const ids = await h.client.createOrders({ orders: [order()], location: 'Default' });

    expect(ids).toHaveLength(1);
    const [details] = await h.client.getOrdersById({ orderIds: ids });
    expect(details?.Processed).toBe(false);
    expect(details?.GeneralInfo).toMatchObject({
      Status: 1,
      ReferenceNum: 'CT-1001',
      Source: 'COMMERCETOOLS',
      SubSource: 'ct-store-uk',
      IsParked: false,
    });
    expect(details?.Items[0]).toMatchObject({
      SKU: 'SKU-1',
      Quantity: 2,
      IsUnlinked: false,
      Cost: 20,
      CostIncTax: 24,
      Tax: 4,
    });
    // Postage tax 3.99 − 3.99/1.2 = 0.665 rounds half-even (.NET) to 0.66 (help 7000005442).
    expect(details?.TotalsInfo).toMatchObject({
      Subtotal: 20,
      PostageCost: 3.99,
      PostageCostExTax: 3.33,
      Tax: 4.66,
      TotalCharge: 27.99,
      Currency: 'GBP',
    });
    expect(details?.ShippingInfo).toMatchObject({
      Vendor: 'Royal Mail',
      PostalServiceName: 'Royal Mail 24',
    });
    expect(h.emulator.control.getStock('SKU-1')[0]).toMatchObject({
      locationName: 'Default',
      stockLevel: 10,
      inOrders: 2,
      available: 8,
    });
  });

  it('when prices exclude tax, then tax is added on top', async () => {
    const lines = [
      {
        ItemNumber: 'SKU-1',
        ChannelSKU: 'SKU-1',
        ItemTitle: 'Mug',
        Qty: 3,
        PricePerUnit: 10,
        TaxRate: 20,
        TaxCostInclusive: false,
        UseChannelTax: true,
        LineDiscount: 0,
        IsService: false,
      },
    ];
    const [id] = await h.client.createOrders({
      orders: [order({ OrderItems: lines, PostalServiceCost: 0 })],
      location: 'Default',
    });

    const [details] = await h.client.getOrdersById({ orderIds: [id ?? ''] });
    expect(details?.TotalsInfo).toMatchObject({ Subtotal: 30, Tax: 6, TotalCharge: 36 });
  });

  it('when the order is created at a named location, then that location holds the allocation', async () => {
    await h.client.createOrders({ orders: [order()], location: 'Leeds' });

    expect(
      h.emulator.control.getStock('SKU-1').find((s) => s.locationName === 'Leeds'),
    ).toMatchObject({ inOrders: 2, available: 2 });
  });

  it('when a line has an unknown SKU, then it becomes an unlinked item and allocates nothing', async () => {
    const lines = [
      {
        ItemNumber: 'NOPE',
        ChannelSKU: 'NOPE',
        ItemTitle: 'Ghost',
        Qty: 1,
        PricePerUnit: 5,
        TaxRate: 20,
        TaxCostInclusive: true,
        UseChannelTax: true,
        LineDiscount: 0,
        IsService: false,
      },
    ];
    const [id] = await h.client.createOrders({
      orders: [order({ OrderItems: lines })],
      location: 'Default',
    });

    const [details] = await h.client.getOrdersById({ orderIds: [id ?? ''] });
    expect(details?.Items[0]).toMatchObject({
      IsUnlinked: true,
      ItemNumber: 'NOPE',
      StockItemId: '00000000-0000-0000-0000-000000000000',
    });
    expect(h.emulator.control.getStock('SKU-1')[0]?.inOrders).toBe(0);
  });

  it('when the same unpaid order is pushed again as paid, then the existing order is updated, not duplicated, and stays unpaid and parked', async () => {
    const [first] = await h.client.createOrders({
      orders: [order({ PaymentStatus: 'Unpaid' })],
      location: 'Default',
    });
    const bigger = [
      {
        ItemNumber: 'SKU-1',
        ChannelSKU: 'SKU-1',
        ItemTitle: 'Mug',
        Qty: 5,
        PricePerUnit: 12,
        TaxRate: 20,
        TaxCostInclusive: true,
        UseChannelTax: true,
        LineDiscount: 0,
        IsService: false,
      },
    ];
    const [second] = await h.client.createOrders({
      orders: [order({ PaymentStatus: 'Paid', OrderItems: bigger })],
      location: 'Default',
    });

    expect(second).toBe(first);
    const found = await h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-1001' });
    expect(found).toHaveLength(1);
    expect(found[0]?.Items[0]?.Quantity).toBe(5);
    // Nothing documented says a re-send marks it paid (resendMarksPaid: false).
    expect(found[0]?.GeneralInfo).toMatchObject({ Status: 0, IsParked: true });
    expect(h.emulator.control.getStock('SKU-1')[0]?.inOrders).toBe(5);
  });

  it('when an unpaid order is created, then it is parked and still allocated', async () => {
    const [id] = await h.client.createOrders({
      orders: [order({ PaymentStatus: 'Unpaid' })],
      location: 'Default',
    });

    const [details] = await h.client.getOrdersById({ orderIds: [id ?? ''] });
    expect(details?.GeneralInfo).toMatchObject({ Status: 0, IsParked: true });
    expect(h.emulator.control.getStock('SKU-1')[0]?.inOrders).toBe(2);
  });

  it('when the same paid order is pushed again, then it is skipped and omitted from the result', async () => {
    await h.client.createOrders({ orders: [order()], location: 'Default' });

    const again = await h.client.createOrders({
      orders: [order({ ExternalReference: 'changed' })],
      location: 'Default',
    });

    expect(again).toEqual([]);
    const found = await h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-1001' });
    expect(found).toHaveLength(1);
    expect(found[0]?.GeneralInfo.ExternalReferenceNum).toBe('ct-order-id-1001');
  });

  it('when the emulator echoes existing ids for paid duplicates, then the existing id comes back', async () => {
    h.emulator.control.setOptions({ paidDuplicateResult: 'existing-id' });
    const [first] = await h.client.createOrders({ orders: [order()], location: 'Default' });

    await expect(
      h.client.createOrders({ orders: [order()], location: 'Default' }),
    ).resolves.toEqual([first]);
  });

  it('when the same reference comes from another SubSource, then it is a different order', async () => {
    await h.client.createOrders({ orders: [order()], location: 'Default' });
    await h.client.createOrders({
      orders: [order({ SubSource: 'ct-store-de' })],
      location: 'Default',
    });

    await expect(
      h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-1001' }),
    ).resolves.toHaveLength(2);
  });

  it('when more than 20 orders are given, then the client refuses before calling and Linnworks would answer 400', async () => {
    const many = Array.from({ length: 21 }, (_, i) => order({ ReferenceNumber: `CT-${i}` }));

    await expect(
      h.client.createOrders({ orders: many, location: 'Default' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(h.emulator.control.callCounts()['Orders/CreateOrders']).toBeUndefined();
    const token = await h.sessionToken();
    const raw = await h.raw('/api/Orders/CreateOrders', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ orders: many, location: 'Default' }),
    });
    expect(raw.status).toBe(400);
    expect(h.emulator.control.listOrders()).toHaveLength(0);
  });

  it('when exactly 20 orders are given, then all are saved in one call', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => order({ ReferenceNumber: `CT-${i}` }));

    await expect(
      h.client.createOrders({ orders: twenty, location: 'Default' }),
    ).resolves.toHaveLength(20);
    expect(h.emulator.control.callCounts()['Orders/CreateOrders']).toBe(1);
  });

  it('when a required field is missing, then Linnworks answers 400 and nothing is saved', async () => {
    const { DispatchBy: _omit, ...incomplete } = order();

    await expect(
      h.client.createOrders({ orders: [incomplete as LinnworksChannelOrder], location: 'Default' }),
    ).rejects.toThrow('DispatchBy is required');
    expect(h.emulator.control.listOrders()).toHaveLength(0);
  });

  it('when 150 order ids are read, then the client reads them in two calls of at most 100', async () => {
    const [id] = await h.client.createOrders({ orders: [order()], location: 'Default' });
    const ids = [
      id ?? '',
      ...Array.from(
        { length: 149 },
        (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      ),
    ];

    await expect(h.client.getOrdersById({ orderIds: ids })).resolves.toHaveLength(1);
    expect(h.emulator.control.callCounts()['Orders/GetOrdersById']).toBe(2);
  });

  it('when the warehouse prints documents, then the print flags show per open order', async () => {
    const ids = await h.client.createOrders({
      orders: [order(), order({ ReferenceNumber: 'CT-1002' })],
      location: 'Default',
    });
    h.emulator.control.setPrintFlags({
      order: 'CT-1002',
      pickListPrinted: true,
      invoicePrinted: true,
    });

    const flags = await h.client.getOrderPrintFlags({ orderIds: ids });

    expect(flags).toEqual([
      expect.objectContaining({
        OrderId: ids[0],
        PickListPrinted: false,
        InvoicePrinted: false,
        LabelPrinted: false,
      }),
      expect.objectContaining({
        OrderId: ids[1],
        PickListPrinted: true,
        InvoicePrinted: true,
        LabelPrinted: false,
      }),
    ]);
  });

  it('when searching by reference, then open and (if asked) processed order ids are found', async () => {
    const [id] = await h.client.createOrders({ orders: [order()], location: 'Default' });

    await expect(h.client.searchOrders({ searchTerm: 'CT-1001' })).resolves.toEqual([id]);
    h.emulator.control.processOrder({ order: id ?? '', trackingNumber: 'T1' });
    await expect(h.client.searchOrders({ searchTerm: 'CT-1001' })).resolves.toEqual([]);
    await expect(
      h.client.searchOrders({ searchTerm: 'CT-1001', includeProcessed: true }),
    ).resolves.toEqual([id]);
  });

  it('when an open order is cancelled, then it moves to processed as cancelled and its allocation is released', async () => {
    const [id] = await h.client.createOrders({ orders: [order()], location: 'Default' });
    const [details] = await h.client.getOrdersById({ orderIds: [id ?? ''] });

    await h.client.cancelOrder({
      orderId: id ?? '',
      fulfilmentCenter: details?.FulfilmentLocationId ?? '',
      note: 'customer asked',
    });

    const [after] = await h.client.getOrdersById({ orderIds: [id ?? ''] });
    expect(after).toMatchObject({
      Processed: true,
      GeneralInfo: expect.objectContaining({ HoldOrCancel: true }),
    });
    expect(h.emulator.control.getStock('SKU-1')[0]).toMatchObject({ stockLevel: 10, inOrders: 0 });
  });

  it('when a processed order is cancelled, then Linnworks answers with error text and the client fails permanently', async () => {
    const [id] = await h.client.createOrders({ orders: [order()], location: 'Default' });
    h.emulator.control.processOrder({ order: id ?? '', trackingNumber: 'T1' });

    await expect(
      h.client.cancelOrder({
        orderId: id ?? '',
        fulfilmentCenter: '00000000-0000-0000-0000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'LINNWORKS_CANCEL_REJECTED' });
  });

  it('when CancelOrder is called without refund, then Linnworks answers a bare 400', async () => {
    const [id] = await h.client.createOrders({ orders: [order()], location: 'Default' });
    const token = await h.sessionToken();

    const res = await h.raw('/api/Orders/CancelOrder', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({
        orderId: id,
        fulfilmentCenter: '00000000-0000-0000-0000-000000000000',
      }),
    });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ Message: 'The request is invalid.' });
  });
});
