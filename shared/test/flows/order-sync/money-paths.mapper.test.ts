import type { Order, Payment } from '@commercetools/platform-sdk';

import {
  allUnitsCancelled,
  orderAsSent,
  withoutCancelledUnits,
} from '../../../src/flows/order-sync/line-cancellation';
import { ctRefundsOf, refundLinesFor } from '../../../src/flows/order-sync/refund-lines.mapper';
import type { LinnworksOrderItem } from '../../../src/linnworks/linnworks-types';

const eur = (centAmount: number) => ({
  type: 'centPrecision' as const,
  currencyCode: 'EUR',
  centAmount,
  fractionDigits: 2,
});

function line(
  id: string,
  quantity: number,
  gross: number,
  net: number,
  states: Array<[string, number]>,
) {
  return {
    id,
    quantity,
    totalPrice: eur(gross),
    taxedPrice: { totalGross: eur(gross), totalNet: eur(net), totalTax: eur(gross - net) },
    state: states.map(([key, q]) => ({
      quantity: q,
      state: { typeId: 'state', id: `id-${key}`, obj: { key } },
    })),
  };
}

function order(lines: ReturnType<typeof line>[], extra: Partial<Order> = {}): Order {
  const gross = lines.reduce((s, l) => s + l.taxedPrice.totalGross.centAmount, 0);
  const net = lines.reduce((s, l) => s + l.taxedPrice.totalNet.centAmount, 0);

  return {
    id: 'o1',
    lineItems: lines,
    totalPrice: eur(gross),
    taxedPrice: {
      totalGross: eur(gross),
      totalNet: eur(net),
      totalTax: eur(gross - net),
      taxPortions: [],
    },
    ...extra,
  } as unknown as Order;
}

describe('withoutCancelledUnits', () => {
  it('when 2 of 3 units sit in a cancelled state, then the line keeps 1 unit and its price, and the order totals drop by exactly what the line lost', () => {
    const o = order([
      line('a', 3, 5997, 5039, [
        ['Initial', 1],
        ['ct-line-cancelled', 2],
      ]),
      line('b', 1, 2500, 2101, [['Initial', 1]]),
    ]);
    const after = withoutCancelledUnits(o, ['ct-line-cancelled', 'lw-line-cancelled']);
    const [a, b] = after.lineItems;
    expect([a?.quantity, a?.totalPrice.centAmount, a?.taxedPrice?.totalGross.centAmount]).toEqual([
      1, 1999, 1999,
    ]);
    expect(a?.taxedPrice?.totalNet.centAmount).toBe(1680);
    expect(b).toBe(o.lineItems[1]);
    expect(after.taxedPrice?.totalGross.centAmount).toBe(1999 + 2500);
    expect(after.taxedPrice?.totalNet.centAmount).toBe(1680 + 2101);
    expect(after.totalPrice.centAmount).toBe(1999 + 2500);
  });

  it('when no unit sits in a cancelled state, or no state is configured, then the order is returned as it is', () => {
    const o = order([line('a', 3, 5997, 5039, [['Initial', 3]])]);
    expect(withoutCancelledUnits(o, ['ct-line-cancelled'])).toBe(o);
    expect(withoutCancelledUnits(o, [undefined])).toBe(o);
  });
});

describe('orderAsSent and allUnitsCancelled (the create path)', () => {
  const settings = {
    cancelledLineState: 'ct-line-cancelled',
    linnworksCancelledLineState: 'lw-line-cancelled',
  };

  it('when units sit in either cancelled state, then the order as sent leaves both out; a line fully cancelled keeps 0 units (the mapper omits it), its neighbour is untouched', () => {
    const o = order([
      line('a', 3, 5997, 5039, [
        ['Initial', 1],
        ['ct-line-cancelled', 1],
        ['lw-line-cancelled', 1],
      ]),
      line('b', 2, 5000, 4202, [['ct-line-cancelled', 2]]),
      line('c', 1, 2500, 2101, [['Initial', 1]]),
    ]);
    const sent = orderAsSent(o, settings);
    expect(sent.lineItems.map((l) => [l.id, l.quantity, l.totalPrice.centAmount])).toEqual([
      ['a', 1, 1999],
      ['b', 0, 0],
      ['c', 1, 2500],
    ]);
    expect(sent.lineItems[2]).toBe(o.lineItems[2]);
    expect(sent.taxedPrice?.totalGross.centAmount).toBe(1999 + 2500);
    expect(sent.totalPrice.centAmount).toBe(1999 + 2500);
    expect(allUnitsCancelled(o, sent)).toBe(false);
  });

  it('when every unit of every line is cancelled, then allUnitsCancelled says so and the totals as sent are 0', () => {
    const o = order([
      line('a', 3, 5997, 5039, [
        ['ct-line-cancelled', 2],
        ['lw-line-cancelled', 1],
      ]),
      line('b', 1, 2500, 2101, [['ct-line-cancelled', 1]]),
    ]);
    const sent = orderAsSent(o, settings);
    expect(allUnitsCancelled(o, sent)).toBe(true);
    expect(sent.taxedPrice?.totalGross.centAmount).toBe(0);
    expect(sent.taxedPrice?.totalNet.centAmount).toBe(0);
  });

  it('when the order had no units to begin with, or a custom line item is left, then it is not "all cancelled" (the mapper decides: NO_LINES, or the service line goes)', () => {
    const empty = order([]);
    expect(allUnitsCancelled(empty, orderAsSent(empty, settings))).toBe(false);
    const withFee = order([line('a', 1, 1000, 840, [['ct-line-cancelled', 1]])], {
      customLineItems: [{ quantity: 1 }] as unknown as Order['customLineItems'],
    });
    expect(allUnitsCancelled(withFee, orderAsSent(withFee, settings))).toBe(false);
  });

  it('when no cancelled state is configured, then the order is sent as it is', () => {
    const o = order([line('a', 3, 5997, 5039, [['ct-line-cancelled', 3]])]);
    expect(orderAsSent(o, {})).toBe(o);
    expect(allUnitsCancelled(o, orderAsSent(o, {}))).toBe(false);
  });
});

const item = (over: Partial<LinnworksOrderItem>) =>
  ({
    RowId: 'row-a',
    ItemNumber: 'a',
    Quantity: 3,
    CostIncTax: 59.97,
    ...over,
  }) as LinnworksOrderItem;

function payment(transactions: Array<Record<string, unknown>>): Payment {
  return {
    transactions: transactions.map((t, i) => ({
      id: `t${i}`,
      type: 'Refund',
      state: 'Success',
      amount: eur(100),
      ...t,
    })),
  } as unknown as Payment;
}

describe('refunds commercetools → Linnworks (pure)', () => {
  it('when refunds are listed, then only successful ones that did not come from Linnworks count, oldest first', () => {
    const refunds = ctRefundsOf([
      payment([
        { timestamp: '2026-01-02T00:00:00Z' },
        { timestamp: '2026-01-01T00:00:00Z' },
        { state: 'Pending' },
        { type: 'Charge' },
        { interactionId: 'lw-refund-x' },
      ]),
    ]);
    expect(refunds.map((r) => [r.transaction.id, r.reference])).toEqual([
      ['t1', 'ct-tx-t1'],
      ['t0', 'ct-tx-t0'],
    ]);
  });

  it('when a refund pays exactly for the refunded return items, then it is per line and quantity; the next refund is order-level', () => {
    const o = order([line('a', 3, 5997, 5039, [['Initial', 3]])], {
      returnInfo: [
        {
          items: [
            {
              id: 'r1',
              type: 'LineItemReturnItem',
              lineItemId: 'a',
              quantity: 2,
              paymentState: 'Refunded',
            },
          ],
        },
      ],
    } as unknown as Partial<Order>);
    const refunds = ctRefundsOf([
      payment([
        { amount: eur(3998), timestamp: '2026-01-01T00:00:00Z' },
        { amount: eur(500), timestamp: '2026-01-02T00:00:00Z' },
      ]),
    ]);
    const plans = refundLinesFor(o, [item({})], refunds);
    expect(plans.get('ct-tx-t0')).toEqual([
      expect.objectContaining({
        RefundedUnit: 'Item',
        OrderItemRowId: 'row-a',
        Quantity: 2,
        Amount: 39.98,
        ExternalReference: 'ct-tx-t0',
      }),
    ]);
    expect(plans.get('ct-tx-t1')).toEqual([
      expect.objectContaining({
        RefundedUnit: 'Additional',
        Amount: 5,
        ExternalReference: 'ct-tx-t1',
      }),
    ]);
  });

  it("when the amount differs from the return items' value, or the items are the connector's own, then the refund is order-level", () => {
    const returns = (key: string) =>
      ({
        returnInfo: [
          {
            items: [
              {
                id: 'r1',
                key,
                type: 'LineItemReturnItem',
                lineItemId: 'a',
                quantity: 1,
                paymentState: 'Refunded',
              },
            ],
          },
        ],
      }) as unknown as Partial<Order>;
    const refunds = ctRefundsOf([payment([{ amount: eur(1999) }])]);
    const mine = refundLinesFor(
      order([line('a', 3, 5997, 5039, [])], returns('lw-rt-1')),
      [item({})],
      refunds,
    );
    expect(mine.get('ct-tx-t0')?.[0]?.RefundedUnit).toBe('Additional');
    const other = ctRefundsOf([payment([{ amount: eur(1500) }])]);
    const partial = refundLinesFor(
      order([line('a', 3, 5997, 5039, [])], returns('rma-1')),
      [item({})],
      other,
    );
    expect(partial.get('ct-tx-t0')?.[0]).toMatchObject({ RefundedUnit: 'Additional', Amount: 15 });
  });
});
