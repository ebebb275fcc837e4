import type {
  Subscription,
  SubscriptionDraft,
  SubscriptionUpdateAction,
} from '@commercetools/platform-sdk';
import { ctTestApi, ctTestConfig } from 'shared/testing';

import type { CtApi } from '../../src/commercetools/client';
import { badJson, conflict, createVia, rejected, updateVia } from './ct-test-server.helpers';

// Subscriptions on the test server: drafts and update actions as commercetools validates them
// (docs/testing.md, "What the test server adds").

const pubSub = { type: 'GoogleCloudPubSub' as const, projectId: 'p', topic: 'orders' };
const orderMessages = (...types: string[]) => [{ resourceTypeId: 'order', types }];

const create = (api: CtApi, draft: Partial<SubscriptionDraft>): Promise<Subscription> =>
  createVia(api.subscriptions(), { destination: pubSub, ...draft } as SubscriptionDraft);

const change = (
  api: CtApi,
  subscription: Subscription,
  ...actions: SubscriptionUpdateAction[]
): Promise<Subscription> => updateVia(api.subscriptions(), subscription, actions);

describe('commercetools test server: subscription drafts', () => {
  it('when a draft subscribes to nothing, names an unknown message type or resource, or lacks a destination field, then it is refused', async () => {
    const api = ctTestApi(ctTestConfig());
    await expect(create(api, { key: 'none' })).rejects.toMatchObject(
      rejected('InvalidInput', /Either messages, changes or events/),
    );
    await expect(
      create(api, {
        key: 'typo',
        messages: orderMessages('OrderCreated', 'OrderShipingAddressSet'),
      }),
    ).rejects.toMatchObject(rejected('InvalidInput', /'OrderShipingAddressSet' is not a valid/));
    await expect(
      create(api, { key: 'other', messages: orderMessages('PaymentTransactionAdded') }),
    ).rejects.toMatchObject(rejected('InvalidInput', /resource type 'order'/));
    await expect(
      create(api, { key: 'res', messages: [{ resourceTypeId: 'orders' as 'order' }] }),
    ).rejects.toMatchObject(badJson(/resourceTypeId: Invalid enum value: 'orders'/));
    await expect(
      create(api, {
        key: 'dest',
        destination: { type: 'GoogleCloudPubSub', projectId: 'p' } as typeof pubSub,
        messages: orderMessages('OrderCreated'),
      }),
    ).rejects.toMatchObject(badJson(/destination -> topic: Missing required value/));
  });

  it('when a draft names valid order and payment message types, then it is stored', async () => {
    const api = ctTestApi(ctTestConfig());
    const created = await create(api, {
      key: 'ok',
      messages: [
        ...orderMessages('OrderCreated', 'OrderEditApplied', 'OrderShippingAddressSet'),
        { resourceTypeId: 'payment', types: ['PaymentTransactionAdded'] },
      ],
    });
    expect(created.messages).toHaveLength(2);
  });
});

describe('commercetools test server: subscription update actions', () => {
  it('when setMessages and changeDestination run on the current version, then the subscription changes in place', async () => {
    const api = ctTestApi(ctTestConfig());
    const created = await create(api, { key: 'in-place', messages: orderMessages('OrderCreated') });
    const updated = await change(
      api,
      created,
      { action: 'setMessages', messages: orderMessages('OrderCreated', 'OrderEditApplied') },
      { action: 'changeDestination', destination: { ...pubSub, topic: 'orders-v2' } },
    );
    expect(updated).toMatchObject({
      id: created.id,
      version: created.version + 2,
      messages: orderMessages('OrderCreated', 'OrderEditApplied'),
      destination: { topic: 'orders-v2' },
      status: 'Healthy',
    });
    await expect(
      change(api, created, { action: 'setMessages', messages: updated.messages }),
    ).rejects.toMatchObject(conflict(updated.version));
  });

  it('when the last list would be unset, or an action carries an invalid value, then the update is refused', async () => {
    const api = ctTestApi(ctTestConfig());
    const created = await create(api, { key: 'lists', messages: orderMessages('OrderCreated') });
    await expect(change(api, created, { action: 'setMessages' })).rejects.toMatchObject(
      rejected('InvalidInput', /messages can only be unset/),
    );
    const withChanges = await change(api, created, {
      action: 'setChanges',
      changes: [{ resourceTypeId: 'order' }],
    });
    const withoutMessages = await change(api, withChanges, { action: 'setMessages' });
    expect(withoutMessages).toMatchObject({ messages: [], changes: [{ resourceTypeId: 'order' }] });
    await expect(
      change(api, withoutMessages, {
        action: 'setChanges',
        changes: [{ resourceTypeId: 'nope' as 'order' }],
      }),
    ).rejects.toMatchObject(badJson(/changes -> \[0\] -> resourceTypeId/));
    await expect(
      change(api, withoutMessages, {
        action: 'changeDestination',
        destination: { type: 'Carrier pigeon' } as unknown as typeof pubSub,
      }),
    ).rejects.toMatchObject(badJson(/destination -> type: Invalid enum value/));
  });
});
