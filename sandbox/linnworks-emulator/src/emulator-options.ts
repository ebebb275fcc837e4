/**
 * Switches of the emulator. Defaults are the behaviour the reference documents and, where it
 * marks something [?], the stricter plausible behaviour (see README.md).
 */
export interface EmulatorOptions {
  /** Per-endpoint per-minute limits (reference §7). Off for benchmarks. */
  rateLimits: boolean;
  /** Send `Retry-After` with a 429. Unconfirmed for the real API [?], so off by default. */
  retryAfterHeader: boolean;
  /** Limit for endpoints without a documented figure. */
  defaultRateLimit: number;
  /** Idle time after which a session expires (20 minutes, reference §1.2). */
  sessionIdleMs: number;
  /** Value of `BaseSession.TTL` (units undocumented [?]; seconds here). */
  sessionTtl: number;
  /**
   * `observed`: endpoints that need the `request` wrapper answer 400 without it, and
   * OpenOrders/SearchOrders ignores a wrapped body (reference §1.3 [obs]).
   * `lenient`: wrapped and unwrapped bodies both work everywhere.
   */
  requestWrapping: 'observed' | 'lenient';
  /** CreateOrders result for a skipped duplicate of a paid order [?]: omit it, or echo the existing id. */
  paidDuplicateResult: 'omit' | 'existing-id';
  /** Honour a client-chosen `pkOrderId` in CreateOrders [?]. */
  honourClientOrderId: boolean;
  /** Unit of `ChannelOrderItem.LineDiscount` [?]. */
  lineDiscountUnit: 'percent' | 'amount';
  /** Tax rate applied when an order or line says `UseChannelTax: false` (the tenant's own rate). */
  tenantTaxRate: number;
  /** Ids per call for GetOrdersById and GetStockLevel_Batch (undocumented [?]). */
  maxIdsPerCall: number;
  /** Largest `ResultsPerPage` SearchProcessedOrders accepts (500 is known to work). */
  maxProcessedResultsPerPage: number;
  /** Child orders of a split keep the parent's ReferenceNum [?]. */
  splitChildrenShareReference: boolean;
  /** Clock, injectable for tests (session expiry, dates). */
  now: () => Date;
  /** Randomness of probabilistic faults, injectable for deterministic tests. */
  random: () => number;
}

export const defaultEmulatorOptions: EmulatorOptions = {
  rateLimits: true,
  retryAfterHeader: false,
  defaultRateLimit: 150,
  sessionIdleMs: 20 * 60_000,
  sessionTtl: 1800,
  requestWrapping: 'observed',
  paidDuplicateResult: 'omit',
  honourClientOrderId: false,
  lineDiscountUnit: 'percent',
  tenantTaxRate: 0,
  maxIdsPerCall: 100,
  maxProcessedResultsPerPage: 500,
  splitChildrenShareReference: true,
  now: () => new Date(),
  random: Math.random,
};

export interface EmulatorCredentials {
  applicationId: string;
  applicationSecret: string;
  installationToken: string;
}

export const defaultEmulatorCredentials: EmulatorCredentials = {
  applicationId: '7f1b5a52-3d3c-4f0e-9d6f-0c5e4a9b1a01',
  applicationSecret: '2c8e4f61-9a7b-4d1e-8f3a-6b5d2c1e0f02',
  installationToken: '9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d',
};

/** Documented per-minute limits (reference §7); others get `defaultRateLimit`. */
export const EMULATED_RATE_LIMITS: Readonly<Record<string, number>> = {
  'orders/createorders': 150,
  'processedorders/searchprocessedorders': 150,
  'processedorders/searchprocessedorderspaged': 150,
  'stock/getstockitemsfull': 150,
  'inventory/getstocklocations': 150,
  'locations/getlocation': 150,
  'openorders/getopenorders': 150,
  'orders/getordersbyid': 250,
  'orders/getorderdetailsbynumorderid': 250,
  'processedorders/getorderinfo': 250,
  'stock/getstocklevel_batch': 250,
  'orders/processorder': 250,
};
