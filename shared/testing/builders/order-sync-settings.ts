import type { OrderSyncSettings } from '../../src/flows/order-sync/order-sync.settings';

/** Order-sync settings for use-case tests: one store, EUR, unknown SKUs sent unlinked. */
export function testOrderSyncSettings(
  overrides: Partial<OrderSyncSettings> = {},
): OrderSyncSettings {
  return {
    source: 'COMMERCETOOLS',
    storeMapping: { _none: { subSource: 'web', location: 'Default' } },
    shippingMethodMapping: {},
    countryLocations: {},
    paidOnly: false,
    paidWhen: 'paymentState',
    paymentMethodMapping: {},
    stores: [],
    unknownSkuPolicy: 'unlinked',
    skuMatching: { trim: false, case: 'preserve' },
    supportedCurrencies: ['EUR'],
    postcodeCountries: [],
    titleLocale: 'en',
    dispatchWithinHours: 48,
    ...overrides,
  };
}
