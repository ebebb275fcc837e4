import type { Order } from '@commercetools/platform-sdk';

import { deliveryPlan, messagesForOrder } from '../../src/stack/order-messages';

function order(over: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    version: 1,
    orderNumber: 'CT-1',
    orderState: 'Open',
    lastModifiedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  } as Order;
}

let ids = 0;
const newId = () => `m-${++ids}`;

describe('messagesForOrder', () => {
  it('when an order is seen for the first time, then one OrderCreated carrying the order is emitted', () => {
    const { messages, seen } = messagesForOrder(order(), undefined, 'p', newId);

    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      notificationType: 'Message',
      type: 'OrderCreated',
      resource: { typeId: 'order', id: 'o-1' },
      resourceVersion: 1,
      sequenceNumber: 1,
      resourceUserProvidedIdentifiers: { orderNumber: 'CT-1' },
      order: { id: 'o-1' },
    });
    expect(seen).toEqual({
      version: 1,
      orderState: 'Open',
      paymentState: undefined,
      sequenceNumber: 1,
    });
  });

  it('when the order and payment states change, then one message per change with rising sequence numbers', () => {
    const first = messagesForOrder(order(), undefined, 'p', newId).seen;
    const { messages } = messagesForOrder(
      order({ version: 3, orderState: 'Cancelled', paymentState: 'Paid' }),
      first,
      'p',
      newId,
    );

    expect(messages.map((m) => [m.type, m.sequenceNumber])).toEqual([
      ['OrderStateChanged', 2],
      ['OrderPaymentStateChanged', 3],
    ]);
    expect(messages[0]).toMatchObject({ orderState: 'Cancelled', oldOrderState: 'Open' });
  });

  it('when only other fields changed (sync info, deliveries), then nothing order-sync handles is emitted', () => {
    const first = messagesForOrder(order(), undefined, 'p', newId).seen;
    const { messages, seen } = messagesForOrder(order({ version: 2 }), first, 'p', newId);

    expect(messages).toEqual([]);
    expect(seen.version).toBe(2);
  });

  it('when a version was already seen, then it emits nothing again', () => {
    const first = messagesForOrder(order({ version: 4 }), undefined, 'p', newId).seen;

    expect(
      messagesForOrder(order({ version: 4, orderState: 'Complete' }), first, 'p', newId).messages,
    ).toEqual([]);
  });
});

describe('deliveryPlan', () => {
  it('when no duplicates or shuffling are asked, then each message is delivered once in order', () => {
    expect(deliveryPlan(['a', 'b', 'c'], {}, Math.random)).toEqual(['a', 'b', 'c']);
  });

  it('when duplicates are asked, then every message appears that many extra times', () => {
    const plan = deliveryPlan(['a', 'b'], { duplicates: 2 }, Math.random);

    expect(plan.filter((m) => m === 'a')).toHaveLength(3);
    expect(plan.filter((m) => m === 'b')).toHaveLength(3);
  });

  it('when shuffling is asked, then the same deliveries arrive in another order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
    const input = Array.from({ length: 20 }, (_, i) => i);
    const plan = deliveryPlan(input, { shuffle: true }, random);

    expect([...plan].sort((x, y) => x - y)).toEqual(input);
    expect(plan).not.toEqual(input);
  });
});
