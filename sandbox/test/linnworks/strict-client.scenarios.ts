import {
  type LinnworksChannelOrder,
  type LinnworksClient,
  type LinnworksOrderDetails,
  PermanentUpstreamError,
} from 'shared';

import { ZERO_GUID } from '../../linnworks-emulator/src';
import { channelOrder, type Harness } from './emulator-harness';

/**
 * The calls of issues #14, #15 and #16, each through the real client against the strict
 * emulator: the strict-client suite runs them in both enum forms.
 */

const order = (overrides: Record<string, unknown> = {}) =>
  channelOrder(overrides) as LinnworksChannelOrder;

async function created(client: LinnworksClient, reference: string): Promise<LinnworksOrderDetails> {
  const [id = ''] = await client.createOrders({
    orders: [order({ ReferenceNumber: reference })],
    location: 'Default',
  });
  const [details] = await client.getOrdersById({ orderIds: [id] });

  return details!;
}

/** #15: customer info, shipping info and the three order-item calls on an open order. */
export async function editsAnOpenOrder(h: Harness, client: LinnworksClient): Promise<void> {
  const before = await created(client, 'CT-EDIT');
  const orderId = before.OrderId;
  const fulfilmentCenter = before.FulfilmentLocationId!;
  const { Address, BillingAddress } = before.CustomerInfo;
  const totals = await client.setOrderCustomerInfo({
    orderId,
    info: { ChannelBuyerName: 'jane', Address: { ...Address, Town: 'York' }, BillingAddress },
  });
  expect(totals?.TotalCharge).toBe(before.TotalsInfo.TotalCharge);

  const dpd = (await client.getPostalServices()).find(
    (s) => s.PostalServiceName === 'DPD Next Day',
  );
  const shipping = await client.setOrderShippingInfo({
    orderId,
    info: {
      PostalServiceId: dpd!.pkPostalServiceId,
      PostageCost: 6,
      TrackingNumber: '',
      ManualAdjust: true,
    },
  });
  expect(shipping?.ShippingInfo).toMatchObject({
    PostalServiceName: 'DPD Next Day',
    PostageCost: 6,
  });
  // 3 × 12 incl. 20 % = 30 ex tax + 6 tax; postage 6 = 5 + 1 tax; total 42.
  const item = before.Items[0]!;
  const edit = { orderId, fulfilmentCenter, source: 'COMMERCETOOLS', subSource: 'ct-store-uk' };
  const updated = await client.updateOrderItem({ ...edit, item, changes: { Quantity: 3 } });
  expect(updated.Item).toMatchObject({ Quantity: 3, CostIncTax: 36 });
  expect(updated.TotalsInfo).toMatchObject({ Subtotal: 30, Tax: 7, TotalCharge: 42 });

  const [sku2] = await client.getStockItemIdsBySku({ skus: ['SKU-2'] });
  const added = await client.addOrderItem({
    orderId,
    fulfilmentCenter,
    stockItemId: sku2!.StockItemId,
    channelSku: 'SKU-2',
    quantity: 1,
    linePricing: {
      PricePerUnit: 6,
      DiscountPercentage: 0,
      TaxRatePercentage: 20,
      TaxInclusive: true,
    },
  });
  expect(added.Item).toMatchObject({ SKU: 'SKU-2', ItemNumber: '', CostIncTax: 6 });
  expect(added.TotalsInfo.TotalCharge).toBe(48);
  const removed = await client.removeOrderItem({
    orderId,
    fulfilmentCenter,
    rowId: added.Item!.RowId,
  });
  expect(removed.TotalsInfo.TotalCharge).toBe(42);

  const [after] = await client.getOrdersById({ orderIds: [orderId] });
  expect(after?.CustomerInfo.Address.Town).toBe('York');
  expect(after?.CustomerInfo.ChannelBuyerName).toBe('jane');
  expect(after?.Items.map((i) => [i.SKU, i.Quantity])).toEqual([['SKU-1', 3]]);
  expect(
    h.emulator.control.getStock('SKU-2').find((s) => s.locationName === 'Default')?.inOrders,
  ).toBe(0);
}

/** #14: open orders of a location received in a window, every channel, with their items. */
export async function listsOpenOrdersReceivedSince(client: LinnworksClient): Promise<void> {
  await client.createOrders({
    orders: [
      order({ ReferenceNumber: 'AMZ-1', Source: 'AMAZON', ReceivedDate: '2025-06-01T09:00:00Z' }),
      order({ ReferenceNumber: 'CT-OLD', ReceivedDate: '2025-04-01T09:00:00Z' }),
    ],
    location: 'Default',
  });
  const page = await client.getOpenOrders({
    fulfilmentCenter: ZERO_GUID,
    receivedFrom: '2025-05-15T00:00:00Z',
    receivedTo: '2025-06-02T00:00:00Z',
    pageNumber: 1,
    entriesPerPage: 50,
  });
  expect(page.Data.map((o) => o.GeneralInfo.ReferenceNum)).toEqual(['AMZ-1']);
  expect(page.Data[0]?.Items.map((i) => [i.SKU, i.Quantity])).toEqual([['SKU-1', 2]]);
}

/** #16: whole cancellation of an open order; refund, refusal and action on a processed one. */
export async function givesMoneyBack(h: Harness, client: LinnworksClient): Promise<void> {
  const open = await created(client, 'CT-CANCEL');
  const options = await client.getCancellationOptions({ orderId: open.OrderId });
  expect(options).toMatchObject({ CanCancelInternally: true, CanCancelOrderLines: false });
  const cancellation = await client.createCancellation({ orderId: open.OrderId, note: 'asked' });
  expect(cancellation?.Status).toBe('PROCESSED');
  const refusal = await client
    .createRefund({
      orderId: (await created(client, 'CT-OPEN')).OrderId,
      channelInitiated: true,
      lines: [{ RefundedUnit: 'Additional', Amount: 1 }],
    })
    .catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(PermanentUpstreamError);
  expect((refusal as PermanentUpstreamError).details).toMatchObject({
    cannotRefundReason: 'OpenOrderInLinnworks',
  });

  const shipped = await created(client, 'CT-PAID-BACK');
  h.emulator.control.processOrder({ order: shipped.OrderId, trackingNumber: 'T9' });
  const orderId = shipped.OrderId;
  expect((await client.getRefundOptions({ orderId })).CannotRefundReason).toBe('None');
  const line = { OrderItemRowId: shipped.Items[0]!.RowId, ExternalReference: 'ct-refund-1' };
  const booked = await client.createRefund({
    orderId,
    channelInitiated: true,
    lines: [
      { ...line, RefundedUnit: 'Item', Amount: 12, Quantity: 1, FreeTextOrNote: 'damaged' },
      { RefundedUnit: 'Shipping', Amount: 3.99, ExternalReference: 'ct-refund-1' },
    ],
  });
  expect(booked.Status).toBe('OPEN');
  const actioned = await client.actionRefund({ orderId, refundHeaderId: booked.RefundHeaderId! });
  expect(actioned).toMatchObject({ SuccessfullyActioned: true, Status: 'PROCESSED' });
  const existing = (await client.getRefundOptions({ orderId })).AllExistingRefunds;
  expect(existing.map((r) => [r.RefundedUnit, r.ExternalReference, r.Actioned])).toEqual([
    ['Item', 'ct-refund-1', true],
    ['Shipping', 'ct-refund-1', true],
  ]);
  const over = await client
    .createRefund({
      orderId,
      channelInitiated: true,
      lines: [{ ...line, RefundedUnit: 'Item', Amount: 12.01 }],
    })
    .catch((error: unknown) => error);
  expect((over as PermanentUpstreamError).details).toMatchObject({
    lineErrors: [expect.objectContaining({ error: 'OverRefunding' })],
  });
}
