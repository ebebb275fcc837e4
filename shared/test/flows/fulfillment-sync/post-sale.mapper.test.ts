import type { Order } from '@commercetools/platform-sdk';

import {
  type LwRefundLine,
  type LwReturn,
} from '../../../src/flows/fulfillment-sync/fulfillment.types';
import { type StateInfo } from '../../../src/flows/fulfillment-sync/fulfillment-states';
import { planLateTracking } from '../../../src/flows/fulfillment-sync/tracking.mapper';
import { planPartialCancellations } from '../../../src/flows/fulfillment-sync/cancellation.mapper';
import { planProgress } from '../../../src/flows/fulfillment-sync/progress.mapper';
import { planReturns } from '../../../src/flows/fulfillment-sync/refund.mapper';
import { type LinnworksOrderPrintFlags } from '../../../src/linnworks/linnworks-types';
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

const returnRow = (over: Partial<LwReturn> & { sku: string; quantity: number }): LwReturn => ({
  returnId: over.returnId ?? 11,
  type: over.type ?? 'RETURNREFUND',
  completed: over.completed ?? true,
  line: { rowId: 'row', sku: over.sku, quantity: over.quantity },
  refundRowId: over.refundRowId === undefined ? 'rr-1' : over.refundRowId,
  returnDate: null,
});

describe('planReturns (goods back only)', () => {
  it('when goods came back with a refund, then one keyed Returned item and its return payment state are written', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }]);
    const plan = planReturns(order, [returnRow({ sku: 'A', quantity: 1 })], {
      returnPaymentState: 'Refunded',
    });
    expect(plan).toEqual({
      applied: 1,
      actions: [
        {
          action: 'addReturnInfo',
          items: [
            {
              key: 'lw-rt-11',
              lineItemId: 'li-a',
              quantity: 1,
              shipmentState: 'Returned',
              comment: 'Linnworks returnrefund 11 [lw-rt-11]',
            },
          ],
        },
        { action: 'setReturnPaymentState', returnItemKey: 'lw-rt-11', paymentState: 'Refunded' },
      ],
    });
  });

  it('when goods came back without a refund, then the item is Returned and its payment state stays', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }]);
    const row = returnRow({ sku: 'A', quantity: 2, type: 'RETURN', refundRowId: null });
    const plan = planReturns(order, [row], { returnPaymentState: 'Refunded' });
    expect(plan).toMatchObject({ applied: 1, actions: [{ action: 'addReturnInfo' }] });
    expect('actions' in plan && plan.actions).toHaveLength(1);
  });

  it('when a row sends goods out (resend) or is a booking not yet completed, then no return item is written', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }]);
    const rows = [
      returnRow({ sku: 'A', quantity: 1, type: 'RESEND', returnId: 1 }),
      returnRow({ sku: 'A', quantity: 1, type: 'RETURNBOOKING', completed: false, returnId: 2 }),
    ];
    expect(planReturns(order, rows, { returnPaymentState: 'Refunded' })).toEqual({
      actions: [],
      applied: 0,
    });
  });

  it('when the row is already on the order by key, by comment marker or by its refund row (before #16), then nothing is written', () => {
    const withItem = (item: Record<string, unknown>) =>
      ctOrder([{ id: 'li-a', sku: 'A', quantity: 2 }], {
        returnInfo: [
          { items: [{ type: 'LineItemReturnItem', lineItemId: 'li-a', quantity: 1, ...item }] },
        ],
      } as unknown as Partial<Order>);
    const settings = { returnPaymentState: undefined };
    for (const order of [
      withItem({ key: 'lw-rt-11' }),
      withItem({ comment: 'x [lw-rt-11]' }),
      withItem({ key: 'lw-rf-rr-1' }),
    ]) {
      expect(planReturns(order, [returnRow({ sku: 'A', quantity: 1 })], settings)).toEqual({
        actions: [],
        applied: 0,
      });
    }
  });

  it('when more units come back than remain unreturned, then the return is rejected as unmatched', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 1 }], {
      returnInfo: [
        {
          items: [
            { key: 'lw-rt-old', type: 'LineItemReturnItem', lineItemId: 'li-a', quantity: 1 },
          ],
        },
      ],
    } as unknown as Partial<Order>);
    const plan = planReturns(order, [returnRow({ sku: 'A', quantity: 1 })], {
      returnPaymentState: undefined,
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

  const cancelTwo = () => {
    const lines = [
      refundLine({ sku: 'A', quantity: 0, isCancellation: true, cancelledQuantity: 2 }),
    ];
    lines[0]!.line.quantity = 2;

    return lines;
  };
  const expandedStates = (entries: Array<[string, number, string[] | undefined]>) =>
    entries.map(([key, quantity, transitions]) => ({
      quantity,
      state: {
        typeId: 'state',
        id: `id-${key}`,
        obj: {
          id: `id-${key}`,
          key,
          initial: key === 'Initial',
          ...(transitions
            ? { transitions: transitions.map((id) => ({ typeId: 'state', id })) }
            : {}),
        },
      },
    }));

  it("when the line's units sit in a state whose transitions do not list the cancelled state, then the cancellation is rejected naming the state and the fix", () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 3 }]);
    (order.lineItems[0] as { state: unknown }).state = expandedStates([
      ['Initial', 3, ['id-picked']],
    ]);
    const plan = planPartialCancellations(order, cancelTwo(), {
      key: 'lw-line-cancelled',
      id: 'id-cancel',
    });
    expect(plan).toEqual({
      problem: {
        reasonCode: 'LINE_STATE_TRANSITION_NOT_ALLOWED',
        message: expect.stringMatching(
          /line item li-a: line-item state Initial lists transitions without lw-line-cancelled: .* until lw-line-cancelled is added to its transitions/,
        ),
        field: 'cancellations',
        retryable: false,
      },
    });
  });

  it('when another state holding the units allows the move, then the units move out of that one', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 5 }]);
    (order.lineItems[0] as { state: unknown }).state = expandedStates([
      ['Initial', 3, ['id-picked']],
      ['backorder', 2, ['id-cancel']],
    ]);
    const plan = planPartialCancellations(order, cancelTwo(), {
      key: 'lw-line-cancelled',
      id: 'id-cancel',
    });
    expect(plan).toMatchObject({
      actions: [{ fromState: { typeId: 'state', id: 'id-backorder' }, quantity: 2 }],
    });
  });
});

describe('planProgress', () => {
  const rules = [
    { flag: 'PickListPrinted' as const, state: 'lw-picking' },
    { flag: 'LabelPrinted' as const, state: 'lw-packed', shipmentState: 'Ready' as const },
  ];
  const info = (key: string, initial = true, transitions?: string[]): StateInfo => ({
    id: `id-${key}`,
    key,
    initial,
    ...(transitions ? { transitions } : {}),
  });
  const states = new Map([
    ['lw-picking', info('lw-picking')],
    ['lw-packed', info('lw-packed')],
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
  /** An order whose current state was read expanded, as the flow reads orders. */
  const inState = (state: StateInfo) =>
    ctOrder([{ id: 'li', sku: 'A', quantity: 1 }], {
      state: {
        typeId: 'state',
        id: state.id,
        obj: {
          ...state,
          transitions: state.transitions?.map((id) => ({ typeId: 'state', id })),
        },
      },
    } as unknown as Partial<Order>);
  const toPacked = { action: 'transitionState', state: { typeId: 'state', key: 'lw-packed' } };
  const ready = { action: 'changeShipmentState', shipmentState: 'Ready' };
  const packedFlags = flags({ PickListPrinted: true, LabelPrinted: true });

  it('when the label is printed, then the order moves to the packed state and shipment state Ready', () => {
    const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }]);
    expect(planProgress(order, packedFlags, rules, states)).toEqual({
      actions: [toPacked, ready],
    });
  });

  it('when the order is already packed and only the pick flag is seen, then it never moves back', () => {
    const order = inState(info('lw-packed'));
    expect(planProgress(order, flags({ PickListPrinted: true }), rules, states)).toEqual({
      actions: [],
    });
  });

  it('when the order is already in the target state, then nothing is written', () => {
    const order = inState(info('lw-picking'));
    expect(planProgress(order, flags({ PickListPrinted: true }), rules, states)).toEqual({
      actions: [],
    });
  });

  it("when a merchant's state lists transitions without the target, then the transition is left out and reported, and the shipment state still moves", () => {
    const order = inState(info('on-hold', true, ['id-released']));
    expect(planProgress(order, packedFlags, rules, states)).toEqual({
      actions: [ready],
      blocked: { from: 'on-hold', to: 'lw-packed' },
    });
  });

  it("when a merchant's state lists the target or no transitions at all, then the order moves", () => {
    for (const merchant of [info('approved', true, ['id-lw-packed']), info('approved')]) {
      expect(planProgress(inState(merchant), packedFlags, rules, states)).toEqual({
        actions: [toPacked, ready],
      });
    }
  });

  it('when the order has no state and the target is not initial, then it is reported, or forced when the rule says so', () => {
    const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }]);
    const notInitial = new Map([...states, ['lw-packed', info('lw-packed', false)]]);
    expect(planProgress(order, packedFlags, rules, notInitial)).toEqual({
      actions: [ready],
      blocked: { from: undefined, to: 'lw-packed' },
    });
    const forcing = rules.map((r) => ({ ...r, force: true }));
    expect(planProgress(order, packedFlags, forcing, notInitial)).toEqual({
      actions: [{ ...toPacked, force: true }, ready],
    });
  });

  it("when the order's state was not read expanded, then the transition is sent and commercetools decides", () => {
    const order = ctOrder([{ id: 'li', sku: 'A', quantity: 1 }], {
      state: { typeId: 'state', id: 'id-unknown' },
    });
    expect(planProgress(order, packedFlags, rules, states).actions).toEqual([toPacked, ready]);
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
