import type { State } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctFind } from '../../commercetools/ct-errors';
import { lookUpEach, refsOf, type SettingRefCheck } from './setting-ref-check';

/**
 * The states the settings name exist with the type the flow needs. One the connector creates at
 * deploy (fulfillment-sync's post-deploy) may be missing, but never of another type: that
 * post-deploy could not create it and the flow could not use it.
 */
export const checkStates: SettingRefCheck<CtApi> = async (api, refs) => {
  const states = refsOf(refs, 'ct-state');
  const found = await lookUpEach<State>(states, (key) =>
    ctFind(`read of state ${key}`, () => api.states().withKey({ key }).get().execute()),
  );

  return states.flatMap((ref) => {
    const state = found.get(ref.value);
    if (!state) {
      return ref.createdAtDeploy
        ? []
        : [`${ref.where}: no state with key \`${ref.value}\` in commercetools`];
    }
    if (ref.stateType && state.type !== ref.stateType) {
      return [
        `${ref.where}: state \`${ref.value}\` is of type ${state.type}; this setting needs one of type ${ref.stateType}`,
      ];
    }

    return [];
  });
};
