import type { LinnworksMoneyBackApi } from './linnworks-money-back.port';
import type { LinnworksOrderEditsApi } from './linnworks-order-edits.port';
import type {
  LinnworksChannelOrder,
  LinnworksDateField,
  LinnworksDateInput,
  LinnworksHistoryType,
  LinnworksOpenOrder,
  LinnworksOrderDetails,
  LinnworksOrderPrintFlags,
  LinnworksOrderStatusCode,
  LinnworksPagedResult,
  LinnworksPostalService,
  LinnworksProcessedOrder,
  LinnworksRefundHeader,
  LinnworksRefundInfo,
  LinnworksReturnInfo,
  LinnworksReturnsRefundsDateType,
  LinnworksReturnsRefundsRow,
  LinnworksSearchFilter,
  LinnworksSortDirection,
  LinnworksSplitPackage,
  LinnworksStockDataRequirement,
  LinnworksStockItemFull,
  LinnworksStockItemIdBySku,
  LinnworksStockLevelBatchEntry,
  LinnworksStockLocation,
  LinnworksStockSearchType,
  LinnworksVerifiedRefund,
} from './linnworks-types';

/**
 * The Linnworks API as the sync flows see it. Every method takes one object argument.
 *
 * Failures are thrown as the shared error taxonomy:
 * - `RetryableUpstreamError` (429, 5xx, timeouts, network) after the client's own retries;
 * - `PermanentUpstreamError` for any other refusal, carrying Linnworks' `Message`;
 * - `PermanentUpstreamError` with code `LINNWORKS_UNEXPECTED_RESPONSE` when a body does not parse.
 *
 * The open-order edits and the cancellation and refund writes are in the extended ports.
 */
export interface LinnworksApi extends LinnworksOrderEditsApi, LinnworksMoneyBackApi {
  /** Calls made so far, one per endpoint request (the client counts); reports read differences. */
  readonly callCount: number;
  /**
   * Orders/CreateOrders: at most 20 orders per call (the client rejects more with a
   * ValidationError). Returns the pkOrderIds saved; a duplicate of a **paid** order
   * (same Source, SubSource, ReferenceNumber) is skipped and may be missing from the result.
   */
  createOrders(args: {
    orders: LinnworksChannelOrder[];
    location: string;
    /** Refuse (`RateBudgetSpentError`, nothing sent) rather than wait longer for rate budget. */
    maxBudgetWaitMs?: number;
  }): Promise<string[]>;

  /** Orders/GetOrderDetailsByReferenceId: open and processed orders whose ReferenceNum or SecondaryReference match (max 50). */
  getOrderDetailsByReferenceId(args: { referenceId: string }): Promise<LinnworksOrderDetails[]>;

  /** Orders/GetOrdersById: the client splits `orderIds` into calls of at most 100 ids. */
  getOrdersById(args: { orderIds: string[] }): Promise<LinnworksOrderDetails[]>;

  /**
   * Orders/GetOpenOrders: one page of the open orders of one location received in
   * [receivedFrom, receivedTo], every channel, oldest first, with their items. Pages are not a
   * snapshot: an order processed between two pages shifts the next one, so page by received date
   * (the next window starts at the last row's `ReceivedDate`) and dedupe on `OrderId`.
   * `entriesPerPage` is 1..500.
   */
  getOpenOrders(args: {
    fulfilmentCenter: string;
    receivedFrom: LinnworksDateInput;
    receivedTo: LinnworksDateInput;
    pageNumber: number;
    entriesPerPage: number;
  }): Promise<LinnworksPagedResult<LinnworksOpenOrder>>;

  /** Pick/pack/label flags of open orders, read in batches through Orders/GetOrdersById. */
  getOrderPrintFlags(args: { orderIds: string[] }): Promise<LinnworksOrderPrintFlags[]>;

  /**
   * Orders/ChangeStatus: sets `GeneralInfo.Status` of open orders (0 UNPAID, 1 PAID, 2 RETURN,
   * 3 PENDING, 4 RESEND, per the method page). Returns the ids Linnworks answered with.
   */
  changeStatus(args: { orderIds: string[]; status: LinnworksOrderStatusCode }): Promise<string[]>;

  /**
   * Orders/ChangeOrderTag: tag 1-6 marks an order with a custom tag, 7 parks it and `null`
   * removes the tag, which un-parks a parked order (method page). Returns the ids answered.
   */
  changeOrderTag(args: { orderIds: string[]; tag: number | null }): Promise<string[]>;

  /** OpenOrders/SearchOrders: distinct order ids (open, and processed when asked) matching a term. */
  searchOrders(args: { searchTerm: string; includeProcessed?: boolean }): Promise<string[]>;

  /**
   * Orders/CancelOrder for an open order. `fulfilmentCenter` is the order's FulfilmentLocationId;
   * `refund` defaults to 0 (Linnworks rejects a call without it). Linnworks answers an error as
   * text; the client throws it as PermanentUpstreamError (`LINNWORKS_CANCEL_REJECTED`).
   */
  cancelOrder(args: {
    orderId: string;
    fulfilmentCenter: string;
    refund?: number;
    note?: string;
  }): Promise<void>;

  /** ProcessedOrders/SearchProcessedOrders. `resultsPerPage` is at least 20 (Linnworks' minimum). */
  searchProcessedOrders(args: {
    dateField: LinnworksDateField;
    from: LinnworksDateInput;
    to: LinnworksDateInput;
    pageNumber: number;
    resultsPerPage: number;
    searchTerm?: string;
    filters?: LinnworksSearchFilter[];
    sortDirection?: LinnworksSortDirection;
  }): Promise<LinnworksPagedResult<LinnworksProcessedOrder>>;

  /** ProcessedOrders/GetPackageSplit: one row per item per box; group by `pkBinId`. */
  getPackageSplit(args: { orderId: string }): Promise<LinnworksSplitPackage[]>;

  /** ReturnsRefunds/GetRefundHeadersByOrderId. */
  getRefundHeadersByOrderId(args: { orderId: string }): Promise<LinnworksRefundHeader[]>;

  /** ReturnsRefunds/GetRefundLinesByHeaderId. */
  getRefundLinesByHeaderId(args: {
    orderId: string;
    refundHeaderId: number;
  }): Promise<LinnworksVerifiedRefund[]>;

  /** ProcessedOrders/GetRefunds (legacy per-order refund rows). */
  getRefunds(args: { orderId: string }): Promise<LinnworksRefundInfo[]>;

  /** ProcessedOrders/GetReturnsExchanges. */
  getReturnsExchanges(args: { orderId: string }): Promise<LinnworksReturnInfo[]>;

  /** ReturnsRefunds/SearchReturnsRefundsPaged: returns, refunds or cancellations by date. */
  searchReturnsRefunds(args: {
    historyType: LinnworksHistoryType;
    dateType: LinnworksReturnsRefundsDateType;
    from: LinnworksDateInput;
    to: LinnworksDateInput;
    pageNumber: number;
    entriesPerPage: number;
    searchField?: string;
    searchTerm?: string;
    exactMatch?: boolean;
  }): Promise<LinnworksPagedResult<LinnworksReturnsRefundsRow>>;

  /** Inventory/GetStockLocations (includes the Default location, zero GUID). */
  getStockLocations(args?: Record<string, never>): Promise<LinnworksStockLocation[]>;

  /** Inventory/GetStockItemIdsBySKU: only SKUs that exist are returned. */
  getStockItemIdsBySku(args: { skus: string[] }): Promise<LinnworksStockItemIdBySku[]>;

  /**
   * Stock/GetStockItemsFull, one page. `entriesPerPage` is 1..200. Past the last page Linnworks
   * answers 400 "No items found with given filter"; the client returns `[]` for it, so a page
   * shorter than `entriesPerPage` (or empty) ends a sweep.
   */
  getStockItemsFull(args: {
    pageNumber: number;
    entriesPerPage: number;
    keyword?: string;
    dataRequirements?: LinnworksStockDataRequirement[];
    searchTypes?: LinnworksStockSearchType[];
    loadCompositeParents?: boolean;
    loadVariationParents?: boolean;
  }): Promise<LinnworksStockItemFull[]>;

  /** Stock/GetStockLevel_Batch: one entry per known item, one level row per location. Splits into calls of at most 100 ids. */
  getStockLevelBatch(args: { stockItemIds: string[] }): Promise<LinnworksStockLevelBatchEntry[]>;

  /** PostalServices/GetPostalServices. */
  getPostalServices(args?: Record<string, never>): Promise<LinnworksPostalService[]>;
}
