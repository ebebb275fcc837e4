// transitionState on an Order, as commercetools validates it
// (api-specs/api/types/order/updates/OrderTransitionStateAction.raml, State.raml `transitions`):
// - the target must be a State of type OrderState;
// - an Order with no State yet may only move to an initial State;
// - from a State with `transitions` set, only to a State listed there (an empty list is final);
// - `force: true` turns both checks off.
// The Order keeps a plain reference ({ typeId, id }): the mock also embedded the State (`obj`),
// which commercetools returns only when asked to expand `state`.
import { resolveState, transitionAllowed } from './states.mjs';

function notAllowed(current, target) {
  return current
    ? `Transition from State '${current.key}' to State '${target.key}' is not allowed: ` +
        `'${current.key}' has transitions that do not include '${target.key}' (use force to skip validation).`
    : `The Order has no State yet: it can only transition to an initial State, ` +
        `and State '${target.key}' is not initial (use force to skip validation).`;
}

export function registerOrderStateRules(ctx) {
  ctx.override('order', 'transitionState', () => async (context, order, { state, force }) => {
    const target = await resolveState(ctx, context.projectKey, state);
    if (target.type !== 'OrderState') {
      throw ctx.errors.invalidOperation(
        `State '${target.key}' is a ${target.type}: an Order can only transition to an OrderState.`,
      );
    }
    if (!force) {
      const current = order.state
        ? await ctx.storage.get(context.projectKey, 'state', order.state.id)
        : undefined;
      const allowed = current ? transitionAllowed(current, target) : target.initial === true;
      if (!allowed) throw ctx.errors.invalidOperation(notAllowed(current, target));
    }
    order.state = { typeId: 'state', id: target.id };
  });
}
