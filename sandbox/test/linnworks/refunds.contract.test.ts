import { type LinnworksChannelOrder } from 'shared';

import { channelOrder, type Harness, startHarness } from './emulator-harness';

function order(reference: string): LinnworksChannelOrder {
  const items = [
    {
      ItemNumber: 'SKU-1',
      ChannelSKU: 'SKU-1',
      ItemTitle: 'Mug',
      Qty: 3,
      PricePerUnit: 12,
      TaxRate: 20,
      TaxCostInclusive: true,
      UseChannelTax: true,
      LineDiscount: 0,
      IsService: false,
    },
    {
      ItemNumber: 'SKU-2',
      ChannelSKU: 'SKU-2',
      ItemTitle: 'Plate',
      Qty: 2,
      PricePerUnit: 8,
      TaxRate: 20,
      TaxCostInclusive: true,
      UseChannelTax: true,
      LineDiscount: 0,
      IsService: false,
    },
  ];

  return channelOrder({ ReferenceNumber: reference, OrderItems: items }) as LinnworksChannelOrder;
}

describe('Linnworks refunds, returns and partial cancellations', () => {
  let h: Harness;
  let orderId: string;
  const window = () => ({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedItems([
      { sku: 'SKU-1', stock: { Default: 10 } },
      { sku: 'SKU-2', stock: { Default: 10 } },
    ]);
    [orderId = ''] = await h.client.createOrders({ orders: [order('CT-R')], location: 'Default' });
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when some quantity of a line and the shipping are refunded, then headers and lines carry row id, quantity and amount', async () => {
    h.emulator.control.processOrder({ order: orderId, trackingNumber: 'T' });
    const [details] = await h.client.getOrdersById({ orderIds: [orderId] });
    const mugRow = details?.Items.find((i) => i.SKU === 'SKU-1')?.RowId;
    const { refundHeaderId } = h.emulator.control.refundOrder({
      order: orderId,
      lines: [{ sku: 'SKU-1', quantity: 1, amount: 12 }],
      shippingAmount: 3.99,
      reasonTag: 'DAMAGED',
    });

    const headers = await h.client.getRefundHeadersByOrderId({ orderId });
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({
      RefundHeaderId: refundHeaderId,
      OrderId: orderId,
      Amount: 15.99,
      Status: 'PROCESSED',
      Actioned: true,
      // As in Linnworks' own sample: headers come without their lines.
      RefundLines: null,
    });

    const lines = await h.client.getRefundLinesByHeaderId({ orderId, refundHeaderId });
    expect(
      lines.map((l) => [
        l.RefundedUnit,
        l.Quantity,
        l.Amount,
        l.RefundedItem?.OrderItemRowId ?? null,
        l.IsCancellation,
      ]),
    ).toEqual([
      ['Item', 1, 12, mugRow, false],
      ['Shipping', 0, 3.99, null, false],
    ]);

    const legacy = await h.client.getRefunds({ orderId });
    expect(legacy.map((r) => [r.SKU, r.Amount, r.fkOrderItemRowId, r.IsItem])).toEqual([
      ['SKU-1', 12, mugRow, true],
      ['', 3.99, null, false],
    ]);
  });

  it('when refunds are searched by date, then each refunded line is a row', async () => {
    h.emulator.control.processOrder({ order: orderId, trackingNumber: 'T' });
    h.emulator.control.refundOrder({
      order: orderId,
      lines: [{ sku: 'SKU-2', quantity: 2, amount: 16 }],
    });

    const page = await h.client.searchReturnsRefunds({
      historyType: 'REFUNDS',
      dateType: 'ACTIONED',
      ...window(),
      pageNumber: 1,
      entriesPerPage: 50,
    });

    expect(page.TotalEntries).toBe(1);
    expect(page.Data[0]).toMatchObject({
      pkOrderID: orderId,
      ReferenceNum: 'CT-R',
      ItemNumber: 'SKU-2',
      Amount: 16,
      RefundStatus: 'PROCESSED',
    });
  });

  it('when items are returned with a refund and restocked, then ReturnInfo rows link the refund and stock goes back', async () => {
    h.emulator.control.processOrder({ order: orderId, trackingNumber: 'T' });
    h.emulator.control.returnItems({
      order: orderId,
      type: 'RETURNREFUND',
      lines: [{ sku: 'SKU-1', quantity: 2, reason: 'Too big' }],
      refundAmounts: [24],
      restock: true,
    });

    const returns = await h.client.getReturnsExchanges({ orderId });
    expect(returns).toHaveLength(1);
    expect(returns[0]).toMatchObject({
      RowType: 'RETURNREFUND',
      SKU: 'SKU-1',
      ReturnQty: 2,
      Reason: 'Too big',
      RefundedAmount: 24,
    });
    expect(returns[0]?.fkRefundRowId).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.emulator.control.getStock('SKU-1')[0]?.stockLevel).toBe(9);

    const page = await h.client.searchReturnsRefunds({
      historyType: 'RETURNS',
      dateType: 'ACTIONED',
      ...window(),
      pageNumber: 1,
      entriesPerPage: 50,
    });
    expect(page.Data.map((r) => [r.ItemNumber, r.ReturnQty, r.RowType])).toEqual([
      ['SKU-1', 2, 'RETURNREFUND'],
    ]);
  });

  it('when an open order is partly cancelled, then the lines shrink, allocation is released and a cancellation row appears', async () => {
    h.emulator.control.cancelOrder({ order: orderId, lines: [{ sku: 'SKU-1', quantity: 2 }] });

    const [details] = await h.client.getOrdersById({ orderIds: [orderId] });
    expect(details?.Processed).toBe(false);
    expect(details?.Items.find((i) => i.SKU === 'SKU-1')?.Quantity).toBe(1);
    expect(h.emulator.control.getStock('SKU-1')[0]?.inOrders).toBe(1);

    const [header] = await h.client.getRefundHeadersByOrderId({ orderId });
    const cancelled = await h.client.getRefundLinesByHeaderId({
      orderId,
      refundHeaderId: header?.RefundHeaderId ?? 0,
    });
    expect(
      cancelled.map((l) => [l.IsCancellation, l.RefundedItem?.CancelledQuantity, l.Quantity]),
    ).toEqual([[true, 2, 2]]);
    const page = await h.client.searchReturnsRefunds({
      historyType: 'CANCELLATIONS',
      dateType: 'BOOKED',
      ...window(),
      pageNumber: 1,
      entriesPerPage: 50,
    });
    expect(page.Data.map((r) => [r.ItemNumber, r.CancellationQuantity])).toEqual([['SKU-1', 2]]);
    const refunds = await h.client.searchReturnsRefunds({
      historyType: 'REFUNDS',
      dateType: 'BOOKED',
      ...window(),
      pageNumber: 1,
      entriesPerPage: 50,
    });
    expect(refunds.Data).toEqual([]);
  });

  it('when the refund endpoints are called without the request wrapper, then Linnworks answers 400', async () => {
    const token = await h.sessionToken();

    const res = await h.raw('/api/ReturnsRefunds/GetRefundHeadersByOrderId', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ OrderId: orderId }),
    });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ Message: "'request' parameter is missing" });
  });
});
