// Subscriptions, as commercetools validates them (api-specs/api/types/subscription/):
// - a draft sets `messages`, `changes` or `events` (SubscriptionDraft.raml); else 400 InvalidInput
//   [?: the code];
// - a MessageSubscription's `resourceTypeId` is one of MessageSubscriptionResourceTypeId and its
//   `types` "must contain valid message types for the resource" (MessageSubscription.raml): an
//   unknown type for order, payment or inventory-entry is 400 InvalidInput [?: the code; other
//   resources' types are not checked]; a ChangeSubscription's `resourceTypeId` is one of
//   ChangeSubscriptionResourceTypeId; an unknown enum value is 400 InvalidJsonInput;
// - a Destination has a known `type` and its required fields (…Destination.raml), else 400
//   InvalidJsonInput;
// - setMessages / setChanges set the list, or unset it when left out, which is allowed only while
//   the other list or `events` is set (SubscriptionSetMessagesAction.raml, …SetChangesAction.raml);
//   changeDestination replaces the destination and makes the status Healthy
//   (SubscriptionChangeDestinationAction.raml). The mock lacked all three actions and accepted any
//   draft.
import { checkEnum } from './internals.mjs';
import {
  CHANGE_RESOURCE_TYPES,
  DESTINATIONS,
  MESSAGE_RESOURCE_TYPES,
  MESSAGE_TYPES,
} from './message-types.mjs';

const missing = (ctx, path) => ctx.errors.invalidJsonInput(`${path}: Missing required value`);

function checkList(ctx, list, path) {
  if (list !== undefined && !Array.isArray(list)) {
    throw ctx.errors.invalidJsonInput(`${path}: Expected an array.`);
  }

  return list ?? [];
}

function checkMessages(ctx, messages, path = 'messages') {
  for (const [index, message] of checkList(ctx, messages, path).entries()) {
    const at = `${path} -> [${index}]`;
    checkEnum(ctx, message?.resourceTypeId, MESSAGE_RESOURCE_TYPES, `${at} -> resourceTypeId`);
    const known = MESSAGE_TYPES[message.resourceTypeId];
    for (const type of checkList(ctx, message.types, `${at} -> types`)) {
      if (known && !known.includes(type)) {
        throw ctx.errors.invalidInput(
          `'${type}' is not a valid message type for the resource type '${message.resourceTypeId}'.`,
        );
      }
    }
  }
}

function checkChanges(ctx, changes, path = 'changes') {
  for (const [index, change] of checkList(ctx, changes, path).entries()) {
    checkEnum(
      ctx,
      change?.resourceTypeId,
      CHANGE_RESOURCE_TYPES,
      `${path} -> [${index}] -> resourceTypeId`,
    );
  }
}

function checkDestination(ctx, destination, path = 'destination') {
  if (!destination) throw missing(ctx, path);
  checkEnum(ctx, destination.type, Object.keys(DESTINATIONS), `${path} -> type`);
  for (const field of DESTINATIONS[destination.type]) {
    if (destination[field] === undefined || destination[field] === '') {
      throw missing(ctx, `${path} -> ${field}`);
    }
  }
}

const hasAny = (list) => Array.isArray(list) && list.length > 0;

function subscriptionDrafts(ctx) {
  const repository = ctx.repositories.subscription;
  const create = repository.create.bind(repository);
  repository.create = async (context, draft = {}) => {
    checkDestination(ctx, draft.destination);
    checkMessages(ctx, draft.messages);
    checkChanges(ctx, draft.changes);
    if (![draft.messages, draft.changes, draft.events].some(hasAny)) {
      throw ctx.errors.invalidInput('Either messages, changes or events must be set.');
    }

    return create(context, draft);
  };
}

function unsetAllowed(ctx, subscription, others, field) {
  if (others.some((name) => hasAny(subscription[name]))) return;
  throw ctx.errors.invalidInput(
    `${field} can only be unset while ${others.join(' or ')} is set on the Subscription.`,
  );
}

export function registerSubscriptionRules(ctx) {
  subscriptionDrafts(ctx);
  ctx.override('subscription', 'setMessages', () => (_context, subscription, { messages }) => {
    if (messages === undefined) unsetAllowed(ctx, subscription, ['changes', 'events'], 'messages');
    checkMessages(ctx, messages, 'actions -> messages');
    subscription.messages = messages ?? [];
  });
  ctx.override('subscription', 'setChanges', () => (_context, subscription, { changes }) => {
    if (changes === undefined) unsetAllowed(ctx, subscription, ['messages', 'events'], 'changes');
    checkChanges(ctx, changes, 'actions -> changes');
    subscription.changes = changes ?? [];
  });
  ctx.override('subscription', 'changeDestination', () => (_context, subscription, action) => {
    checkDestination(ctx, action.destination, 'actions -> destination');
    subscription.destination = action.destination;
    subscription.status = 'Healthy';
  });
}
