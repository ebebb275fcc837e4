import { ConfigError } from '../src/errors/errors';
import {
  destinationFromEnv,
  ensureSubscription,
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

  // The in-place update (changeDestination / setMessages) cannot be exercised here: the
  // commercetools test server implements no subscription update action (docs/testing.md).

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
