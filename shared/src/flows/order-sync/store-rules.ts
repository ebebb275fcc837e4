import type { Order } from '@commercetools/platform-sdk';

import { NO_STORE_KEY } from './ct-order.mapper';
import type { OrderSyncDeps } from './order-sync.deps';
import type { OrderSyncSettings } from './order-sync.settings';

/**
 * The rules one store's orders are synced by: the global settings with the store's own values
 * from its ORDER_STORE_MAPPING entry on top. Maps (country routing, shipping methods) merge key
 * by key, the store's entry winning; every other rule the store sets replaces the global one.
 * Pure, and resolved once per order (`withStoreRules`): the mappers only ever see the result.
 */
export function rulesForStore(settings: OrderSyncSettings, storeKey: string): OrderSyncSettings {
  const store = settings.storeMapping[storeKey];
  if (!store) return settings;

  return {
    ...settings,
    countryLocations: { ...settings.countryLocations, ...store.countryLocations },
    shippingMethodMapping: { ...settings.shippingMethodMapping, ...store.shippingMethodMapping },
    supportedCurrencies: store.supportedCurrencies ?? settings.supportedCurrencies,
    paidOnly: store.paidOnly ?? settings.paidOnly,
    paidWhen: store.paidWhen ?? settings.paidWhen,
    unknownSkuPolicy: store.unknownSkuPolicy ?? settings.unknownSkuPolicy,
    titleLocale: store.titleLocale ?? settings.titleLocale,
  };
}

/** The store key an order is mapped by: its store's, or `_none`. */
export function storeKeyOf(order: Pick<Order, 'store'>): string {
  return order.store?.key ?? NO_STORE_KEY;
}

/** The use cases' dependencies with the settings of the order's store resolved. */
export function withStoreRules(deps: OrderSyncDeps, order: Pick<Order, 'store'>): OrderSyncDeps {
  return { ...deps, settings: rulesForStore(deps.settings, storeKeyOf(order)) };
}
