import { ConfigError } from '../src/errors/errors';
import {
  destinationFromEnv,
  ensureSubscription,
  ORDER_EDIT_MESSAGE_TYPES,
  ORDER_MESSAGE_TYPES,
  removeSubscription,
} from '../src/lifecycle/subscription';
import { ctTestApi } from 'shared/testing';

describe('subscription lifecycle on the commercetools test server', () => {
  const api = ctTestApi();
  const messages = [{ resourceTypeId: 'order' as const, types: ['OrderCreated'] }];
  const pubsub = destinationFromEnv({
    CONNECT_SUBSCRIPTION_DESTINATION: 'GoogleCloudPubSub',
    CONNECT_GCP_PROJECT_ID: 'p',
    CONNECT_GCP_TOPIC_NAME: 't',
  });

  it('when deployed twice and then undeployed, then the subscription is created once, kept, and removed', async () => {
    await expect(
      ensureSubscription(api, { key: 'lw-orders', destination: pubsub, messages }),
    ).resolves.toBe('created');
    await expect(
      ensureSubscription(api, { key: 'lw-orders', destination: pubsub, messages }),
    ).resolves.toBe('unchanged');
    const stored = await api.subscriptions().withKey({ key: 'lw-orders' }).get().execute();
    expect(stored.body.destination).toEqual({
      type: 'GoogleCloudPubSub',
      projectId: 'p',
      topic: 't',
    });
    await expect(removeSubscription(api, 'lw-orders')).resolves.toBe(true);
    await expect(removeSubscription(api, 'lw-orders')).resolves.toBe(false);
  });

  it('when a redeploy brings a longer message list, then the existing subscription is updated in place, not recreated', async () => {
    const before = [
      {
        resourceTypeId: 'order' as const,
        types: ['OrderCreated', 'OrderImported', 'OrderPaymentStateChanged', 'OrderStateChanged'],
      },
    ];
    await ensureSubscription(api, { key: 'lw-orders-2', destination: pubsub, messages: before });
    const old = (await api.subscriptions().withKey({ key: 'lw-orders-2' }).get().execute()).body;
    const now = [{ resourceTypeId: 'order' as const, types: [...ORDER_MESSAGE_TYPES] }];
    await expect(
      ensureSubscription(api, { key: 'lw-orders-2', destination: pubsub, messages: now }),
    ).resolves.toBe('updated');
    const after = (await api.subscriptions().withKey({ key: 'lw-orders-2' }).get().execute()).body;
    expect(after.id).toBe(old.id);
    expect(after.version).toBe(old.version + 1);
    expect(after.messages[0]!.types).toEqual(expect.arrayContaining([...ORDER_EDIT_MESSAGE_TYPES]));
    await expect(
      ensureSubscription(api, { key: 'lw-orders-2', destination: pubsub, messages: now }),
    ).resolves.toBe('unchanged');
  });

  it('when Connect gives an SNS destination, then it maps to an SNS subscription with IAM', () => {
    expect(
      destinationFromEnv({
        CONNECT_SUBSCRIPTION_DESTINATION: 'SNS',
        CONNECT_AWS_TOPIC_ARN: 'arn:aws:sns:x',
      }),
    ).toEqual({
      type: 'SNS',
      topicArn: 'arn:aws:sns:x',
      authenticationMode: 'IAM',
    });
  });

  it('when the destination variables are incomplete, then the error names each missing one', () => {
    expect(() =>
      destinationFromEnv({ CONNECT_SUBSCRIPTION_DESTINATION: 'GoogleCloudPubSub' }),
    ).toThrow(ConfigError);
    expect(() => destinationFromEnv({})).toThrow(/CONNECT_SUBSCRIPTION_DESTINATION/);
  });
});
