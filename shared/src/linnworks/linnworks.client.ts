import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';

import type { LinnworksConfig } from '../config/common.config';
import { ValidationError } from '../errors/errors';
import type { Logger } from '../logging/logger';
import type { LinnworksApi } from './linnworks-api.port';
import {
  splitIntoChunks,
  type LinnworksArgs as Args,
  type LinnworksCall,
  type LinnworksResult as Result,
  MAX_IDS_PER_CALL,
  toLinnworksDate,
} from './linnworks-call';
import { describeResponseIssues, unexpectedResponse } from './linnworks-errors';
import * as orderWrites from './linnworks-order.requests';
import * as postSale from './linnworks-post-sale.requests';
import {
  lwOrderDetailsSchema,
  lwSearchOrdersSchema,
  lwSearchProcessedOrdersSchema,
  lwSplitPackageSchema,
} from './linnworks-schemas';
import * as stock from './linnworks-stock.requests';
import { LinnworksTransport } from './linnworks-transport';
import type { LinnworksOrderPrintFlags } from './linnworks-types';
import { type RateBudget, type RateBudgetClock, SlidingWindowRateBudget } from './rate-budget';

export const MIN_PROCESSED_RESULTS_PER_PAGE = 20;

export interface LinnworksClientOptions {
  config: LinnworksConfig;
  /** Bound on every HTTP call (auth included). Default 20 s. */
  timeoutMs?: number;
  /** Per-endpoint budget; default: the documented per-minute limits (tests and benchmarks pass one that never waits). */
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

/** The real Linnworks client. See `LinnworksApi` for the contract of each method. */
export class LinnworksClient implements LinnworksApi {
  private readonly transport: LinnworksTransport;
  /** Linnworks calls made so far (one per endpoint request, retries and auth not counted). */
  callCount = 0;

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

  private readonly call: LinnworksCall = async (endpoint, body, schema) => {
    this.callCount++;
    const raw = await this.transport.call(endpoint, body);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => ({
        field: i.path.join('.') || '(root)',
        message: i.message,
      }));
      throw unexpectedResponse(endpoint, describeResponseIssues(issues), { issues });
    }

    return parsed.data;
  };

  createOrders(args: Args<'createOrders'>): Result<'createOrders'> {
    return orderWrites.createOrders(this.call, args);
  }

  changeStatus(args: Args<'changeStatus'>): Result<'changeStatus'> {
    return orderWrites.changeStatus(this.call, args);
  }

  changeOrderTag(args: Args<'changeOrderTag'>): Result<'changeOrderTag'> {
    return orderWrites.changeOrderTag(this.call, args);
  }

  cancelOrder(args: Args<'cancelOrder'>): Result<'cancelOrder'> {
    return orderWrites.cancelOrder(this.call, args);
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
    for (const ids of splitIntoChunks([...new Set(orderIds)], MAX_IDS_PER_CALL)) {
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
      FromDate: toLinnworksDate(args.from),
      ToDate: toLinnworksDate(args.to),
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

  getRefundHeadersByOrderId(
    args: Args<'getRefundHeadersByOrderId'>,
  ): Result<'getRefundHeadersByOrderId'> {
    return postSale.getRefundHeadersByOrderId(this.call, args);
  }

  getRefundLinesByHeaderId(
    args: Args<'getRefundLinesByHeaderId'>,
  ): Result<'getRefundLinesByHeaderId'> {
    return postSale.getRefundLinesByHeaderId(this.call, args);
  }

  getRefunds(args: Args<'getRefunds'>): Result<'getRefunds'> {
    return postSale.getRefunds(this.call, args);
  }

  getReturnsExchanges(args: Args<'getReturnsExchanges'>): Result<'getReturnsExchanges'> {
    return postSale.getReturnsExchanges(this.call, args);
  }

  searchReturnsRefunds(args: Args<'searchReturnsRefunds'>): Result<'searchReturnsRefunds'> {
    return postSale.searchReturnsRefunds(this.call, args);
  }

  getStockLocations(): Result<'getStockLocations'> {
    return stock.getStockLocations(this.call);
  }

  getStockItemIdsBySku(args: Args<'getStockItemIdsBySku'>): Result<'getStockItemIdsBySku'> {
    return stock.getStockItemIdsBySku(this.call, args);
  }

  getStockItemsFull(args: Args<'getStockItemsFull'>): Result<'getStockItemsFull'> {
    return stock.getStockItemsFull(this.call, args);
  }

  getStockLevelBatch(args: Args<'getStockLevelBatch'>): Result<'getStockLevelBatch'> {
    return stock.getStockLevelBatch(this.call, args);
  }

  getPostalServices(): Result<'getPostalServices'> {
    return stock.getPostalServices(this.call);
  }
}
