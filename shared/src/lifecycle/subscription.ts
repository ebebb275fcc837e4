import type { Destination, MessageSubscription, Subscription } from '@commercetools/platform-sdk';

import type { CtApi } from '../commercetools/client';
import { ctFind, isCtNotFound, toCtError } from '../commercetools/ct-errors';
import { ConfigError } from '../errors/errors';

/**
 * Messages of changes to what the warehouse needs, made after an order was exported: order-sync
 * brings each to the open Linnworks order (docs/order-sync.md, "Edits after export").
 */
export const ORDER_EDIT_MESSAGE_TYPES = [
  'OrderShippingAddressSet',
  'OrderBillingAddressSet',
  'OrderCustomerEmailSet',
  'OrderShippingInfoSet',
  'OrderLineItemAdded',
  'OrderLineItemRemoved',
  'OrderCustomLineItemAdded',
  'OrderCustomLineItemRemoved',
  'OrderCustomLineItemQuantityChanged',
  'OrderEditApplied',
  // Units moved to the cancelled line-item state (ORDER_CANCELLED_LINE_STATE): a partial cancellation.
  'LineItemStateTransition',
] as const;

/** Order messages order-sync reacts to: its Subscription's message list. */
export const ORDER_MESSAGE_TYPES = [
  'OrderCreated',
  'OrderImported',
  'OrderPaymentStateChanged',
  'OrderStateChanged',
  ...ORDER_EDIT_MESSAGE_TYPES,
] as const;

/**
 * Payment messages order-sync reacts to: a successful `Refund` transaction is brought to the
 * processed Linnworks order (docs/order-sync.md, "Money paths").
 */
export const PAYMENT_MESSAGE_TYPES = [
  'PaymentTransactionAdded',
  'PaymentTransactionStateChanged',
] as const;

/** order-sync's Subscription: order messages, and the payment messages of refunds. */
export const ORDER_SYNC_SUBSCRIPTION_MESSAGES: MessageSubscription[] = [
  { resourceTypeId: 'order', types: [...ORDER_MESSAGE_TYPES] },
  { resourceTypeId: 'payment', types: [...PAYMENT_MESSAGE_TYPES] },
];

/**
 * The destination Connect hands to an event app's post-deploy script: Google Cloud Pub/Sub on
 * GCP regions, SNS on AWS regions.
 */
export function destinationFromEnv(env: Record<string, string | undefined>): Destination {
  const kind =
    env.CONNECT_SUBSCRIPTION_DESTINATION ??
    (env.CONNECT_GCP_TOPIC_NAME ? 'GoogleCloudPubSub' : undefined);
  const problems: string[] = [];
  if (kind === 'GoogleCloudPubSub') {
    if (!env.CONNECT_GCP_PROJECT_ID)
      problems.push('CONNECT_GCP_PROJECT_ID: is required for GoogleCloudPubSub');
    if (!env.CONNECT_GCP_TOPIC_NAME)
      problems.push('CONNECT_GCP_TOPIC_NAME: is required for GoogleCloudPubSub');
    if (problems.length) throw new ConfigError(problems);

    return {
      type: 'GoogleCloudPubSub',
      projectId: env.CONNECT_GCP_PROJECT_ID ?? '',
      topic: env.CONNECT_GCP_TOPIC_NAME ?? '',
    };
  }
  if (kind === 'SNS') {
    if (!env.CONNECT_AWS_TOPIC_ARN)
      throw new ConfigError(['CONNECT_AWS_TOPIC_ARN: is required for SNS']);

    return { type: 'SNS', topicArn: env.CONNECT_AWS_TOPIC_ARN, authenticationMode: 'IAM' };
  }
  throw new ConfigError([
    `CONNECT_SUBSCRIPTION_DESTINATION: must be GoogleCloudPubSub or SNS (got ${kind ?? 'nothing'})`,
  ]);
}

function findByKey(api: CtApi, key: string): Promise<Subscription | undefined> {
  return ctFind(`read of subscription ${key}`, () =>
    api.subscriptions().withKey({ key }).get().execute(),
  );
}

function sameMessages(a: MessageSubscription[], b: MessageSubscription[]): boolean {
  const norm = (m: MessageSubscription[]) =>
    JSON.stringify(m.map((x) => ({ r: x.resourceTypeId, t: [...(x.types ?? [])].sort() })));

  return norm(a) === norm(b);
}

/**
 * Creates the order-message subscription, or updates it in place (no delete-and-recreate,
 * so a redeploy opens no window of missed messages). Safe to run on every deploy.
 */
export async function ensureSubscription(
  api: CtApi,
  input: { key: string; destination: Destination; messages: MessageSubscription[] },
): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await findByKey(api, input.key);
  try {
    if (!existing) {
      await api
        .subscriptions()
        .post({
          body: { key: input.key, destination: input.destination, messages: input.messages },
        })
        .execute();

      return 'created';
    }
    const actions = [];
    if (JSON.stringify(existing.destination) !== JSON.stringify(input.destination)) {
      actions.push({ action: 'changeDestination' as const, destination: input.destination });
    }
    if (!sameMessages(existing.messages, input.messages)) {
      actions.push({ action: 'setMessages' as const, messages: input.messages });
    }
    if (actions.length === 0) return 'unchanged';
    await api
      .subscriptions()
      .withKey({ key: input.key })
      .post({ body: { version: existing.version, actions } })
      .execute();

    return 'updated';
  } catch (error) {
    throw toCtError(error, `write of subscription ${input.key}`);
  }
}

/** Removes the subscription on undeploy; a missing one is fine. */
export async function removeSubscription(api: CtApi, key: string): Promise<boolean> {
  const existing = await findByKey(api, key);
  if (!existing) return false;
  try {
    await api
      .subscriptions()
      .withKey({ key })
      .delete({ queryArgs: { version: existing.version } })
      .execute();

    return true;
  } catch (error) {
    if (isCtNotFound(error)) return false;
    throw toCtError(error, `delete of subscription ${key}`);
  }
}
