import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';
import { ctTestSeed, setStateTransitions } from 'shared/testing';

import { importOrder } from '../../testing/builders/ct-seed';
import {
  badJson,
  createState,
  type Project,
  project,
  rejected,
  stateByKey,
  update,
} from './ct-test-server.helpers';

// The commercetools test server rejects what commercetools rejects where the connector depends on
// it (docs/testing.md, "What the test server adds"): these tests pin each rule.

describe('commercetools test server: States', () => {
  it('when a state draft leaves out initial and transitions, then the state is initial and unvalidated, as StateDraft documents', async () => {
    const p = await project();
    const state = await createState(p, { key: 'plain', type: 'OrderState' });
    expect(state.initial).toBe(true);
    expect(state.transitions).toBeUndefined();
    const final = await createState(p, { key: 'final', type: 'OrderState', transitions: [] });
    expect(final.transitions).toEqual([]);
  });

  it('when a state key is taken, then creating another state with it is rejected with DuplicateField', async () => {
    const p = await project();
    await createState(p, { key: 'twice', type: 'OrderState' });
    await expect(createState(p, { key: 'twice', type: 'OrderState' })).rejects.toMatchObject(
      rejected('DuplicateField'),
    );
  });

  it('when transitions are set by key, then they reference the states by id, and setting none removes validation', async () => {
    const p = await project();
    const to = await createState(p, { key: 'to', type: 'OrderState' });
    const from = await createState(p, { key: 'from', type: 'OrderState' });
    const set = await p.api
      .states()
      .withId({ ID: from.id })
      .post({
        body: {
          version: from.version,
          actions: [{ action: 'setTransitions', transitions: [{ typeId: 'state', key: 'to' }] }],
        },
      })
      .execute();
    expect(set.body.transitions).toEqual([{ typeId: 'state', id: to.id }]);
    const unset = await p.api
      .states()
      .withId({ ID: from.id })
      .post({ body: { version: set.body.version, actions: [{ action: 'setTransitions' }] } })
      .execute();
    expect(unset.body.transitions).toBeUndefined();
  });

  it('when a project is new, then it has the built-in Initial line-item state and new line items hold their quantity in it', async () => {
    const p = await project();
    const initial = await stateByKey(p, 'Initial');
    expect(initial).toMatchObject({ type: 'LineItemState', builtIn: true, initial: true });
    const order = await importOrder(p.api, p.shippingMethodId, 'O-1', [{ sku: 'A', quantity: 3 }]);
    expect(order.lineItems[0]?.state).toEqual([
      { quantity: 3, state: { typeId: 'state', id: initial.id } },
    ]);
  });
});

describe('commercetools test server: transitionState on an order', () => {
  it('when the order has no state, then only an initial state is accepted, unless forced', async () => {
    const p = await project();
    await createState(p, { key: 'later', type: 'OrderState', initial: false });
    const first = await createState(p, { key: 'first', type: 'OrderState', initial: true });
    const order = await importOrder(p.api, p.shippingMethodId, 'O-2', [{ sku: 'A', quantity: 1 }]);
    const toLater = {
      action: 'transitionState',
      state: { typeId: 'state', key: 'later' },
    } as const;

    await expect(update(p, order, toLater)).rejects.toMatchObject(
      rejected('InvalidOperation', /no State yet/),
    );
    const moved = await update(p, order, {
      action: 'transitionState',
      state: { typeId: 'state', key: 'first' },
    });
    expect(moved.state).toEqual({ typeId: 'state', id: first.id });
    const other = await importOrder(p.api, p.shippingMethodId, 'O-2b', [{ sku: 'A', quantity: 1 }]);
    const forced = await update(p, other, { ...toLater, force: true });
    expect(forced.state?.id).toBe((await stateByKey(p, 'later')).id);
  });

  it('when the current state lists its transitions, then only a listed state is accepted, unless forced; an empty list is final', async () => {
    const p = await project();
    await createState(p, { key: 'b', type: 'OrderState' });
    await createState(p, { key: 'c', type: 'OrderState' });
    await createState(p, {
      key: 'a',
      type: 'OrderState',
      transitions: [{ typeId: 'state', key: 'b' }],
    });
    await createState(p, { key: 'end', type: 'OrderState', transitions: [] });
    const order = await importOrder(p.api, p.shippingMethodId, 'O-3', [{ sku: 'A', quantity: 1 }]);
    const to = (key: string, force?: boolean) =>
      ({ action: 'transitionState', state: { typeId: 'state', key }, force }) as const;

    const inA = await update(p, order, to('a'));
    await expect(update(p, inA, to('c'))).rejects.toMatchObject(
      rejected('InvalidOperation', /from State 'a' to State 'c' is not allowed/),
    );
    const inB = await update(p, inA, to('b'));
    const inEnd = await update(p, inB, to('end'));
    await expect(update(p, inEnd, to('a'))).rejects.toMatchObject(rejected('InvalidOperation'));
    const forced = await update(p, inEnd, to('c', true));
    expect(forced.state?.id).toBe((await stateByKey(p, 'c')).id);
  });

  it('when the target is not an order state or does not exist, then the transition is rejected', async () => {
    const p = await project();
    const order = await importOrder(p.api, p.shippingMethodId, 'O-4', [{ sku: 'A', quantity: 1 }]);
    const to = (key: string) =>
      ({ action: 'transitionState', state: { typeId: 'state', key } }) as const;
    await expect(update(p, order, to('Initial'))).rejects.toMatchObject(
      rejected('InvalidOperation', /LineItemState/),
    );
    await expect(update(p, order, to('missing'))).rejects.toMatchObject(
      rejected('ReferencedResourceNotFound'),
    );
  });
});

describe('commercetools test server: transitionLineItemState', () => {
  async function orderWithCancelledState(p: Project) {
    const cancelled = await createState(p, { key: 'cancelled', type: 'LineItemState' });
    const initial = await stateByKey(p, 'Initial');
    const order = await importOrder(p.api, p.shippingMethodId, 'O-5', [{ sku: 'A', quantity: 3 }]);
    const move = (quantity: number, from = 'Initial') =>
      ({
        action: 'transitionLineItemState',
        lineItemId: order.lineItems[0]?.id,
        quantity,
        fromState: { typeId: 'state', key: from },
        toState: { typeId: 'state', key: 'cancelled' },
      }) as const;

    return { cancelled, initial, order, move };
  }

  it('when units move, then the quantities move between the states', async () => {
    const p = await project();
    const { cancelled, initial, order, move } = await orderWithCancelledState(p);
    const after = await update(p, order, move(2));
    expect(after.lineItems[0]?.state).toEqual([
      { quantity: 1, state: { typeId: 'state', id: initial.id } },
      { quantity: 2, state: { typeId: 'state', id: cancelled.id } },
    ]);
    const all = await update(p, after, move(1));
    expect(all.lineItems[0]?.state).toEqual([
      { quantity: 3, state: { typeId: 'state', id: cancelled.id } },
    ]);
  });

  it('when the from-state holds fewer units than the quantity, then the transition is rejected', async () => {
    const p = await project();
    const { order, move } = await orderWithCancelledState(p);
    await expect(update(p, order, move(4))).rejects.toMatchObject(
      rejected('InvalidOperation', /has 3 in State 'Initial', fewer than the 4/),
    );
    await expect(update(p, order, move(1, 'cancelled'))).rejects.toMatchObject(
      rejected('InvalidOperation', /has 0 in State 'cancelled'/),
    );
  });

  it("when the from-state's transitions do not list the to-state, then the transition is rejected (there is no force)", async () => {
    const p = await project();
    const { order, move } = await orderWithCancelledState(p);
    await createState(p, { key: 'picked', type: 'LineItemState' });
    await setStateTransitions(p.api, 'Initial', ['picked']);
    await expect(update(p, order, move(1))).rejects.toMatchObject(
      rejected('InvalidOperation', /from State 'Initial' to State 'cancelled' is not allowed/),
    );
  });
});

describe('commercetools test server: deliveries and parcels', () => {
  it('when a delivery is added with a key, then it carries that key, and setParcelTrackingData sets and removes tracking', async () => {
    const p = await project();
    const order = await importOrder(p.api, p.shippingMethodId, 'O-6', [{ sku: 'A', quantity: 1 }]);
    const items = [{ id: order.lineItems[0]?.id ?? '', quantity: 1 }];
    const shipped = await update(p, order, {
      action: 'addDelivery',
      deliveryKey: 'd-1',
      items,
      parcels: [{ key: 'p-1', items }],
    });
    expect(shipped.shippingInfo?.deliveries?.[0]).toMatchObject({ key: 'd-1' });
    expect(shipped.shippingInfo?.deliveries?.[0]).not.toHaveProperty('deliveryKey');

    const tracked = await update(p, shipped, {
      action: 'setParcelTrackingData',
      parcelKey: 'p-1',
      trackingData: { trackingId: 'T-1', carrier: 'DHL' },
    });
    expect(tracked.shippingInfo?.deliveries?.[0]?.parcels[0]?.trackingData).toEqual({
      trackingId: 'T-1',
      carrier: 'DHL',
    });
    const cleared = await update(p, tracked, { action: 'setParcelTrackingData', parcelKey: 'p-1' });
    expect(cleared.shippingInfo?.deliveries?.[0]?.parcels[0]?.trackingData).toBeUndefined();
    await expect(
      update(p, cleared, { action: 'setParcelTrackingData', parcelKey: 'nope' }),
    ).rejects.toMatchObject(rejected('InvalidOperation', /parcel with key 'nope'/));
  });

  it('when an order is in Multiple shipping mode, then addDelivery needs a known shippingKey and the delivery lands on that shipping', async () => {
    const p = await project();
    const imported = await importOrder(p.api, p.shippingMethodId, 'O-7', [
      { sku: 'A', quantity: 2 },
    ]);
    const { shippingInfo, ...rest } = imported;
    const shipping = (shippingKey: string) => ({
      shippingKey,
      shippingInfo: { ...shippingInfo, deliveries: [] },
      shippingAddress: { country: 'GB' },
    });
    const order = await ctTestSeed<Order>(p.config, 'order', {
      ...rest,
      id: 'multi-1',
      orderNumber: 'O-7-multi',
      shippingMode: 'Multiple',
      shipping: [shipping('home'), shipping('office')],
    });
    const items = [{ id: order.lineItems[0]?.id ?? '', quantity: 1 }];
    const add = { action: 'addDelivery', deliveryKey: 'd', items, parcels: [{ key: 'p', items }] };

    await expect(update(p, order, add as OrderUpdateAction)).rejects.toMatchObject(
      rejected('RequiredField', /shippingKey is required/),
    );
    await expect(
      update(p, order, { ...add, shippingKey: 'shed' } as OrderUpdateAction),
    ).rejects.toMatchObject(rejected('InvalidOperation', /no Shipping with shippingKey 'shed'/));
    const added = await update(p, order, { ...add, shippingKey: 'office' } as OrderUpdateAction);
    const office = added.shipping.find((s) => s.shippingKey === 'office');
    expect(office?.shippingInfo.deliveries?.[0]).toMatchObject({ key: 'd', items });
    const tracked = await update(
      p,
      added,
      { action: 'setParcelTrackingData', parcelKey: 'p', trackingData: { trackingId: 'T' } },
      { action: 'addParcelToDelivery', deliveryKey: 'd', parcelKey: 'p2' },
    );
    const parcels = tracked.shipping.find((s) => s.shippingKey === 'office')?.shippingInfo
      .deliveries?.[0]?.parcels;
    expect(parcels?.map((x) => [x.key, x.trackingData?.trackingId])).toEqual([
      ['p', 'T'],
      ['p2', undefined],
    ]);
  });
});

describe('commercetools test server: return items', () => {
  it('when return items are added, then they keep their keys and start as Initial (Returned) or NonRefundable (Advised); setReturnPaymentState sets one by key', async () => {
    const p = await project();
    const order = await importOrder(p.api, p.shippingMethodId, 'O-8', [{ sku: 'A', quantity: 2 }]);
    const lineItemId = order.lineItems[0]?.id ?? '';
    const returned = await update(p, order, {
      action: 'addReturnInfo',
      items: [
        { key: 'r-1', lineItemId, quantity: 1, shipmentState: 'Returned' },
        { key: 'r-2', lineItemId, quantity: 1, shipmentState: 'Advised' },
      ],
    });
    expect(returned.returnInfo?.[0]?.items.map((i) => [i.key, i.paymentState])).toEqual([
      ['r-1', 'Initial'],
      ['r-2', 'NonRefundable'],
    ]);

    const refunded = await update(p, returned, {
      action: 'setReturnPaymentState',
      returnItemKey: 'r-1',
      paymentState: 'Refunded',
    });
    expect(refunded.returnInfo?.[0]?.items.map((i) => i.paymentState)).toEqual([
      'Refunded',
      'NonRefundable',
    ]);
    await expect(
      update(p, refunded, {
        action: 'setReturnPaymentState',
        returnItemKey: 'r-9',
        paymentState: 'Refunded',
      }),
    ).rejects.toMatchObject(rejected('InvalidOperation', /return item with key 'r-9'/));
    await expect(
      update(p, refunded, {
        action: 'addReturnInfo',
        items: [{ key: 'r-1', lineItemId, quantity: 1, shipmentState: 'Returned' }],
      }),
    ).rejects.toMatchObject(rejected('DuplicateField'));
  });
});

describe('commercetools test server: return shipment states', () => {
  async function returned(p: Project): Promise<Order> {
    const order = await importOrder(p.api, p.shippingMethodId, 'O-9', [{ sku: 'A', quantity: 3 }]);
    const lineItemId = order.lineItems[0]?.id ?? '';

    return update(p, order, {
      action: 'addReturnInfo',
      items: [
        { key: 'back', lineItemId, quantity: 1, shipmentState: 'Returned' },
        { key: 'advised', lineItemId, quantity: 1, shipmentState: 'Advised' },
      ],
    });
  }
  const move = (returnItemKey: string, shipmentState: string) =>
    ({ action: 'setReturnShipmentState', returnItemKey, shipmentState }) as OrderUpdateAction;

  it('when a Returned item is set BackInStock or Unusable, then it moves, and nothing else does', async () => {
    const p = await project();
    const order = await returned(p);
    const restocked = await update(p, order, move('back', 'BackInStock'));
    expect(restocked.returnInfo?.[0]?.items.map((i) => [i.key, i.shipmentState])).toEqual([
      ['back', 'BackInStock'],
      ['advised', 'Advised'],
    ]);
    await expect(update(p, restocked, move('back', 'Unusable'))).rejects.toMatchObject(
      rejected('InvalidOperation', /from shipment state 'BackInStock'/),
    );
    await expect(update(p, restocked, move('advised', 'BackInStock'))).rejects.toMatchObject(
      rejected('InvalidOperation', /from shipment state 'Advised'/),
    );
    await expect(update(p, restocked, move('advised', 'Returned'))).rejects.toMatchObject(
      rejected('InvalidOperation'),
    );
  });

  it('when a state is outside ReturnShipmentState or ReturnPaymentState, then the JSON is refused naming the field', async () => {
    const p = await project();
    const order = await returned(p);
    await expect(update(p, order, move('back', 'Lost'))).rejects.toMatchObject(
      badJson(/shipmentState: Invalid enum value: 'Lost'/),
    );
    await expect(
      update(p, order, {
        action: 'setReturnPaymentState',
        returnItemKey: 'back',
        paymentState: 'Paid' as 'Refunded',
      }),
    ).rejects.toMatchObject(badJson(/paymentState: Invalid enum value: 'Paid'/));
    await expect(
      update(p, order, {
        action: 'addReturnInfo',
        items: [
          {
            lineItemId: order.lineItems[0]?.id,
            quantity: 1,
            shipmentState: 'Lost' as 'Returned',
          },
        ],
      }),
    ).rejects.toMatchObject(badJson(/items -> \[0\] -> shipmentState: Invalid enum value/));
  });
});
