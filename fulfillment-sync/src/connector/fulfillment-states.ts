import { type CtApi, ensureState, type FulfillmentSettings, statesToEnsure } from 'shared';

/** Creates the custom order states and line-item states the settings name; idempotent. */
export async function ensureFulfillmentStates(
  api: CtApi,
  settings: FulfillmentSettings,
): Promise<Record<string, string>> {
  const { orderStates, lineItemStates } = statesToEnsure(settings);
  const result: Record<string, string> = {};
  for (const key of orderStates) {
    result[`OrderState:${key}`] = await ensureState(api, { key, type: 'OrderState', name: key });
  }
  for (const key of lineItemStates) {
    result[`LineItemState:${key}`] = await ensureState(api, {
      key,
      type: 'LineItemState',
      name: key,
    });
  }

  return result;
}
