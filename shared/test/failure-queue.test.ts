import { ctTestApi } from 'shared/testing';

import { CtStateStore } from '../src/state/ct-state-store';
import { FailureQueue } from '../src/state/failure-queue';

describe('FailureQueue on the commercetools test server', () => {
  const queue = new FailureQueue(new CtStateStore(ctTestApi()));
  const base = {
    flow: 'order-sync',
    reasonCode: 'SKU_MISSING',
    message: 'lineItems[0].variant.sku: is missing',
    retryable: false,
  };

  it('when the same resource fails twice, then one record counts two attempts and keeps the first correlation ID', async () => {
    await queue.record({ ...base, ref: { type: 'order', id: 'o-1' }, correlationId: 'c-1' });
    const second = await queue.record({
      ...base,
      ref: { type: 'order', id: 'o-1' },
      correlationId: 'c-2',
    });
    expect(second).toMatchObject({
      attempts: 2,
      correlationId: 'c-1',
      correlationIds: ['c-1', 'c-2'],
      status: 'pending',
    });
  });

  it('when filtering by flow, reason and status, then only matching records are listed', async () => {
    await queue.record({
      ...base,
      flow: 'stock-sync',
      reasonCode: 'LINNWORKS_UNAVAILABLE',
      retryable: true,
      ref: { type: 'chunk', id: '3' },
    });
    await queue.record({ ...base, ref: { type: 'order', id: 'o-2' } });
    const orders = await queue.list({ flow: 'order-sync', status: 'pending' });
    expect(orders.items.map((f) => f.ref.id).sort()).toEqual(['o-1', 'o-2']);
    const stock = await queue.list({ reasonCode: 'LINNWORKS_UNAVAILABLE' });
    expect(stock.items).toHaveLength(1);
    expect(stock.items[0]).toMatchObject({ flow: 'stock-sync', retryable: true });
  });

  it('when a failure is resolved, then it leaves the pending list and a new failure starts a new count', async () => {
    const ref = { type: 'order', id: 'o-3' };
    const first = await queue.record({ ...base, ref });
    await queue.resolve(first.id, 'replayed');
    expect((await queue.get(first.id))?.status).toBe('resolved');
    const pending = await queue.list({ status: 'pending', flow: 'order-sync' });
    expect(pending.items.map((f) => f.ref.id)).not.toContain('o-3');
    expect((await queue.record({ ...base, ref })).attempts).toBe(1);
  });

  it('when resolveFor finds nothing pending, then it writes nothing', async () => {
    await queue.resolveFor('order-sync', { type: 'order', id: 'never-failed' }, 'synced');
    expect(await queue.get('order-sync.order.never-failed')).toBeUndefined();
  });
});
