/**
 * Switches of the emulator. Defaults are the behaviour the reference documents and, where it
 * marks something [?], the stricter plausible behaviour (see README.md).
 */
export interface EmulatorOptions {
  /**
   * Auth on its own host, as `api.linnworks.net` is only for auth (reference §1.1): the auth
   * host answers only Auth/AuthorizeByApplication, the data host (the session's `Server`)
   * everything else. `false`: one host for both.
   */
  separateAuthHost: boolean;
  /**
   * How SDK enums are written in responses. `integer`: the member's index, as the official
   * method-page samples show (`"StatusHeader": 0`); `name`: the member name.
   */
  responseEnums: 'integer' | 'name';
  /**
   * `RefundLines` on GetRefundHeadersByOrderId headers. `null`: as the official sample shows
   * (lines only through GetRefundLinesByHeaderId); `included`: the header's lines.
   */
  refundHeaderLines: 'null' | 'included';
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
   * `strict`: every method whose SDK parameter is `request` answers 400 `'request' parameter is
   * missing` without the wrapper; OpenOrders/SearchOrders does not see a wrapped body.
   * `observed`: 400 only where it was observed (reference §1.3 [obs]); elsewhere an unwrapped
   * body works and is logged as a warning. `lenient`: both work everywhere, no warning.
   */
  requestWrapping: 'strict' | 'observed' | 'lenient';
  /**
   * CreateOrders without a `location`: `reject` answers 400 `location is required`; `default`
   * uses the Default location and logs a warning. Undocumented [?].
   */
  missingLocation: 'reject' | 'default';
  /**
   * Whether re-sending an unpaid order with `PaymentStatus: Paid` marks it paid and un-parks it.
   * Nothing documented says so [?]: `false` updates the order but leaves status and park state
   * to Orders/ChangeStatus and Orders/ChangeOrderTag.
   */
  resendMarksPaid: boolean;
  /**
   * Rounding of money to 2 decimals at midpoints: `half-even` is .NET's default
   * (`Math.Round`, MidpointRounding.ToEven); `half-away` rounds away from zero.
   */
  moneyRounding: 'half-even' | 'half-away';
  /**
   * The tenant's base currency and its rates (units of the currency per 1 base unit): the
   * `ConversionRate` Linnworks sets at save when CreateOrders sends none.
   */
  baseCurrency: string;
  currencyRates: Record<string, number>;
  /** CreateOrders result for a skipped duplicate of a paid order [?]: omit it, or echo the existing id. */
  paidDuplicateResult: 'omit' | 'existing-id';
  /** Honour a client-chosen `pkOrderId` in CreateOrders [?]. */
  honourClientOrderId: boolean;
  /**
   * Unit of `ChannelOrderItem.LineDiscount`: `percent` per the API spec ("Discount percentage on
   * the line as a whole number eg. 10"); `amount` is the other reading the reference left open.
   */
  lineDiscountUnit: 'percent' | 'amount';
  /** Tax rate applied when an order or line says `UseChannelTax: false` (the tenant's own rate). */
  tenantTaxRate: number;
  /** Ids per call for GetOrdersById and GetStockLevel_Batch (undocumented [?]). */
  maxIdsPerCall: number;
  /** Largest `ResultsPerPage` SearchProcessedOrders accepts (500 is known to work). */
  maxProcessedResultsPerPage: number;
  /** Child orders of a split keep the parent's ReferenceNum [?]. */
  splitChildrenShareReference: boolean;
  /**
   * An open-order edit (SetOrderCustomerInfo, SetOrderShippingInfo, Add/Update/RemoveOrderItem)
   * on a processed or cancelled order. Undocumented [?]: `ignore` answers 2xx and changes
   * nothing (the client must check `Processed` and read back); `reject` answers 400.
   */
  processedOrderEdits: 'ignore' | 'reject';
  /**
   * Orders/GetOpenOrders without `fulfilmentCenter` (`Guid?`, "Location to get the orders for")
   * [?]: `default` lists the Default location's orders only; `all` lists every location's.
   */
  openOrdersWithoutLocation: 'default' | 'all';
  /** Clock, injectable for tests (session expiry, dates). */
  now: () => Date;
  /** Randomness of probabilistic faults, injectable for deterministic tests. */
  random: () => number;
}

export const defaultEmulatorOptions: EmulatorOptions = {
  separateAuthHost: true,
  responseEnums: 'integer',
  refundHeaderLines: 'null',
  missingLocation: 'reject',
  resendMarksPaid: false,
  moneyRounding: 'half-even',
  baseCurrency: 'GBP',
  currencyRates: { GBP: 1, EUR: 1.17, USD: 1.27, CHF: 1.12, JPY: 190 },
  rateLimits: true,
  retryAfterHeader: false,
  defaultRateLimit: 150,
  sessionIdleMs: 20 * 60_000,
  sessionTtl: 1800,
  requestWrapping: 'strict',
  paidDuplicateResult: 'omit',
  honourClientOrderId: false,
  lineDiscountUnit: 'percent',
  tenantTaxRate: 0,
  maxIdsPerCall: 100,
  maxProcessedResultsPerPage: 500,
  splitChildrenShareReference: true,
  processedOrderEdits: 'ignore',
  openOrdersWithoutLocation: 'default',
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

/**
 * Documented per-minute limits, grouped as Linnworks' API spec gives them ("Rate limit: N /
 * minute" of each method, LinnSystems/PublicApiSpecs 1.0, as on the method pages); a method not
 * listed gets `defaultRateLimit`.
 */
const DOCUMENTED_LIMITS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    250,
    [
      'Orders/GetOrdersById',
      'Orders/GetOrderDetailsByReferenceId',
      'Orders/GetOrderDetailsByNumOrderId',
      'Orders/GetOpenOrders',
      'Orders/ChangeOrderTag',
      'Orders/ProcessOrder',
      'Orders/SetOrderShippingInfo',
      'Orders/SetOrderGeneralInfo',
      'Orders/AddOrderItem',
      'ProcessedOrders/GetOrderInfo',
      'Inventory/GetStockItemIdsBySKU',
      'Stock/GetStockLevel_Batch',
      'Stock/GetStockLevel',
      'Stock/GetItemChangesHistory',
    ],
  ],
  [
    150,
    [
      'Orders/CreateOrders',
      'Orders/GetOrderById',
      'Orders/ChangeStatus',
      'Orders/CancelOrder',
      'Orders/SetOrderCustomerInfo',
      'Orders/UpdateOrderItem',
      'Orders/RemoveOrderItem',
      'OpenOrders/SearchOrders',
      'ProcessedOrders/SearchProcessedOrders',
      'ProcessedOrders/SearchProcessedOrdersPaged',
      'PostSale/GetCancellationOptions',
      'PostSale/CreateCancellation',
      'ReturnsRefunds/GetRefundOptions',
      'ReturnsRefunds/CreateRefund',
      'ReturnsRefunds/ActionRefund',
      'Inventory/GetStockLocations',
      'Locations/GetLocation',
      'Stock/GetStockItemsFull',
    ],
  ],
];

export const EMULATED_RATE_LIMITS: Readonly<Record<string, number>> = Object.fromEntries(
  DOCUMENTED_LIMITS.flatMap(([limit, endpoints]) => endpoints.map((e) => [e.toLowerCase(), limit])),
);

/**
 * The strict setting of every switch that chooses between two readings of the docs (README,
 * "Choices"). The defaults are these; the contract suite runs the client against them.
 */
export const STRICT_EMULATOR_OPTIONS = {
  separateAuthHost: true,
  refundHeaderLines: 'null',
  requestWrapping: 'strict',
  missingLocation: 'reject',
  resendMarksPaid: false,
  moneyRounding: 'half-even',
  paidDuplicateResult: 'omit',
  honourClientOrderId: false,
  retryAfterHeader: false,
  lineDiscountUnit: 'percent',
  splitChildrenShareReference: true,
  processedOrderEdits: 'ignore',
  openOrdersWithoutLocation: 'default',
  rateLimits: true,
} as const satisfies Partial<EmulatorOptions>;
