import type { Order } from '@commercetools/platform-sdk';

import {
  type LwRefundLine,
  planLateTracking,
  planPartialCancellations,
  planProgress,
  planRefunds,
} from '../../../src/flows/fulfillment-sync';
import type { LinnworksOrderPrintFlags } from '../../../src/linnworks';
import { ctOrder } from './order.fixture';

const refundLine = (
  over: Partial<LwRefundLine> & { sku: string; quantity: number },
): LwRefundLine => ({
  refundRowId: over.refundRowId ?? 'rr-1',
  refundHeaderId: 1,
  isCancellation: over.isCancellation ?? false,
  quantity: over.quantity,
  cancelledQuantity: over.cancelledQuantity ?? 0,
  line: { rowId: 'row', sku: over.sku, quantity: over.quantity },
  actionedDate: null,
});

describe('planRefunds', () => {
  it('when a refund line is new, then one keyed return item, its return payment state and the order payment state are written', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }]);
    const plan = planRefunds(order, [refundLine({ sku: 'A', quantity: 1 })], {
      returnPaymentState: 'Refunded',
      refundPaymentState: 'CreditOwed',
    });
    expect(plan).toEqual({
      applied: 1,
      actions: [
        {
          action: 'addReturnInfo',
          items: [
            {
              key: 'lw-rf-rr-1',
              lineItemId: 'li-a',
              quantity: 1,
              shipmentState: 'Returned',
              comment: 'Linnworks refund 1 [lw-rf-rr-1]',
            },
          ],
        },
        { action: 'setReturnPaymentState', returnItemKey: 'lw-rf-rr-1', paymentState: 'Refunded' },
        { action: 'changePaymentState', paymentState: 'CreditOwed' },
      ],
    });
  });

  it('when the refund line is already on the order by key or comment marker, then nothing is written', () => {
    const withKey = ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }], {
      returnInfo: [
        {
          items: [
            { key: 'lw-rf-rr-1', type: 'LineItemReturnItem', lineItemId: 'li-a', quantity: 1 },
          ],
        },
      ],
    } as unknown as Partial<Order>);
    const withComment = ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }], {
      returnInfo: [
        {
          items: [
            {
              comment: 'x [lw-rf-rr-1]',
              type: 'LineItemReturnItem',
              lineItemId: 'li-a',
              quantity: 1,
            },
          ],
        },
      ],
    } as unknown as Partial<Order>);
    const settings = { returnPaymentState: undefined, refundPaymentState: undefined };
    expect(planRefunds(withKey, [refundLine({ sku: 'A', quantity: 1 })], settings)).toEqual({
      actions: [],
      applied: 0,
    });
    expect(planRefunds(withComment, [refundLine({ sku: 'A', quantity: 1 })], settings)).toEqual({
      actions: [],
      applied: 0,
    });
  });

  it('when more units are refunded than remain unreturned, then the refund is rejected as unmatched', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 1 }], {
      returnInfo: [
        {
          items: [
            { key: 'lw-rf-old', type: 'LineItemReturnItem', lineItemId: 'li-a', quantity: 1 },
          ],
        },
      ],
    } as unknown as Partial<Order>);
    const plan = planRefunds(order, [refundLine({ sku: 'A', quantity: 1 })], {
      returnPaymentState: undefined,
      refundPaymentState: undefined,
    });
    expect(plan).toMatchObject({ problem: { reasonCode: 'LINE_UNMATCHED' } });
  });
});

describe('planPartialCancellations', () => {
  it('when Linnworks cancelled part of a line, then that quantity transitions to the cancelled line state, and only the difference on a rerun', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 3 }]);
    const lines = [
      refundLine({ sku: 'A', quantity: 0, isCancellation: true, cancelledQuantity: 2 }),
    ];
    lines[0]!.line.quantity = 2;
    const cancelled = { key: 'lw-line-cancelled', id: 'cancel-id' };

    expect(planPartialCancellations(order, lines, cancelled)).toEqual({
      actions: [
        {
          action: 'transitionLineItemState',
          lineItemId: 'li-a',
          quantity: 2,
          fromState: { typeId: 'state', id: 'initial-state' },
          toState: { typeId: 'state', key: 'lw-line-cancelled' },
        },
      ],
    });
    const after = ctOrder([{ id: 'li-a', sku: 'A', quantity: 3 }]);
    (after.lineItems[0] as { state: unknown }).state = [
      { quantity: 1, state: { typeId: 'state', id: 'initial-state' } },
      { quantity: 2, state: { typeId: 'state', id: 'cancel-id' } },
    ];
    expect(planPartialCancellations(after, lines, cancelled)).toEqual({ actions: [] });
  });
});

describe('planProgress', () => {
  const rules = [
    { flag: 'PickListPrinted' as const, state: 'lw-picking' },
    { flag: 'LabelPrinted' as const, state: 'lw-packed', shipmentState: 'Ready' as const },
  ];
  const ids = new Map([
    ['lw-picking', 'id-picking'],
    ['lw-packed', 'id-packed'],
  ]);
  const flags = (over: Partial<LinnworksOrderPrintFlags>): LinnworksOrderPrintFlags => ({
    OrderId: 'lw-1',
    NumOrderId: 1,
    Processed: false,
    PickListPrinted: false,
    InvoicePrinted: false,
    LabelPrinted: false,
    PartShipped: false,
    HoldOrCancel: false,
    ...over,
  });

  it('when the label is printed, then the order moves to the packed state and shipment state Ready', () => {
    const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }]);
    expect(
      planProgress(order, flags({ PickListPrinted: true, LabelPrinted: true }), rules, ids),
    ).toEqual([
      { action: 'transitionState', state: { typeId: 'state', key: 'lw-packed' } },
      { action: 'changeShipmentState', shipmentState: 'Ready' },
    ]);
  });

  it('when the order is already packed and only the pick flag is seen, then it never moves back', () => {
    const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }], {
      state: { typeId: 'state', id: 'id-packed' },
    });
    expect(planProgress(order, flags({ PickListPrinted: true }), rules, ids)).toEqual([]);
  });

  it('when the order is already in the target state, then nothing is written', () => {
    const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }], {
      state: { typeId: 'state', id: 'id-picking' },
    });
    expect(planProgress(order, flags({ PickListPrinted: true }), rules, ids)).toEqual([]);
  });
});

describe('planLateTracking', () => {
  const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }], {
    shippingInfo: {
      deliveries: [{ id: 'd1', key: 'lw-x', items: [], parcels: [{ id: 'p1', key: 'lw-x-1' }] }],
    },
  } as unknown as Partial<Order>);
  const tracking = new Map([['lw-x-1', { trackingId: 'T9', carrier: 'DPD' }]]);

  it('when tracking arrives in set-tracking mode, then the parcel gets it by key', () => {
    expect(planLateTracking(order, 'lw-x', tracking, 'set-tracking')).toEqual([
      {
        action: 'setParcelTrackingData',
        parcelKey: 'lw-x-1',
        trackingData: { trackingId: 'T9', carrier: 'DPD' },
      },
    ]);
  });

  it('when tracking arrives in add-parcel mode, then a tracking parcel is added once', () => {
    expect(planLateTracking(order, 'lw-x', tracking, 'add-parcel')).toEqual([
      {
        action: 'addParcelToDelivery',
        deliveryId: 'd1',
        parcelKey: 'lw-x-1-tracking',
        trackingData: { trackingId: 'T9', carrier: 'DPD' },
      },
    ]);
  });
});
