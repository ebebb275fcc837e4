import { CONNECTOR_APPS, type ConnectorApp } from '../commercetools/scopes';
import { DEFAULT_LINNWORKS_RATE_LIMIT, LINNWORKS_RATE_LIMITS } from './rate-budget';

/**
 * The connector's apps (every one calls Linnworks: the list in scopes.ts). They share one tenant's per-minute limits (reference
 * §7: limits are per endpoint and, as MK assumes, per account), so each gets a static share of
 * every endpoint. `sync-scheduler` runs the order backstop, the alert watch and the scheduled
 * reconciliation.
 */
export const LINNWORKS_APPS = CONNECTOR_APPS;
export type LinnworksApp = ConnectorApp;

/**
 * Who calls an endpoint in normal running, with a weight. Every app not listed keeps weight 1
 * (sync-admin's replays and checks run any flow's calls; a flow's rare lookup), so no app is ever
 * left without budget. Shares are the limit split by weight, rounded down: their sum never
 * exceeds the limit.
 */
const WEIGHTS: Readonly<Record<string, Partial<Record<LinnworksApp, number>>>> = {
  // order-sync batches up to 20 orders per call (issue #19): its 131 calls a minute (129 in any
  // 61 s, the margin) carry 43 new orders a second. sync-admin replays failed orders (after a
  // fix, often many at once: 16 at a time, so they share batches too) and force-syncs;
  // sync-scheduler's backstop creates the rare order whose messages were lost.
  'Orders/CreateOrders': { 'order-sync': 64, 'sync-scheduler': 2, 'sync-admin': 5 },
  // order-sync reads every CreateOrders batch back (one call per batch, matched per order):
  // at least its CreateOrders share.
  'Orders/GetOrdersById': { 'fulfillment-sync': 30, 'order-sync': 42, 'sync-admin': 5 },
  // order-sync looks up only orders that already have a record or were skipped as duplicates;
  // sync-admin's replays and reconciliation and the scheduler's backstop look up per order.
  // (Weights total 50: the apps not listed keep 5 calls a minute, as before.)
  'Orders/GetOrderDetailsByReferenceId': {
    'order-sync': 15,
    'sync-scheduler': 20,
    'sync-admin': 13,
  },
  'Orders/GetOpenOrders': { 'stock-sync': 30, 'sync-scheduler': 10 },
  'Orders/CancelOrder': { 'order-sync': 40 },
  'Orders/ChangeStatus': { 'order-sync': 40 },
  'Orders/ChangeOrderTag': { 'order-sync': 40 },
  'Orders/SetOrderCustomerInfo': { 'order-sync': 40 },
  'Orders/SetOrderShippingInfo': { 'order-sync': 40 },
  'Orders/AddOrderItem': { 'order-sync': 40 },
  'Orders/UpdateOrderItem': { 'order-sync': 40 },
  'Orders/RemoveOrderItem': { 'order-sync': 40 },
  'PostSale/GetCancellationOptions': { 'order-sync': 40 },
  'PostSale/CreateCancellation': { 'order-sync': 40 },
  // Reconciliation reads refunds of processed orders (scheduled: sync-scheduler; on demand: sync-admin).
  'ReturnsRefunds/GetRefundOptions': { 'order-sync': 40, 'sync-scheduler': 10, 'sync-admin': 5 },
  'ReturnsRefunds/CreateRefund': { 'order-sync': 40 },
  'ReturnsRefunds/ActionRefund': { 'order-sync': 40 },
  'ProcessedOrders/SearchProcessedOrders': { 'fulfillment-sync': 40, 'sync-scheduler': 5 },
  'ProcessedOrders/GetPackageSplit': { 'fulfillment-sync': 40 },
  'ReturnsRefunds/GetRefundHeadersByOrderId': { 'fulfillment-sync': 40 },
  'ReturnsRefunds/GetRefundLinesByHeaderId': { 'fulfillment-sync': 40 },
  'ReturnsRefunds/SearchReturnsRefundsPaged': { 'fulfillment-sync': 40 },
  'ProcessedOrders/GetReturnsExchanges': { 'fulfillment-sync': 40 },
  'Stock/GetStockItemsFull': { 'stock-sync': 40, 'sync-admin': 4 },
  // sync-scheduler's daily reconciliation reads every SKU's level (two calls per 200 SKUs).
  'Stock/GetStockLevel_Batch': { 'stock-sync': 40, 'sync-admin': 4, 'sync-scheduler': 10 },
  'Inventory/GetStockItemIdsBySKU': { 'stock-sync': 20, 'order-sync': 20, 'sync-scheduler': 10 },
  'Inventory/GetStockLocations': { 'stock-sync': 10 },
};

function weightOf(endpoint: string, app: LinnworksApp): number {
  return WEIGHTS[endpoint]?.[app] ?? 1;
}

/** An app's default calls per minute of `endpoint`: its weighted part of the documented limit. */
export function defaultRateShare(app: LinnworksApp, endpoint: string): number {
  const limit = LINNWORKS_RATE_LIMITS[endpoint] ?? DEFAULT_LINNWORKS_RATE_LIMIT;
  const total = LINNWORKS_APPS.reduce((sum, a) => sum + weightOf(endpoint, a), 0);

  return Math.floor((limit * weightOf(endpoint, app)) / total);
}

/** What `SlidingWindowRateBudget` takes: an app's calls per minute per endpoint. */
export interface RateShares {
  limits: Record<string, number>;
  /** For endpoints missing from the limit table (an equal part of the lower documented figure). */
  defaultLimit: number;
}

/** Per app, per endpoint (`*`: endpoints missing from the table): calls per minute. */
export type RateShareOverrides = Partial<Record<LinnworksApp, Record<string, number>>>;

/** The share an app gets of an endpoint: its override, else the default. */
export function rateShareOf(
  app: LinnworksApp,
  endpoint: string,
  overrides: RateShareOverrides = {},
): number {
  return overrides[app]?.[endpoint] ?? defaultRateShare(app, endpoint);
}

/** An app's shares, for `SlidingWindowRateBudget`: the defaults with the overrides in place. */
export function rateSharesFor(app: LinnworksApp, overrides: RateShareOverrides = {}): RateShares {
  const endpoints = [...Object.keys(LINNWORKS_RATE_LIMITS), ...Object.keys(overrides[app] ?? {})];

  return {
    limits: Object.fromEntries(endpoints.map((e) => [e, rateShareOf(app, e, overrides)])),
    defaultLimit: rateShareOf(app, '*', overrides),
  };
}

/** The documented limit of an endpoint (`*`: any endpoint missing from the table). */
export function documentedRateLimit(endpoint: string): number {
  return LINNWORKS_RATE_LIMITS[endpoint] ?? DEFAULT_LINNWORKS_RATE_LIMIT;
}

/**
 * Every endpoint whose shares, with the overrides, add up to more than its documented limit:
 * raising one app's share means lowering another's.
 */
export function rateShareProblems(overrides: RateShareOverrides): string[] {
  const endpoints = new Set(Object.values(overrides).flatMap((o) => Object.keys(o ?? {})));

  return [...endpoints].flatMap((endpoint) => {
    const sum = LINNWORKS_APPS.reduce((t, app) => t + rateShareOf(app, endpoint, overrides), 0);
    const limit = documentedRateLimit(endpoint);

    return sum > limit
      ? [
          `${endpoint}: the apps' shares add up to ${sum} calls a minute, above its limit of ${limit}`,
        ]
      : [];
  });
}
