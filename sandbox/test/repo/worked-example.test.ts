import { loadConfig as fulfillmentConfig } from 'fulfillment-sync';
import { loadConfig as orderConfig } from 'order-sync';
import { mapOrderToLinnworks, rulesForStore } from 'shared';
import { buildCtOrder } from 'shared/testing';
import { loadConfig as stockConfig } from 'stock-sync';
import { loadConfig as adminConfig } from 'sync-admin';
import { loadConfig as schedulerConfig } from 'sync-scheduler';

import { workedExample } from './worked-example';

/** Stand-in credentials: the example leaves the secured keys out. */
const credentials = {
  CTP_PROJECT_KEY: 'hallam-berg',
  CTP_CLIENT_ID: 'client-id',
  CTP_CLIENT_SECRET: 'client-secret',
  CTP_REGION: 'europe-west1.gcp',
  LINNWORKS_APPLICATION_ID: 'app-id',
  LINNWORKS_APPLICATION_SECRET: 'app-secret',
  LINNWORKS_INSTALLATION_TOKEN: 'install-token',
};
const example = workedExample();
const setup = { ...credentials, ...example.setup };
const settings = orderConfig(setup).settings;

/** Where (and with which postal service) the example sends an order of `store` to `country`. */
function sent(store: string, country: string, currency: string, method = 'standard') {
  const order = buildCtOrder({
    storeKey: store,
    country,
    currency,
    lines: [{ sku: 'MUG-1', quantity: 1, unitCents: 1200, ratePercent: 20 }],
    shipping: { priceCents: 400, ratePercent: 20, method },
  });
  const result = mapOrderToLinnworks(order, rulesForStore(settings, store));
  if (!result.ok) return result.problems.map((p) => p.code);

  return { location: result.mapped.location, postal: result.mapped.order.PostalServiceName };
}

describe('the worked example of docs/configuration.md', () => {
  it('when every app reads it, then it parses with the real schemas', () => {
    for (const load of [orderConfig, stockConfig, fulfillmentConfig, adminConfig, schedulerConfig])
      expect(() => load(setup)).not.toThrow();
  });

  it('when an order of each store is mapped, then the store rules the doc describes apply', () => {
    expect(sent('eu', 'IE', 'EUR')).toEqual({ location: 'Berlin', postal: 'DHL Paket' });
    expect(sent('uk', 'IE', 'GBP')).toEqual({ location: 'Leeds', postal: 'DHL Paket' });
    expect(sent('eu', 'FR', 'EUR')).toEqual({ location: 'Berlin', postal: 'DHL Paket' });
    expect(sent('eu', 'GB', 'EUR')).toEqual({ location: 'Leeds', postal: 'DHL Paket' });
    expect(sent('uk', 'GB', 'GBP', 'express')).toMatchObject({ postal: 'Royal Mail Tracked 24' });
    expect(sent('eu', 'DE', 'EUR', 'express')).toMatchObject({ postal: 'DHL Express' });
    expect(sent('uk', 'GB', 'EUR')).toEqual(['CURRENCY_UNSUPPORTED']);
    expect(sent('eu', 'DE', 'GBP')).toEqual(['CURRENCY_UNSUPPORTED']);
  });

  it('when the rules of each store are resolved, then paid-only, unknown SKUs and titles follow the doc', () => {
    expect(rulesForStore(settings, 'uk')).toMatchObject({
      paidOnly: false,
      unknownSkuPolicy: 'reject',
      titleLocale: 'en',
    });
    expect(rulesForStore(settings, 'eu')).toMatchObject({
      paidOnly: true,
      paidWhen: 'either',
      unknownSkuPolicy: 'unlinked',
      titleLocale: 'de',
    });
    expect(stockConfig(setup).settings.mapping.locations).toHaveLength(2);
  });

  it.each(['uk', 'eu'])(
    'when deployment %s reads the example, then every app has its instance key, stores and names',
    (key) => {
      const env = { ...setup, ...example.deployments[key] };
      const apps = [orderConfig, stockConfig, fulfillmentConfig, adminConfig, schedulerConfig];
      for (const load of apps) expect(load(env)).toMatchObject({ instanceKey: key });
      expect(orderConfig(env)).toMatchObject({
        subscriptionKey: `linnworks-connector-orders--${key}`,
        settings: { stores: [key], source: `COMMERCETOOLS-${key.toUpperCase()}` },
      });
      expect(fulfillmentConfig(env).settings.source).toBe(`COMMERCETOOLS-${key.toUpperCase()}`);
      expect(stockConfig(env).settings.mapping.locations).toHaveLength(1);
    },
  );
});
