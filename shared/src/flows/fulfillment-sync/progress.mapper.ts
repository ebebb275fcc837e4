import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import type { LinnworksOrderPrintFlags } from '../../linnworks/linnworks-types';
import { expandedState, type StateInfo, transitionAllowed } from './fulfillment-states';
import type { ProgressRule } from './fulfillment-sync.settings';

/** The rule that applies to an open order: the last one in the list whose flag is set. */
export function progressRuleFor(
  flags: LinnworksOrderPrintFlags,
  rules: ProgressRule[],
): { rule: ProgressRule; rank: number } | undefined {
  for (let rank = rules.length - 1; rank >= 0; rank--) {
    const rule = rules[rank];
    if (rule && flags[rule.flag]) return { rule, rank };
  }

  return undefined;
}

export interface ProgressPlan {
  actions: OrderUpdateAction[];
  /** The order state transition commercetools would refuse, left out (the rule has no `force`). */
  blocked?: { from: string | undefined; to: string };
}

/**
 * The transition to the rule's state, with `force` only where commercetools would refuse it
 * otherwise and the rule asks for it. Undecidable (the state is unknown, or the order's state
 * was not expanded): sent as is, and commercetools decides.
 */
function transitionTo(
  order: Order,
  rule: ProgressRule,
  target: StateInfo | undefined,
): ProgressPlan {
  const action: OrderUpdateAction = {
    action: 'transitionState',
    state: { typeId: 'state', key: rule.state },
  };
  const current = expandedState(order.state);
  if (!target || (order.state && !current) || transitionAllowed(current, target)) {
    return { actions: [action] };
  }
  if (rule.force) return { actions: [{ ...action, force: true }] };

  return { actions: [], blocked: { from: current?.key, to: target.key } };
}

/**
 * Pick/pack progress of an open Linnworks order as commercetools transitions: the custom order
 * state of the matching rule (and its shipment state). Nothing when the order is already there,
 * is further along (never moves back), or is shipped or cancelled.
 */
export function planProgress(
  order: Order,
  flags: LinnworksOrderPrintFlags,
  rules: ProgressRule[],
  states: Map<string, StateInfo>,
): ProgressPlan {
  if (flags.Processed || flags.HoldOrCancel) return { actions: [] };
  if (order.orderState === 'Cancelled' || order.orderState === 'Complete') return { actions: [] };
  if (order.shipmentState === 'Shipped' || order.shipmentState === 'Delivered') {
    return { actions: [] };
  }
  const target = progressRuleFor(flags, rules);
  if (!target) return { actions: [] };
  const currentId = order.state?.id;
  const currentRank = currentId
    ? rules.findIndex((r) => states.get(r.state)?.id === currentId)
    : -1;
  const plan: ProgressPlan =
    currentRank < target.rank
      ? transitionTo(order, target.rule, states.get(target.rule.state))
      : { actions: [] };
  const shipmentState = target.rule.shipmentState;
  if (shipmentState && currentRank <= target.rank && order.shipmentState !== shipmentState) {
    plan.actions.push({ action: 'changeShipmentState', shipmentState });
  }

  return plan;
}
