import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';

import type { LinnworksConfig } from '../config/common.config';
import { PermanentUpstreamError, ValidationError } from '../errors/errors';
import type { Logger } from '../logging/logger';
import type { LinnworksApi } from './linnworks-api.port';
import { unexpectedResponse } from './linnworks-errors';
import {
  lwRefundHeadersResponseSchema,
  lwRefundInfoSchema,
  lwRefundLinesResponseSchema,
  lwReturnInfoSchema,
  lwReturnsRefundsPageSchema,
} from './linnworks-refund-schemas';
import {
  lwOrderDetailsSchema,
  lwPostalServiceSchema,
  lwSearchOrdersSchema,
  lwSearchProcessedOrdersSchema,
  lwSplitPackageSchema,
  lwStockItemFullSchema,
  lwStockItemIdsBySkuSchema,
  lwStockLevelBatchEntrySchema,
  lwStockLocationSchema,
} from './linnworks-schemas';
import { LinnworksTransport } from './linnworks-transport';
import type { LinnworksDateInput, LinnworksOrderPrintFlags } from './linnworks-types';
import { type RateBudget, type RateBudgetClock, SlidingWindowRateBudget } from './rate-budget';

export const MAX_ORDERS_PER_CREATE = 20;
export const MAX_IDS_PER_CALL = 100;
export const MIN_PROCESSED_RESULTS_PER_PAGE = 20;
export const MAX_STOCK_ITEMS_PER_PAGE = 200;
const NO_ITEMS_FOUND = /No items found with given filter/i;

type Args<M extends keyof LinnworksApi> = Parameters<LinnworksApi[M]>[0];
type Result<M extends keyof LinnworksApi> = ReturnType<LinnworksApi[M]>;

export interface LinnworksClientOptions {
  config: LinnworksConfig;
  /** Bound on every HTTP call (auth included). Default 20 s. */
  timeoutMs?: number;
  /** Per-endpoint budget; default: the documented per-minute limits. Pass `unlimitedRateBudget` for benchmarks. */
  rateBudget?: RateBudget;
  /** Clock of the default rate budget and of the session idle timer. */
  clock?: RateBudgetClock;
  /** Attempts per call including the first (default 4), and backoff bounds. */
  retry?: {
    maxAttempts?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    random?: () => number;
  };
  /** Wait after a 429 that has no `Retry-After` (default 60 s: Linnworks counts per minute). */
  rateLimitFallbackMs?: number;
  /** Re-authorise after this long idle (default 15 min; Linnworks expires at 20). */
  idleRefreshMs?: number;
  http?: AxiosInstance;
  logger?: Logger;
}

function isoDate(value: LinnworksDateInput): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));

  return chunks;
}

/** The real Linnworks client. See `LinnworksApi` for the contract of each method. */
export class LinnworksClient implements LinnworksApi {
  private readonly transport: LinnworksTransport;

  constructor(options: LinnworksClientOptions) {
    const clock = options.clock;
    this.transport = new LinnworksTransport({
      config: options.config,
      http: options.http ?? axios.create(),
      timeoutMs: options.timeoutMs ?? 20_000,
      budget: options.rateBudget ?? new SlidingWindowRateBudget({ clock }),
      retry: {
        maxAttempts: options.retry?.maxAttempts ?? 4,
        baseDelayMs: options.retry?.baseDelayMs ?? 500,
        maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
        random: options.retry?.random,
        sleep: clock ? (ms) => clock.sleep(ms) : undefined,
      },
      rateLimitFallbackMs: options.rateLimitFallbackMs ?? 60_000,
      idleRefreshMs: options.idleRefreshMs,
      now: clock ? () => clock.now() : undefined,
      logger: options.logger,
    });
  }

  private async call<S extends z.ZodType>(
    endpoint: string,
    body: unknown,
    schema: S,
  ): Promise<z.output<S>> {
    const raw = await this.transport.call(endpoint, body);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const paths = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)');
      throw unexpectedResponse(endpoint, `invalid at ${paths.join(', ')}`);
    }

    return parsed.data;
  }

  async createOrders({ orders, location }: Args<'createOrders'>): Result<'createOrders'> {
    if (orders.length === 0) return [];
    if (orders.length > MAX_ORDERS_PER_CREATE) {
      throw new ValidationError(
        'LINNWORKS_TOO_MANY_ORDERS',
        `CreateOrders takes at most ${MAX_ORDERS_PER_CREATE} orders per call, got ${orders.length}`,
      );
    }
    const ids = z.array(z.string()).nullable();

    return (await this.call('Orders/CreateOrders', { orders, location }, ids)) ?? [];
  }

  async getOrderDetailsByReferenceId({
    referenceId,
  }: Args<'getOrderDetailsByReferenceId'>): Result<'getOrderDetailsByReferenceId'> {
    const schema = z.array(lwOrderDetailsSchema).nullable();

    return (
      (await this.call(
        'Orders/GetOrderDetailsByReferenceId',
        { ReferenceId: referenceId },
        schema,
      )) ?? []
    );
  }

  async getOrdersById({ orderIds }: Args<'getOrdersById'>): Result<'getOrdersById'> {
    const schema = z.array(lwOrderDetailsSchema).nullable();
    const results = [];
    for (const ids of chunk([...new Set(orderIds)], MAX_IDS_PER_CALL)) {
      results.push(
        ...((await this.call('Orders/GetOrdersById', { pkOrderIds: ids }, schema)) ?? []),
      );
    }

    return results;
  }

  async getOrderPrintFlags({ orderIds }: Args<'getOrderPrintFlags'>): Result<'getOrderPrintFlags'> {
    const orders = await this.getOrdersById({ orderIds });

    return orders.map((o): LinnworksOrderPrintFlags => ({
      OrderId: o.OrderId,
      NumOrderId: o.NumOrderId,
      Processed: o.Processed,
      PickListPrinted: o.GeneralInfo.PickListPrinted,
      InvoicePrinted: o.GeneralInfo.InvoicePrinted,
      LabelPrinted: o.GeneralInfo.LabelPrinted,
      PartShipped: o.GeneralInfo.PartShipped,
      HoldOrCancel: o.GeneralInfo.HoldOrCancel,
    }));
  }

  async searchOrders({
    searchTerm,
    includeProcessed,
  }: Args<'searchOrders'>): Result<'searchOrders'> {
    // Sent unwrapped: with a `request` wrapper Linnworks ignores the filters (reference §1.3).
    const body = { SearchTerm: searchTerm, IncludeProcessed: includeProcessed ?? false };
    const found = await this.call('OpenOrders/SearchOrders', body, lwSearchOrdersSchema.nullable());
    const ids = new Set<string>();
    for (const view of found?.OpenOrders ?? []) view.OrderIds.forEach((id) => ids.add(id));
    found?.ProcessedOrders.forEach((id) => ids.add(id));

    return [...ids];
  }

  async cancelOrder({
    orderId,
    fulfilmentCenter,
    refund,
    note,
  }: Args<'cancelOrder'>): Result<'cancelOrder'> {
    const body = { orderId, fulfilmentCenter, refund: refund ?? 0, note: note ?? '' };
    const answer = await this.call('Orders/CancelOrder', body, z.unknown());
    if (typeof answer === 'string' && answer.trim() !== '') {
      throw new PermanentUpstreamError(
        'LINNWORKS_CANCEL_REJECTED',
        `Linnworks Orders/CancelOrder refused: ${answer.slice(0, 500)}`,
        { upstream: 'linnworks', endpoint: 'Orders/CancelOrder', linnworksMessage: answer },
      );
    }
  }

  async searchProcessedOrders(
    args: Args<'searchProcessedOrders'>,
  ): Result<'searchProcessedOrders'> {
    if (args.resultsPerPage < MIN_PROCESSED_RESULTS_PER_PAGE) {
      throw new ValidationError(
        'LINNWORKS_PAGE_TOO_SMALL',
        `SearchProcessedOrders needs ResultsPerPage >= ${MIN_PROCESSED_RESULTS_PER_PAGE}`,
      );
    }
    const request = {
      DateField: args.dateField,
      FromDate: isoDate(args.from),
      ToDate: isoDate(args.to),
      PageNumber: args.pageNumber,
      ResultsPerPage: args.resultsPerPage,
      ...(args.searchTerm ? { SearchTerm: args.searchTerm } : {}),
      ...(args.filters?.length ? { SearchFilters: args.filters } : {}),
      SearchSorting: { SortField: 'dProcessedOn', SortDirection: args.sortDirection ?? 'ASC' },
    };
    const res = await this.call(
      'ProcessedOrders/SearchProcessedOrders',
      { request },
      lwSearchProcessedOrdersSchema,
    );

    return res.ProcessedOrders;
  }

  async getPackageSplit({ orderId }: Args<'getPackageSplit'>): Result<'getPackageSplit'> {
    const schema = z.array(lwSplitPackageSchema).nullable();

    return (
      (await this.call('ProcessedOrders/GetPackageSplit', { pkOrderId: orderId }, schema)) ?? []
    );
  }

  async getRefundHeadersByOrderId({
    orderId,
  }: Args<'getRefundHeadersByOrderId'>): Result<'getRefundHeadersByOrderId'> {
    const body = { request: { OrderId: orderId } };
    const res = await this.call(
      'ReturnsRefunds/GetRefundHeadersByOrderId',
      body,
      lwRefundHeadersResponseSchema.nullable(),
    );

    return res?.RefundHeaders ?? [];
  }

  async getRefundLinesByHeaderId(
    args: Args<'getRefundLinesByHeaderId'>,
  ): Result<'getRefundLinesByHeaderId'> {
    const body = { request: { RefundHeaderId: args.refundHeaderId, OrderId: args.orderId } };
    const res = await this.call(
      'ReturnsRefunds/GetRefundLinesByHeaderId',
      body,
      lwRefundLinesResponseSchema.nullable(),
    );

    return res?.RefundLines ?? [];
  }

  async getRefunds({ orderId }: Args<'getRefunds'>): Result<'getRefunds'> {
    const schema = z.array(lwRefundInfoSchema).nullable();

    return (await this.call('ProcessedOrders/GetRefunds', { pkOrderId: orderId }, schema)) ?? [];
  }

  async getReturnsExchanges({
    orderId,
  }: Args<'getReturnsExchanges'>): Result<'getReturnsExchanges'> {
    const schema = z.array(lwReturnInfoSchema).nullable();

    return (
      (await this.call('ProcessedOrders/GetReturnsExchanges', { pkOrderId: orderId }, schema)) ?? []
    );
  }

  async searchReturnsRefunds(args: Args<'searchReturnsRefunds'>): Result<'searchReturnsRefunds'> {
    const body = {
      from: isoDate(args.from),
      to: isoDate(args.to),
      dateType: args.dateType,
      searchField: args.searchField ?? '',
      exactMatch: args.exactMatch ?? false,
      searchTerm: args.searchTerm ?? '',
      pageNum: args.pageNumber,
      numEntriesPerPage: args.entriesPerPage,
      historyType: args.historyType,
    };

    return this.call('ReturnsRefunds/SearchReturnsRefundsPaged', body, lwReturnsRefundsPageSchema);
  }

  async getStockLocations(): Result<'getStockLocations'> {
    const schema = z.array(lwStockLocationSchema).nullable();

    return (await this.call('Inventory/GetStockLocations', {}, schema)) ?? [];
  }

  async getStockItemIdsBySku({
    skus,
  }: Args<'getStockItemIdsBySku'>): Result<'getStockItemIdsBySku'> {
    const results = [];
    for (const batch of chunk([...new Set(skus)], MAX_IDS_PER_CALL)) {
      const body = { request: { SKUS: batch } };
      const res = await this.call(
        'Inventory/GetStockItemIdsBySKU',
        body,
        lwStockItemIdsBySkuSchema.nullable(),
      );
      results.push(...(res?.Items ?? []));
    }

    return results;
  }

  async getStockItemsFull(args: Args<'getStockItemsFull'>): Result<'getStockItemsFull'> {
    if (args.entriesPerPage < 1 || args.entriesPerPage > MAX_STOCK_ITEMS_PER_PAGE) {
      throw new ValidationError(
        'LINNWORKS_PAGE_SIZE',
        `entriesPerPage must be 1..${MAX_STOCK_ITEMS_PER_PAGE}`,
      );
    }
    const body = {
      keyword: args.keyword ?? '',
      loadCompositeParents: args.loadCompositeParents ?? false,
      loadVariationParents: args.loadVariationParents ?? false,
      entriesPerPage: args.entriesPerPage,
      pageNumber: args.pageNumber,
      dataRequirements: args.dataRequirements ?? ['StockLevels'],
      searchTypes: args.searchTypes ?? ['SKU'],
    };
    try {
      return (
        (await this.call(
          'Stock/GetStockItemsFull',
          body,
          z.array(lwStockItemFullSchema).nullable(),
        )) ?? []
      );
    } catch (error) {
      // Past the last page Linnworks answers 400 "No items found with given filter" (reference §4.3).
      if (error instanceof PermanentUpstreamError && NO_ITEMS_FOUND.test(error.message)) return [];
      throw error;
    }
  }

  async getStockLevelBatch({
    stockItemIds,
  }: Args<'getStockLevelBatch'>): Result<'getStockLevelBatch'> {
    const schema = z.array(lwStockLevelBatchEntrySchema).nullable();
    const results = [];
    for (const ids of chunk([...new Set(stockItemIds)], MAX_IDS_PER_CALL)) {
      const body = { request: { StockItemIds: ids } };
      results.push(...((await this.call('Stock/GetStockLevel_Batch', body, schema)) ?? []));
    }

    return results;
  }

  async getPostalServices(): Result<'getPostalServices'> {
    const schema = z.array(lwPostalServiceSchema).nullable();

    return (await this.call('PostalServices/GetPostalServices', {}, schema)) ?? [];
  }
}
