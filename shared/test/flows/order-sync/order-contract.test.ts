import {
  ctLineItemIdOf,
  extendedPropertyOf,
  isConnectorOrder,
} from '../../../src/flows/order-sync/linnworks-order.contract';
import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';
import {
  ORDER_STATE_CONTAINER,
  type OrderState,
  OrderStateRepo,
} from '../../../src/flows/order-sync/order-state.contract';
import { VersionConflictError } from '../../../src/errors/errors';

const state: OrderState = {
  ctOrderId: 'order/1',
  linnworksReference: 'CT-1',
  linnworksOrderId: 'lw-1',
  status: 'created',
  paid: true,
  lastOrderVersion: 3,
  attempts: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('order-sync shared contract', () => {
  it('when a state is stored, then it is found by order id under a safe key and by Linnworks order id', async () => {
    const store = new InMemoryStateStore();
    const repo = new OrderStateRepo(store);
    await repo.put(state);
    expect((await store.get(ORDER_STATE_CONTAINER, 'order_1'))?.value).toEqual(state);
    expect((await repo.get('order/1'))?.value).toEqual(state);
    expect(await repo.findByLinnworksOrderId('lw-1')).toEqual(state);
    expect(await repo.findByLinnworksOrderId('lw-2')).toBeUndefined();
  });

  it('when the record moved since it was read, then a put with the old version fails', async () => {
    const repo = new OrderStateRepo(new InMemoryStateStore());
    const first = await repo.put(state);
    await repo.put({ ...state, attempts: 2 }, first.version);
    await expect(repo.put({ ...state, attempts: 3 }, first.version)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
  });

  it('when a cancellation is marked, then its source and time are kept; an unknown order is left alone', async () => {
    const repo = new OrderStateRepo(new InMemoryStateStore());
    await repo.put(state);
    const at = new Date('2026-11-02T00:00:00.000Z');
    expect(await repo.markCancellation('order/1', 'linnworks', at)).toMatchObject({
      cancellation: { source: 'linnworks', at: at.toISOString() },
    });
    expect(await repo.markCancellation('nope', 'linnworks', at)).toBeUndefined();
    expect(await repo.get('nope')).toBeUndefined();
  });

  it('when a Linnworks order is inspected, then ownership, line ids and extended properties are read the agreed way', () => {
    expect(isConnectorOrder({ GeneralInfo: { Source: 'commercetools' } })).toBe(true);
    expect(isConnectorOrder({ GeneralInfo: { Source: 'AMAZON' } })).toBe(false);
    expect(isConnectorOrder({ GeneralInfo: { Source: 'SHOP' } }, 'SHOP')).toBe(true);
    expect(ctLineItemIdOf({ ItemNumber: 'line-7' })).toBe('line-7');
    expect(ctLineItemIdOf({ ItemNumber: '' })).toBeUndefined();
    expect(
      extendedPropertyOf(
        { ExtendedProperties: [{ Name: 'ct_order_id', Value: 'o-1' }] },
        'ct_order_id',
      ),
    ).toBe('o-1');
  });
});
