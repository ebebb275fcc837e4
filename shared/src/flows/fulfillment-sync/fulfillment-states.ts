import type { State, StateReference } from '@commercetools/platform-sdk';

import type { StateSpec } from '../../lifecycle/states';
import { type FulfillmentSyncSettings, statesToEnsure } from './fulfillment-sync.settings';

/**
 * State keys starting with `lw-` are the connector's: post-deploy creates them and, on every
 * deploy, puts their `initial` and `transitions` back to the design below. A rule may name a
 * merchant's own state instead: it is created if missing, and otherwise never changed.
 */
export const CONNECTOR_STATE_PREFIX = 'lw-';

/** The built-in line-item state every project has; new line items hold their quantity in it. */
export const BUILT_IN_LINE_ITEM_STATE = 'Initial';

/**
 * The design of the flow's custom states (docs/fulfillment-sync.md, "States"):
 * - progress order states are `initial`, so an order with no state yet (the common case) may
 *   enter any of them, and have no `transitions`, so the order moves on from them freely
 *   (Linnworks runs the warehouse workflow; commercetools records where it stands);
 * - the cancelled line-item state is not `initial` (no workflow starts there) and has no
 *   `transitions` either, so the merchant can still move units out of it by hand.
 */
export function fulfillmentStateSpecs(settings: FulfillmentSyncSettings): StateSpec[] {
  const { orderStates, lineItemStates } = statesToEnsure(settings);

  return [
    ...orderStates.map((key) => ({
      key,
      type: 'OrderState' as const,
      name: key,
      description: 'Linnworks warehouse progress, set by the commercetools-Linnworks connector',
      initial: true,
    })),
    ...lineItemStates.map((key) => ({
      key,
      type: 'LineItemState' as const,
      name: key,
      description:
        'Quantities cancelled in Linnworks, set by the commercetools-Linnworks connector',
      initial: false,
    })),
  ];
}

/** What the flow needs to know of a state to decide whether commercetools allows a transition. */
export interface StateInfo {
  id: string;
  key: string;
  initial: boolean;
  /** Ids of the states it may move to; undefined: any (no validation). */
  transitions?: string[];
}

export function toStateInfo(state: State): StateInfo {
  return {
    id: state.id,
    key: state.key,
    initial: state.initial,
    ...(state.transitions ? { transitions: state.transitions.map((t) => t.id) } : {}),
  };
}

/** The state a reference points to, when the read expanded it; undefined when not expanded. */
export function expandedState(reference: StateReference | undefined): StateInfo | undefined {
  return reference?.obj ? toStateInfo(reference.obj) : undefined;
}

/**
 * Whether commercetools lets a resource move from `from` (undefined: no state yet) to `to`
 * without `force`: with no state, only to an initial state; otherwise only if `from` lists no
 * transitions or lists `to` (OrderTransitionStateAction, State.transitions).
 */
export function transitionAllowed(from: StateInfo | undefined, to: StateInfo): boolean {
  if (!from) return to.initial;

  return from.transitions === undefined || from.transitions.includes(to.id);
}

/**
 * Why partial cancellations cannot move units out of a line-item state (the built-in `Initial`,
 * normally) into the cancelled state, or undefined when they can.
 */
export function cancellationBlockedBy(
  from: StateInfo,
  cancelled: { key: string; id: string },
): string | undefined {
  if (from.transitions === undefined || from.transitions.includes(cancelled.id)) return undefined;

  return `line-item state ${from.key} lists transitions without ${cancelled.key}: partial cancellations cannot move units out of it until ${cancelled.key} is added to its transitions`;
}
