import type { CtApi } from '../../commercetools/client';
import { isCtNotFound, toCtError } from '../../commercetools/ct-errors';
import { ensureState, type StateOutcome } from '../../lifecycle/states';
import {
  BUILT_IN_LINE_ITEM_STATE,
  cancellationBlockedBy,
  CONNECTOR_STATE_PREFIX,
  fulfillmentStateSpecs,
  toStateInfo,
} from './fulfillment-states';
import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';

export interface FulfillmentStatesReport {
  /** `<type>:<key>` → what post-deploy did. */
  states: Record<string, StateOutcome>;
  /** What keeps part of the flow from working on this project, for the deployer to fix. */
  warnings: string[];
}

/** Why partial cancellations cannot leave the built-in `Initial` line-item state, if they cannot. */
async function initialLineStateWarning(api: CtApi, cancelledKey: string) {
  try {
    const read = async (key: string) => (await api.states().withKey({ key }).get().execute()).body;
    const initial = await read(BUILT_IN_LINE_ITEM_STATE);
    const cancelled = await read(cancelledKey);

    return cancellationBlockedBy(toStateInfo(initial), { key: cancelled.key, id: cancelled.id });
  } catch (error) {
    if (isCtNotFound(error)) return undefined;
    throw toCtError(error, 'read of line-item states');
  }
}

/**
 * Creates the custom order and line-item states the settings name, as designed in
 * `fulfillmentStateSpecs`, and puts back the `initial`/`transitions` of those the connector owns
 * (`lw-` keys). Idempotent: Connect runs it on every deploy.
 */
export async function ensureFulfillmentStates(
  api: CtApi,
  settings: FulfillmentSyncSettings,
): Promise<FulfillmentStatesReport> {
  const report: FulfillmentStatesReport = { states: {}, warnings: [] };
  for (const spec of fulfillmentStateSpecs(settings)) {
    const outcome = await ensureState(api, spec, {
      owned: spec.key.startsWith(CONNECTOR_STATE_PREFIX),
    });
    report.states[`${spec.type}:${spec.key}`] = outcome;
    if (outcome === 'kept') {
      report.warnings.push(
        `${spec.type} ${spec.key} is the merchant's (no ${CONNECTOR_STATE_PREFIX} prefix) and differs from the connector's design (initial: ${spec.initial}, no transitions): left as is`,
      );
    }
  }
  const blocked = await initialLineStateWarning(api, settings.lineCancelledState);
  if (blocked) report.warnings.push(blocked);

  return report;
}
