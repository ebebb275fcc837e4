import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import type { LinnworksOrderPrintFlags } from '../../linnworks/linnworks-types';
import type { ProgressRule } from './fulfillment-sync.env';

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

/**
 * Pick/pack progress of an open Linnworks order as commercetools transitions: the custom order
 * state of the matching rule (and its shipment state). Nothing when the order is already there,
 * is further along (never moves back), or is shipped or cancelled.
 */
export function planProgress(
  order: Order,
  flags: LinnworksOrderPrintFlags,
  rules: ProgressRule[],
  stateIds: Map<string, string>,
): OrderUpdateAction[] {
  if (flags.Processed || flags.HoldOrCancel) return [];
  if (order.orderState === 'Cancelled' || order.orderState === 'Complete') return [];
  if (order.shipmentState === 'Shipped' || order.shipmentState === 'Delivered') return [];
  const target = progressRuleFor(flags, rules);
  if (!target) return [];
  const currentRank = rules.findIndex((r) => stateIds.get(r.state) === order.state?.id);
  const actions: OrderUpdateAction[] = [];
  if (currentRank < target.rank) {
    actions.push({
      action: 'transitionState',
      state: { typeId: 'state', key: target.rule.state },
    });
  }
  const shipmentState = target.rule.shipmentState;
  if (shipmentState && currentRank <= target.rank && order.shipmentState !== shipmentState) {
    actions.push({ action: 'changeShipmentState', shipmentState });
  }

  return actions;
}
