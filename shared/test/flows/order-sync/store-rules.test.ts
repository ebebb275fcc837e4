import type { Order } from '@commercetools/platform-sdk';

import { parseEnv } from '../../../src/config/env';
import { KnownSkuCache } from '../../../src/flows/order-sync/known-sku.cache';
import { OrderStateRepo } from '../../../src/flows/order-sync/order-state.contract';
import type { OrderSyncDeps } from '../../../src/flows/order-sync/order-sync.deps';
import {
  orderSyncEnvShape,
  toOrderSyncSettings,
  type OrderSyncSettings,
} from '../../../src/flows/order-sync/order-sync.settings';
import { rulesForStore } from '../../../src/flows/order-sync/store-rules';
import { syncOrder } from '../../../src/flows/order-sync/sync-order.use-case';
import type { LinnworksApi } from '../../../src/linnworks/linnworks-api.port';
import type {
  LinnworksChannelOrder,
  LinnworksOrderDetails,
} from '../../../src/linnworks/linnworks-types';
import { FailureQueue } from '../../../src/state/failure-queue';
import { captureLogger, configProblems, InMemoryStateStore } from '../../../testing';
import { buildCtOrder, type OrderSpec } from '../../../testing/builders/ct-order.builder';

/** A `uk` store entry with every rule a store may set (paid-only by payment state). */
const ukEntry = {
  subSource: 'uk-web',
  location: 'Leeds',
  countryLocations: { IE: 'Dublin' },
  shippingMethodMapping: { express: { postalService: 'Royal Mail 24' } },
  supportedCurrencies: ['GBP'],
  paidOnly: true,
  unknownSkuPolicy: 'reject',
  titleLocale: 'en',
};
const deEntry = { subSource: 'de-web', location: 'Berlin' };

/** Globals, and two stores: `uk` overrides every rule a store may (paid by transactions), `de` none. */
const env = {
  ORDER_STORE_MAPPING: JSON.stringify({
    uk: { ...ukEntry, paidWhen: 'transactions', titleLocale: 'en-GB' },
    de: deEntry,
  }),
  ORDER_COUNTRY_LOCATIONS: '{"IE":"Cork","US":"Newark"}',
  ORDER_SHIPPING_METHOD_MAPPING:
    '{"express":{"postalService":"DHL Express"},"standard":{"postalService":"DHL Paket"}}',
  ORDER_SUPPORTED_CURRENCIES: '["EUR","GBP"]',
  ORDER_UNKNOWN_SKU_POLICY: 'unlinked',
  ORDER_TITLE_LOCALE: 'de',
};
const settings = toOrderSyncSettings(parseEnv(orderSyncEnvShape, env));

describe('per-store rules (rulesForStore)', () => {
  it('when a store sets no rules of its own, then its orders follow the globals', () => {
    expect(rulesForStore(settings, 'de')).toEqual(settings);
    expect(rulesForStore(settings, 'unmapped')).toBe(settings);
  });

  it('when a store sets rules, then its values win and maps merge key by key', () => {
    const uk = rulesForStore(settings, 'uk');
    expect(uk).toMatchObject<Partial<OrderSyncSettings>>({
      // the store's IE route wins; the global US route still applies
      countryLocations: { IE: 'Dublin', US: 'Newark' },
      shippingMethodMapping: {
        express: { postalService: 'Royal Mail 24' },
        standard: { postalService: 'DHL Paket' },
      },
      supportedCurrencies: ['GBP'],
      paidOnly: true,
      paidWhen: 'transactions',
      unknownSkuPolicy: 'reject',
      titleLocale: 'en-GB',
    });
  });

  it('when resolved twice, then nothing changes (a pure, idempotent step)', () => {
    const once = rulesForStore(settings, 'uk');
    expect(rulesForStore(once, 'uk')).toEqual(once);
  });
});

describe('per-store rules in the schema', () => {
  const problemsOf = (mapping: unknown) =>
    configProblems(() =>
      parseEnv(orderSyncEnvShape, { ORDER_STORE_MAPPING: JSON.stringify(mapping) }),
    );

  it('when a store rule is misspelt, then the error names the path and the field meant', () => {
    expect(problemsOf({ uk: { subSource: 'uk', paidOnyl: true } })).toEqual([
      '`ORDER_STORE_MAPPING: uk.paidOnyl`: unknown field; did you mean `paidOnly`?',
    ]);
    expect(problemsOf({ uk: { subSource: 'uk', countryLocation: { IE: 'Dublin' } } })).toEqual([
      '`ORDER_STORE_MAPPING: uk.countryLocation`: unknown field; did you mean `countryLocations`?',
    ]);
  });

  it('when a store rule has the wrong type or value, then the error names the path', () => {
    expect(
      problemsOf({
        uk: {
          subSource: 'uk',
          paidOnly: 'yes',
          supportedCurrencies: ['gbp'],
          countryLocations: { ie: 'Dublin' },
          shippingMethodMapping: { express: { postalServce: 'RM' } },
        },
      }),
    ).toEqual([
      '`ORDER_STORE_MAPPING: uk.countryLocations.ie`: invalid key: must be an ISO 3166-1 alpha-2 country code, like GB',
      '`ORDER_STORE_MAPPING: uk.shippingMethodMapping.express.postalService`: is required',
      '`ORDER_STORE_MAPPING: uk.shippingMethodMapping.express.postalServce`: unknown field; did you mean `postalService`?',
      '`ORDER_STORE_MAPPING: uk.supportedCurrencies.0`: must be an ISO 4217 currency code, like EUR',
      '`ORDER_STORE_MAPPING: uk.paidOnly`: Invalid input: expected boolean, received string',
    ]);
  });
});

/** For the use case: the `uk` store paid-only by payment state, titles in `en`. */
const storeSettings = toOrderSyncSettings(
  parseEnv(orderSyncEnvShape, {
    ...env,
    ORDER_STORE_MAPPING: JSON.stringify({ uk: ukEntry, de: deEntry }),
  }),
);

/** A Linnworks stand-in that records created orders and knows only SKU `KNOWN`. */
function linnworks() {
  const created: { order: LinnworksChannelOrder; location: string }[] = [];
  const api = {
    createOrders: async (request: { orders: LinnworksChannelOrder[]; location: string }) => {
      created.push(...request.orders.map((order) => ({ order, location: request.location })));

      return request.orders.map((_o, i) => `lw-${created.length - request.orders.length + i + 1}`);
    },
    getOrderDetailsByReferenceId: async () => [],
    // CreateOrders' ids are read back and matched to the commercetools order they carry.
    getOrdersById: async ({ orderIds }: { orderIds: string[] }) =>
      orderIds.map((id) => {
        const o = created[Number(id.slice('lw-'.length)) - 1]?.order;
        const GeneralInfo = {
          Source: o?.Source,
          SecondaryReference: o?.SecondaryReferenceNumber,
          ExternalReferenceNum: o?.ExternalReference,
          Status: o?.PaymentStatus === 'Paid' ? 1 : 0,
        };

        return { OrderId: id, GeneralInfo } as unknown as LinnworksOrderDetails;
      }),
    getStockItemIdsBySku: async ({ skus }: { skus: string[] }) =>
      skus.filter((s) => s === 'KNOWN').map((sku) => ({ SKU: sku, StockItemId: `id-${sku}` })),
  } as unknown as LinnworksApi;

  return { api, created };
}

async function sync(spec: Partial<OrderSpec> & { storeKey: string }) {
  const order = buildCtOrder({
    id: 'o-1',
    orderNumber: 'N-1',
    country: 'IE',
    lines: [{ sku: 'KNOWN', quantity: 1, unitCents: 1000, ratePercent: 20 }],
    shipping: { priceCents: 500, ratePercent: 20, method: 'express' },
    ...spec,
  });
  const store = new InMemoryStateStore();
  const lw = linnworks();
  const deps: OrderSyncDeps = {
    ct: {
      getOrder: async () => order as Order,
      recordLinnworksOrderId: async () => undefined,
      findOrdersModified: async () => [],
      linnworksChannelId: async () => undefined,
      findOrderIdByPayment: async () => undefined,
    },
    linnworks: lw.api,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store),
    settings: storeSettings,
    logger: captureLogger().logger,
    knownSkus: new KnownSkuCache(),
  };
  const result = await syncOrder(deps, 'o-1');

  return { result, created: lw.created[0] };
}

describe('per-store rules decide what syncOrder does with an order of that store', () => {
  it("when the store routes a country, maps a shipping method and names a locale, then its order gets the store's", async () => {
    const uk = await sync({ storeKey: 'uk', currency: 'GBP' });
    expect(uk.result).toMatchObject({ outcome: 'processed' });
    expect(uk.created?.location).toBe('Dublin');
    expect(uk.created?.order).toMatchObject({
      SubSource: 'uk-web',
      PostalServiceName: 'Royal Mail 24',
    });
    expect(uk.created?.order.OrderItems[0]?.ItemTitle).toBe('Product 1');

    const de = await sync({ storeKey: 'de', currency: 'GBP' });
    expect(de.created?.location).toBe('Cork');
    expect(de.created?.order).toMatchObject({
      SubSource: 'de-web',
      PostalServiceName: 'DHL Express',
    });
    expect(de.created?.order.OrderItems[0]?.ItemTitle).toBe('Produkt 1');
  });

  it("when only the store is paid-only, then its unpaid order waits and the other store's is sent", async () => {
    const uk = await sync({ storeKey: 'uk', currency: 'GBP', paymentState: 'Pending' });
    expect(uk.result).toMatchObject({ outcome: 'skipped', action: 'awaiting-payment' });
    const de = await sync({ storeKey: 'de', currency: 'GBP', paymentState: 'Pending' });
    expect(de.result).toMatchObject({ outcome: 'processed' });
  });

  it("when the store supports only GBP, then its EUR order is rejected and the other store's is sent", async () => {
    const uk = await sync({ storeKey: 'uk', currency: 'EUR' });
    expect(uk.result).toMatchObject({ outcome: 'rejected', reasonCode: 'CURRENCY_UNSUPPORTED' });
    const de = await sync({ storeKey: 'de', currency: 'EUR' });
    expect(de.result).toMatchObject({ outcome: 'processed' });
  });

  it("when the store rejects unknown SKUs and the globals send them unlinked, then each store's rule applies", async () => {
    const lines = [{ sku: 'NEW-SKU', quantity: 1, unitCents: 1000, ratePercent: 20 }];
    const uk = await sync({ storeKey: 'uk', currency: 'GBP', lines });
    expect(uk.result).toMatchObject({ outcome: 'rejected', reasonCode: 'SKU_UNKNOWN' });
    const de = await sync({ storeKey: 'de', currency: 'GBP', lines });
    expect(de.result).toMatchObject({ outcome: 'processed' });
  });
});
