// Line-item States, as commercetools keeps them:
// - a new line item holds its full quantity in the built-in `Initial` State
//   (api-specs/api/types/cart/LineItem.raml and CustomLineItem.raml, `state`); the mock left
//   `state: []`, so no quantity could ever move. Orders get it when stored (from a cart, by
//   import without `state`, or seeded);
// - transitionLineItemState (OrderTransitionLineItemStateAction.raml) moves `quantity` units of
//   one line item from `fromState` to `toState`: both LineItemStates, `fromState` must hold the
//   quantity, and a `fromState` with `transitions` set only lets units move to a State listed
//   there (State.raml `transitions`; the action has no `force`). The mock lacked the action.
import { builtInInitialState, resolveState, transitionAllowed } from './states.mjs';

/** Gives every line item and custom line item with no State its quantity in `Initial`. */
export async function withInitialItemStates(ctx, projectKey, order) {
  const items = [...(order.lineItems ?? []), ...(order.customLineItems ?? [])];
  if (!items.some((item) => !item.state?.length)) return order;
  const initial = await builtInInitialState(ctx, projectKey);
  for (const item of items) {
    if (item.state?.length) continue;
    item.state = [{ quantity: item.quantity, state: { typeId: 'state', id: initial.id } }];
  }

  return order;
}

async function lineItemState(ctx, projectKey, identifier, field) {
  const state = await resolveState(ctx, projectKey, identifier);
  if (state.type !== 'LineItemState') {
    throw ctx.errors.invalidOperation(
      `${field} '${state.key}' is a ${state.type}, not a LineItemState.`,
    );
  }

  return state;
}

function moveQuantity(lineItem, from, to, quantity) {
  const source = lineItem.state.find((s) => s.state.id === from.id);
  source.quantity -= quantity;
  lineItem.state = lineItem.state.filter((s) => s.quantity > 0);
  const target = lineItem.state.find((s) => s.state.id === to.id);
  if (target) target.quantity += quantity;
  else lineItem.state.push({ quantity, state: { typeId: 'state', id: to.id } });
}

/** The line item an action names by `lineItemId` or `lineItemKey`; 400 when it names none. */
export function findLineItem(ctx, order, { lineItemId, lineItemKey }) {
  if (!lineItemId && !lineItemKey) {
    throw ctx.errors.requiredField('lineItemId', 'Either lineItemId or lineItemKey is required.');
  }
  const lineItem = order.lineItems.find((li) =>
    lineItemId ? li.id === lineItemId : li.key === lineItemKey,
  );
  if (!lineItem) {
    const which = lineItemId ? `ID '${lineItemId}'` : `key '${lineItemKey}'`;
    throw ctx.errors.invalidOperation(`A line item with ${which} was not found on this order.`);
  }

  return lineItem;
}

function transitionLineItemState(ctx) {
  return async (context, order, action) => {
    const lineItem = findLineItem(ctx, order, action);
    const { quantity } = action;
    if (!Number.isInteger(quantity) || quantity <= 0) {
      throw ctx.errors.invalidInput(`quantity must be a positive integer, got ${quantity}.`);
    }
    const from = await lineItemState(ctx, context.projectKey, action.fromState, 'fromState');
    const to = await lineItemState(ctx, context.projectKey, action.toState, 'toState');
    const held = (lineItem.state ?? [])
      .filter((s) => s.state.id === from.id)
      .reduce((sum, s) => sum + s.quantity, 0);
    if (held < quantity) {
      throw ctx.errors.invalidOperation(
        `Line item '${lineItem.id}' has ${held} in State '${from.key}', ` +
          `fewer than the ${quantity} to transition.`,
      );
    }
    if (!transitionAllowed(from, to)) {
      throw ctx.errors.invalidOperation(
        `Transition from State '${from.key}' to State '${to.key}' is not allowed: ` +
          `'${from.key}' has transitions that do not include '${to.key}'.`,
      );
    }
    moveQuantity(lineItem, from, to, quantity);
  };
}

export function registerLineItemStateRules(ctx) {
  const repository = ctx.repositories.order;
  const saveNew = repository.saveNew.bind(repository);
  repository.saveNew = async (context, order) =>
    saveNew(context, await withInitialItemStates(ctx, context.projectKey, order));
  ctx.override('order', 'transitionLineItemState', () => transitionLineItemState(ctx));
}
