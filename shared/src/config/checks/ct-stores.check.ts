import type { Store } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctFind } from '../../commercetools/ct-errors';
import { lookUpEach, refsOf, type SettingRefCheck } from './setting-ref-check';

/** The stores the settings map or select exist in the project (else their orders never sync). */
export const checkStores: SettingRefCheck<CtApi> = async (api, refs) => {
  const stores = refsOf(refs, 'ct-store');
  const found = await lookUpEach<Store>(stores, (key) =>
    ctFind(`read of store ${key}`, () => api.stores().withKey({ key }).get().execute()),
  );

  return stores
    .filter((ref) => !found.get(ref.value))
    .map((ref) => `${ref.where}: no store with key \`${ref.value}\` in commercetools`);
};
