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
  type LinnworksMethod,
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

/**
 * The calls that are one request each, written in the request modules as `(call, args)`: the
 * client gives each of them its own transport (`LinnworksClient` methods of the same names).
 */
const REQUESTS = {
  createOrders: orderWrites.createOrders,
  changeStatus: orderWrites.changeStatus,
  changeOrderTag: orderWrites.changeOrderTag,
  cancelOrder: orderWrites.cancelOrder,
  getRefundHeadersByOrderId: postSale.getRefundHeadersByOrderId,
  getRefundLinesByHeaderId: postSale.getRefundLinesByHeaderId,
  getRefunds: postSale.getRefunds,
  getReturnsExchanges: postSale.getReturnsExchanges,
  searchReturnsRefunds: postSale.searchReturnsRefunds,
  getStockLocations: stock.getStockLocations,
  getStockItemIdsBySku: stock.getStockItemIdsBySku,
  getStockItemsFull: stock.getStockItemsFull,
  getStockLevelBatch: stock.getStockLevelBatch,
  getPostalServices: stock.getPostalServices,
} satisfies { [M in LinnworksMethod]?: (call: LinnworksCall, args: never) => unknown };

type RequestMethods = {
  [M in keyof typeof REQUESTS]: LinnworksApi[M];
};

// The request methods are defined on the prototype below (one place, no per-method boilerplate).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface LinnworksClient extends RequestMethods {}

/** The real Linnworks client. See `LinnworksApi` for the contract of each method. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class LinnworksClient implements LinnworksApi {
  static {
    for (const [name, request] of Object.entries(REQUESTS)) {
      Object.defineProperty(LinnworksClient.prototype, name, {
        value(this: LinnworksClient, args: never) {
          return (request as (call: LinnworksCall, args: never) => unknown)(this.call, args);
        },
        writable: true,
        configurable: true,
      });
    }
  }

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
}
