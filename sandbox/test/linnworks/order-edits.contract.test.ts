import { type LinnworksChannelOrder, type LinnworksOrderDetails, ValidationError } from 'shared';

import { ZERO_GUID } from '../../linnworks-emulator/src';
import { channelOrder, type Harness, startHarness } from './emulator-harness';

/**
 * Open-order edits (#15) against the strict emulator: what each call changes, what it clears,
 * what a processed order does with it, and the totals Linnworks recalculates.
 */
describe('Linnworks open-order edits', () => {
  let h: Harness;
  let open: LinnworksOrderDetails;
  let dpdId: string;

  async function start(options: Parameters<typeof startHarness>[0] = {}) {
    h = await startHarness(options);
    h.emulator.control.seedLocations([{ name: 'Leeds' }]);
    h.emulator.control.seedItems([
      { sku: 'SKU-1', stock: { Default: 10 } },
      { sku: 'SKU-2', retailPrice: 9.5, stock: { Default: 5 } },
    ]);
    dpdId = h.emulator.control.seedPostalServices([
      { name: 'DPD Next Day', vendor: 'DPD' },
      { name: 'Royal Mail 24', vendor: 'Royal Mail' },
    ])[0]!.id;
    const [id = ''] = await h.client.createOrders({
      orders: [channelOrder() as LinnworksChannelOrder],
      location: 'Default',
    });
    [open] = (await h.client.getOrdersById({ orderIds: [id] })) as [LinnworksOrderDetails];
  }

  const reread = async () => (await h.client.getOrdersById({ orderIds: [open.OrderId] }))[0]!;
  const inOrders = (sku: string) =>
    h.emulator.control.getStock(sku).find((s) => s.locationId === ZERO_GUID)?.inOrders;
  const where = () => ({ orderId: open.OrderId, fulfilmentCenter: ZERO_GUID });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when customer info is sent with a partial address, then the address is replaced whole: fields left out are emptied', async () => {
    await start();
    const res = await h.api('Orders/SetOrderCustomerInfo', {
      orderId: open.OrderId,
      info: { ChannelBuyerName: 'jane', Address: { Town: 'York' } },
    });

    expect(res.status).toBe(200);
    const after = await reread();
    expect(after.CustomerInfo.Address).toMatchObject({ Town: 'York', Address1: '', PostCode: '' });
    expect(after.CustomerInfo.BillingAddress.Town).toBe('');
  });

  it('when shipping info is set, then the service changes by id, the cost only with ManualAdjust, and its tax keeps the order rate', async () => {
    await start();
    const info = { PostalServiceId: dpdId, PostageCost: 6, TrackingNumber: 'T1' };
    const notManual = await h.client.setOrderShippingInfo({
      orderId: open.OrderId,
      info: { ...info, ManualAdjust: false },
    });
    expect(notManual?.ShippingInfo).toMatchObject({
      PostalServiceName: 'DPD Next Day',
      PostageCost: 3.99,
    });

    const manual = await h.client.setOrderShippingInfo({
      orderId: open.OrderId,
      info: { ...info, ManualAdjust: true },
    });
    // 6 including 20 % tax (the rate the order was created with): 5 + 1.
    expect(manual?.TotalsInfo).toMatchObject({
      PostageCost: 6,
      PostageCostExTax: 5,
      TotalCharge: 30,
    });
    expect(manual?.ShippingInfo).toMatchObject({
      Vendor: 'DPD',
      TrackingNumber: 'T1',
      ManualAdjust: true,
    });
    const unknown = await h.api('Orders/SetOrderShippingInfo', {
      orderId: open.OrderId,
      info: { ...info, PostalServiceId: '11111111-2222-3333-4444-555555555555' },
    });
    expect(unknown).toEqual({ status: 400, json: { Message: 'Postal service not found' } });
  });

  it('when an item is added without pricing, then the method page defaults apply; the line has a new RowId, no ItemNumber and holds stock', async () => {
    await start();
    const [sku2] = await h.client.getStockItemIdsBySku({ skus: ['SKU-2'] });
    const res = await h.api('Orders/AddOrderItem', {
      ...where(),
      itemId: sku2!.StockItemId,
      channelSKU: 'ct-sku-2',
      quantity: 2,
    });

    expect(res.status).toBe(200);
    expect((res.json as { Item: unknown }).Item).toMatchObject({
      SKU: 'SKU-2',
      ChannelSKU: 'ct-sku-2',
      ItemNumber: '',
      PricePerUnit: 9.5,
      TaxCostInclusive: true,
      CostIncTax: 19,
    });
    expect(inOrders('SKU-2')).toBe(2);
    const elsewhere = await h.api('Orders/AddOrderItem', {
      ...where(),
      fulfilmentCenter: h.emulator.control.seedLocations([{ name: 'York' }])[0]!.id,
      itemId: sku2!.StockItemId,
      quantity: 1,
    });
    expect(elsewhere.json).toEqual({ Message: 'Order does not belong to the fulfilment center' });
    const noItem = await h.api('Orders/AddOrderItem', {
      ...where(),
      itemId: ZERO_GUID,
      quantity: 1,
    });
    expect(noItem).toEqual({ status: 400, json: { Message: 'Item not found' } });
  });

  it('when a line is updated with only RowId and Quantity, then the price fields left out are stored as 0 and every risk is warned', async () => {
    await start();
    const line = open.Items[0]!;
    const res = await h.api('Orders/UpdateOrderItem', {
      ...where(),
      orderItem: { RowId: line.RowId, Quantity: 3 },
      source: 'COMMERCETOOLS',
      subSource: 'ct-store-uk',
    });

    expect((res.json as { Item: unknown }).Item).toMatchObject({ Quantity: 3, PricePerUnit: 0 });
    expect(inOrders('SKU-1')).toBe(3);
    const messages = h.emulator.control.warnings().map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^OrderItem\.SKU left out/),
        expect.stringMatching(/^OrderItem\.CostIncTax left out/),
      ]),
    );
    const zero = await h.api('Orders/UpdateOrderItem', {
      ...where(),
      orderItem: { RowId: line.RowId, Quantity: 0 },
    });
    expect(zero.status).toBe(400);
  });

  it('when the client updates a line, then it sends the whole line with figures that agree: no warning, totals recalculated', async () => {
    await start();
    const item = open.Items[0]!;
    const res = await h.client.updateOrderItem({
      ...where(),
      source: 'COMMERCETOOLS',
      subSource: 'ct-store-uk',
      item,
      changes: { Quantity: 1, Discount: 10 },
    });

    // 12 less 10 % = 10.80 incl. 20 %: tax 1.80; postage 3.99 (3.33 + 0.66).
    expect(res.Item).toMatchObject({ Quantity: 1, Cost: 9, CostIncTax: 10.8, Tax: 1.8 });
    expect(res.TotalsInfo).toMatchObject({ Subtotal: 9, Tax: 2.46, TotalCharge: 14.79 });
    expect(h.emulator.control.warnings()).toEqual([]);
    await expect(
      h.client.updateOrderItem({
        ...where(),
        source: '',
        subSource: '',
        item,
        changes: { Quantity: 0 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('when a line is removed, then it is gone, its stock released and the totals are recalculated', async () => {
    await start();
    const res = await h.client.removeOrderItem({ ...where(), rowId: open.Items[0]!.RowId });

    expect(res.TotalsInfo).toMatchObject({ Subtotal: 0, TotalCharge: 3.99 });
    expect(inOrders('SKU-1')).toBe(0);
    expect((await reread()).Items).toEqual([]);
    const again = await h.api('Orders/RemoveOrderItem', {
      ...where(),
      rowid: open.Items[0]!.RowId,
    });
    expect(again).toEqual({ status: 400, json: { Message: 'Order item not found' } });
  });

  it('when a processed order is edited, then by default the call answers 2xx and nothing changes; with reject, a 400', async () => {
    await start();
    h.emulator.control.processOrder({ order: open.OrderId, trackingNumber: 'T' });
    const address = { ...open.CustomerInfo.Address, Town: 'Elsewhere' };
    const info = { ...open.CustomerInfo, Address: address };
    const totals = await h.client.setOrderCustomerInfo({ orderId: open.OrderId, info });

    expect(totals?.TotalCharge).toBe(27.99);
    expect((await reread()).CustomerInfo.Address.Town).toBe(open.CustomerInfo.Address.Town);
    const removed = await h.client.removeOrderItem({ ...where(), rowId: open.Items[0]!.RowId });
    expect(removed.TotalsInfo.TotalCharge).toBe(27.99);
    await h.emulator.close();

    await start({ processedOrderEdits: 'reject' });
    h.emulator.control.processOrder({ order: open.OrderId, trackingNumber: 'T' });
    const res = await h.api('Orders/SetOrderCustomerInfo', { orderId: open.OrderId, info });
    expect(res).toEqual({
      status: 400,
      json: { Message: `Order ${open.NumOrderId} is processed and cannot be edited` },
    });
  });
});
