import { booleanString, intString, jsonString, z } from '../../config/env';
import { orderSourceEnvShape } from './linnworks-order.contract';
import { POSTCODE_SHAPES } from './address-shapes';
import {
  type BatchSettings,
  DEFAULT_ORDER_BATCH_WINDOW_MS,
  MAX_ORDER_BATCH_SIZE,
  MAX_ORDER_BATCH_WINDOW_MS,
} from './create-orders.batcher';
import {
  defaultSkuMatching,
  type SkuMatching,
  skuMatchingEnvShape,
} from '../stock-sync/sku-matching.contract';

/** A commercetools key (stores, like every key): 2..256 of `A-Za-z0-9_-`; `_none` fits. */
const ctKey = z.string().regex(/^[A-Za-z0-9_-]{2,256}$/, 'must be a commercetools store key');

const storeMappingSchema = z.record(
  ctKey,
  z.strictObject({
    /** Linnworks SubSource of the store's orders. */
    subSource: z.string().min(1),
    /** Linnworks stock location name the orders are created at. */
    location: z.string().min(1).default('Default'),
  }),
);

const shippingMethodMappingSchema = z.record(
  z.string().min(1),
  z.strictObject({
    /** Linnworks postal service name: sent as MatchPostalServiceTag (matched by name) and PostalServiceName. */
    postalService: z.string().min(1),
    /** Optional value for MatchPostalServiceTag when it must differ from the name (see docs). */
    tag: z.string().min(1).optional(),
  }),
);

const countryLocationsSchema = z.record(
  z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, like GB'),
  z.string().min(1),
);

const currenciesSchema = z
  .array(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code, like EUR'))
  .min(1);

const postcodeCountriesSchema = z.array(
  z.string().refine((c) => c in POSTCODE_SHAPES, {
    error: (issue) =>
      `no postcode shape for ${String(issue.input)}; known: ${Object.keys(POSTCODE_SHAPES).join(' ')}`,
  }),
);

/**
 * Configuration keys of the order-sync flow. They are declared once for the whole connector
 * (connect.yaml `inheritAs`), because sync-admin replays this flow's failures in-process
 * with the same settings. Documented in docs/configuration.md ("order-sync").
 */
export const orderSyncEnvShape = {
  ...orderSourceEnvShape,
  /** Store key (or `_none` for orders without a store) → SubSource and location. */
  ORDER_STORE_MAPPING: jsonString(storeMappingSchema).default({
    _none: { subSource: 'default', location: 'Default' },
  }),
  /** Shipping method key → Linnworks postal service. `_none`: orders without a shipping method. */
  ORDER_SHIPPING_METHOD_MAPPING: jsonString(shippingMethodMappingSchema).default({}),
  /** Shipping-country routing: ISO country → location name; overrides the store's location. */
  ORDER_COUNTRY_LOCATIONS: jsonString(countryLocationsSchema).default({}),
  ORDER_SYNC_PAID_ONLY: booleanString(false),
  /** When an order counts as paid: its paymentState, its successful Charge transactions, or either. */
  ORDER_PAID_WHEN: z.enum(['paymentState', 'transactions', 'either']).default('paymentState'),
  /** Payment interface and/or method → Linnworks payment method (docs/order-sync.md, "Payment"). */
  ORDER_PAYMENT_METHOD_MAPPING: jsonString(z.record(z.string().min(1), z.string().min(1))).default(
    {},
  ),
  /** Comma-separated store keys whose orders sync; empty means every store. */
  ORDER_SYNC_STORES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(ctKey)),
  /** What to do with a SKU Linnworks does not know: reject the order, or send it unlinked. */
  ORDER_UNKNOWN_SKU_POLICY: z.enum(['reject', 'unlinked']).default('reject'),
  /** The SKU normaliser stock-sync uses: order SKUs are sent to Linnworks in the same form. */
  ...skuMatchingEnvShape,
  ORDER_SUPPORTED_CURRENCIES: jsonString(currenciesSchema).default(['EUR', 'GBP', 'USD']),
  /** Countries whose shipping postcodes must have the country's shape, e.g. ["GB","DE"]. */
  ORDER_POSTCODE_COUNTRIES: jsonString(postcodeCountriesSchema).default([]),
  /** Locale of product names sent as item titles (falls back to the first name present). */
  ORDER_TITLE_LOCALE: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a locale like en or en-GB')
    .default('en'),
  /** Hours from the order date to Linnworks' DispatchBy. */
  ORDER_DISPATCH_WITHIN_HOURS: intString(48, { min: 0, max: 24 * 60 }),
  /** How long the first new order of a batch waits for others before CreateOrders (docs/order-sync.md, "Batching"). */
  ORDER_BATCH_WINDOW_MS: intString(DEFAULT_ORDER_BATCH_WINDOW_MS, {
    min: 0,
    max: MAX_ORDER_BATCH_WINDOW_MS,
  }),
  /** Most orders per CreateOrders call (Linnworks takes 20); 1 turns batching off. */
  ORDER_BATCH_MAX_SIZE: intString(MAX_ORDER_BATCH_SIZE, { min: 1, max: MAX_ORDER_BATCH_SIZE }),
};

type EnvShape = typeof orderSyncEnvShape;
export type OrderSyncEnv = {
  [K in Exclude<keyof EnvShape, 'STOCK_SKU_MATCHING'>]: z.output<EnvShape[K]>;
} & { STOCK_SKU_MATCHING?: SkuMatching };

/** The flow's settings as the use case reads them. */
export interface OrderSyncSettings {
  source: string;
  storeMapping: z.output<typeof storeMappingSchema>;
  shippingMethodMapping: z.output<typeof shippingMethodMappingSchema>;
  countryLocations: z.output<typeof countryLocationsSchema>;
  paidOnly: boolean;
  paidWhen: 'paymentState' | 'transactions' | 'either';
  paymentMethodMapping: Record<string, string>;
  stores: string[];
  unknownSkuPolicy: 'reject' | 'unlinked';
  skuMatching: SkuMatching;
  supportedCurrencies: string[];
  postcodeCountries: string[];
  titleLocale: string;
  dispatchWithinHours: number;
  /** CreateOrders batching; absent: one order per call, at once. */
  batch?: BatchSettings;
}

export function toOrderSyncSettings(env: OrderSyncEnv): OrderSyncSettings {
  return {
    source: env.LINNWORKS_ORDER_SOURCE,
    storeMapping: env.ORDER_STORE_MAPPING,
    shippingMethodMapping: env.ORDER_SHIPPING_METHOD_MAPPING,
    countryLocations: env.ORDER_COUNTRY_LOCATIONS,
    paidOnly: env.ORDER_SYNC_PAID_ONLY,
    paidWhen: env.ORDER_PAID_WHEN,
    paymentMethodMapping: env.ORDER_PAYMENT_METHOD_MAPPING,
    stores: env.ORDER_SYNC_STORES,
    unknownSkuPolicy: env.ORDER_UNKNOWN_SKU_POLICY,
    skuMatching: env.STOCK_SKU_MATCHING ?? defaultSkuMatching,
    supportedCurrencies: env.ORDER_SUPPORTED_CURRENCIES,
    postcodeCountries: env.ORDER_POSTCODE_COUNTRIES,
    titleLocale: env.ORDER_TITLE_LOCALE,
    dispatchWithinHours: env.ORDER_DISPATCH_WITHIN_HOURS,
    batch: { windowMs: env.ORDER_BATCH_WINDOW_MS, maxSize: env.ORDER_BATCH_MAX_SIZE },
  };
}
