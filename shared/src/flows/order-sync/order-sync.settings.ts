import { booleanString, intString, jsonString, z } from '../../config/env';
import { refersTo } from '../../config/setting-refs';
import { orderSourceEnvShape, orderSourceOf } from './linnworks-order.contract';
import { POSTCODE_SHAPES } from './address-shapes';
import {
  DEFAULT_LINE_CANCELLED_STATE,
  lineCancelledStateEnvShape,
} from '../fulfillment-sync/line-cancelled-state.contract';
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
const ctKey = refersTo(
  z.string().regex(/^[A-Za-z0-9_-]{2,256}$/, 'must be a commercetools store key'),
  { kind: 'ct-store', except: ['_none'] },
);

/** A Linnworks stock location, by name: CreateOrders' `location` (reference §3). */
const locationName = refersTo(z.string().min(1), { kind: 'lw-location', match: 'name' });

const shippingMethodMappingSchema = z.record(
  refersTo(z.string().min(1), {
    kind: 'ct-shipping-method',
    match: 'key-or-name',
    except: ['_none'],
  }),
  z.strictObject({
    /** Linnworks postal service name: sent as MatchPostalServiceTag (matched by name) and PostalServiceName. */
    postalService: refersTo(z.string().min(1), { kind: 'lw-postal-service' }),
    /** Optional value for MatchPostalServiceTag when it must differ from the name (see docs). */
    tag: z.string().min(1).optional(),
  }),
);

const countryLocationsSchema = z.record(
  z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, like GB'),
  locationName,
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

const paidWhenSchema = z.enum(['paymentState', 'transactions', 'either']);
const unknownSkuPolicySchema = z.enum(['reject', 'unlinked']);
const titleLocaleSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a locale like en or en-GB');

/**
 * One store's entry: its SubSource and location, and optionally its own rules, which win over
 * the global keys for the store's orders (store-rules.ts; docs/configuration.md, "Per-store
 * rules"). Maps merge key by key (the store's entry wins); the other rules replace the global.
 */
const storeEntrySchema = z.strictObject({
  /** Linnworks SubSource of the store's orders. */
  subSource: z.string().min(1),
  /** Linnworks stock location name the orders are created at. */
  location: locationName.default('Default'),
  countryLocations: countryLocationsSchema.optional(),
  shippingMethodMapping: shippingMethodMappingSchema.optional(),
  supportedCurrencies: currenciesSchema.optional(),
  paidOnly: z.boolean().optional(),
  paidWhen: paidWhenSchema.optional(),
  unknownSkuPolicy: unknownSkuPolicySchema.optional(),
  titleLocale: titleLocaleSchema.optional(),
});

const storeMappingSchema = z.record(ctKey, storeEntrySchema);

/** One store's entry in ORDER_STORE_MAPPING, with its own rules when it has any. */
export type StoreEntry = z.output<typeof storeEntrySchema>;

/**
 * Configuration keys of the order-sync flow. They are declared once for the whole connector
 * (connect.yaml `inheritAs`), because sync-admin replays this flow's failures in-process
 * with the same settings. Documented in docs/configuration.md ("order-sync").
 */
export const orderSyncEnvShape = {
  ...orderSourceEnvShape,
  /** Store key (or `_none` for orders without a store) → SubSource, location, own rules. */
  ORDER_STORE_MAPPING: jsonString(storeMappingSchema).default({
    _none: { subSource: 'default', location: 'Default' },
  }),
  /** Shipping method key → Linnworks postal service. `_none`: orders without a shipping method. */
  ORDER_SHIPPING_METHOD_MAPPING: jsonString(shippingMethodMappingSchema).default({}),
  /** Shipping-country routing: ISO country → location name; overrides the store's location. */
  ORDER_COUNTRY_LOCATIONS: jsonString(countryLocationsSchema).default({}),
  ORDER_SYNC_PAID_ONLY: booleanString(false),
  /** When an order counts as paid: its paymentState, its successful Charge transactions, or either. */
  ORDER_PAID_WHEN: paidWhenSchema.default('paymentState'),
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
  ORDER_UNKNOWN_SKU_POLICY: unknownSkuPolicySchema.default('reject'),
  /** The SKU normaliser stock-sync uses: order SKUs are sent to Linnworks in the same form. */
  ...skuMatchingEnvShape,
  ORDER_SUPPORTED_CURRENCIES: jsonString(currenciesSchema).default(['EUR', 'GBP', 'USD']),
  /** Countries whose shipping postcodes must have the country's shape, e.g. ["GB","DE"]. */
  ORDER_POSTCODE_COUNTRIES: jsonString(postcodeCountriesSchema).default([]),
  /** Locale of product names sent as item titles (falls back to the first name present). */
  ORDER_TITLE_LOCALE: titleLocaleSchema.default('en'),
  /**
   * Key of the line-item State that means "cancelled in commercetools": units moved there leave
   * the open Linnworks order (a partial cancellation). Unset: line-item states are not read.
   */
  ORDER_CANCELLED_LINE_STATE: refersTo(
    z.string().regex(/^[-_~.a-zA-Z0-9]{2,256}$/, 'must be a commercetools state key'),
    { kind: 'ct-state', stateType: 'LineItemState' },
  ).optional(),
  /** fulfillment-sync's state for units Linnworks cancelled: they are never sent back. */
  ...lineCancelledStateEnvShape,
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
/** Keys without a default: absent means the feature is off. */
type OptionalKey = 'ORDER_CANCELLED_LINE_STATE' | 'FULFILLMENT_LINE_CANCELLED_STATE';
export type OrderSyncEnv = {
  [
    K in Exclude<keyof EnvShape, 'STOCK_SKU_MATCHING' | 'CONNECTOR_INSTANCE_KEY' | OptionalKey>
  ]: z.output<EnvShape[K]>;
} & { STOCK_SKU_MATCHING?: SkuMatching; CONNECTOR_INSTANCE_KEY?: string | undefined } & {
  [K in OptionalKey]?: z.output<EnvShape[K]>;
};

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
  /** `ORDER_CANCELLED_LINE_STATE`: units in this line-item state are cancelled in Linnworks. */
  cancelledLineState?: string;
  /** `FULFILLMENT_LINE_CANCELLED_STATE`: units Linnworks cancelled itself (never sent back). */
  linnworksCancelledLineState?: string;
  /** CreateOrders batching; absent: one order per call, at once. */
  batch?: BatchSettings;
}

export function toOrderSyncSettings(env: OrderSyncEnv): OrderSyncSettings {
  return {
    source: orderSourceOf(env),
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
    ...(env.ORDER_CANCELLED_LINE_STATE
      ? { cancelledLineState: env.ORDER_CANCELLED_LINE_STATE }
      : {}),
    linnworksCancelledLineState:
      env.FULFILLMENT_LINE_CANCELLED_STATE ?? DEFAULT_LINE_CANCELLED_STATE,
    batch: { windowMs: env.ORDER_BATCH_WINDOW_MS, maxSize: env.ORDER_BATCH_MAX_SIZE },
  };
}
