import type { ShippingMethod } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctFind, toCtError } from '../../commercetools/ct-errors';
import { lookUpEach, refsOf, type SettingRefCheck } from './setting-ref-check';

async function byName(api: CtApi, name: string): Promise<ShippingMethod | undefined> {
  const quoted = JSON.stringify(name);
  try {
    const page = await api
      .shippingMethods()
      .get({ queryArgs: { where: `name=${quoted}`, limit: 1 } })
      .execute();

    return page.body.results[0];
  } catch (error) {
    throw toCtError(error, `search of shipping methods named ${quoted}`);
  }
}

/**
 * The shipping methods the mapping names exist, by key or else by name: orders name their method
 * by its key when the reference is expanded, else by its name (order-shipping.mapper.ts).
 */
export const checkShippingMethods: SettingRefCheck<CtApi> = async (api, refs) => {
  const methods = refsOf(refs, 'ct-shipping-method');
  const found = await lookUpEach<ShippingMethod>(
    methods,
    async (keyOrName) =>
      (await ctFind(`read of shipping method ${keyOrName}`, () =>
        api.shippingMethods().withKey({ key: keyOrName }).get().execute(),
      )) ?? (await byName(api, keyOrName)),
  );

  return methods
    .filter((ref) => !found.get(ref.value))
    .map(
      (ref) =>
        `${ref.where}: no shipping method with key or name \`${ref.value}\` in commercetools`,
    );
};
