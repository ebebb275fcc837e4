import axios, { type AxiosInstance } from 'axios';

import type { LinnworksConfig } from '../config/common.config';
import type { Logger } from '../logging/logger';
import type { LinnworksApi } from './linnworks-api.port';
import type {
  LinnworksArgs as Args,
  LinnworksCall,
  LinnworksMethod,
  LinnworksResult as Result,
} from './linnworks-call';
import { describeResponseIssues, unexpectedResponse } from './linnworks-errors';
import * as moneyBack from './linnworks-money-back.requests';
import * as orderEdits from './linnworks-order-edit.requests';
import * as orderReads from './linnworks-order-reads.requests';
import * as orderWrites from './linnworks-order.requests';
import * as postSale from './linnworks-post-sale.requests';
import * as stock from './linnworks-stock.requests';
import { LinnworksTransport } from './linnworks-transport';
import { type RateBudget, type RateBudgetClock, SlidingWindowRateBudget } from './rate-budget';

export { MIN_PROCESSED_RESULTS_PER_PAGE } from './linnworks-order-reads.requests';

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
 * Each port method and the request function that implements it (one module per family). The
 * type makes the compiler check that no method of `LinnworksApi` is missing or mistyped.
 */
const METHODS: { [M in LinnworksMethod]: (call: LinnworksCall, args: Args<M>) => Result<M> } = {
  createOrders: orderWrites.createOrders,
  changeStatus: orderWrites.changeStatus,
  changeOrderTag: orderWrites.changeOrderTag,
  cancelOrder: orderWrites.cancelOrder,
  getOrderDetailsByReferenceId: orderReads.getOrderDetailsByReferenceId,
  getOrdersById: orderReads.getOrdersById,
  getOrderPrintFlags: orderReads.getOrderPrintFlags,
  getOpenOrders: orderReads.getOpenOrders,
  searchOrders: orderReads.searchOrders,
  searchProcessedOrders: orderReads.searchProcessedOrders,
  getPackageSplit: orderReads.getPackageSplit,
  setOrderCustomerInfo: orderEdits.setOrderCustomerInfo,
  setOrderShippingInfo: orderEdits.setOrderShippingInfo,
  addOrderItem: orderEdits.addOrderItem,
  updateOrderItem: orderEdits.updateOrderItem,
  removeOrderItem: orderEdits.removeOrderItem,
  getRefundHeadersByOrderId: postSale.getRefundHeadersByOrderId,
  getRefundLinesByHeaderId: postSale.getRefundLinesByHeaderId,
  getRefunds: postSale.getRefunds,
  getReturnsExchanges: postSale.getReturnsExchanges,
  searchReturnsRefunds: postSale.searchReturnsRefunds,
  getCancellationOptions: moneyBack.getCancellationOptions,
  createCancellation: moneyBack.createCancellation,
  getRefundOptions: moneyBack.getRefundOptions,
  createRefund: moneyBack.createRefund,
  actionRefund: moneyBack.actionRefund,
  getStockLocations: stock.getStockLocations,
  getStockItemIdsBySku: stock.getStockItemIdsBySku,
  getStockItemsFull: stock.getStockItemsFull,
  getStockLevelBatch: stock.getStockLevelBatch,
  getPostalServices: stock.getPostalServices,
};

type Method = (call: LinnworksCall, args: unknown) => unknown;

/** A class whose instances have the port's methods; LinnworksClient puts them on its prototype. */
const PortMethods = class {} as unknown as new () => Omit<LinnworksApi, 'callCount'>;

/** The real Linnworks client. See `LinnworksApi` for the contract of each method. */
export class LinnworksClient extends PortMethods implements LinnworksApi {
  private readonly transport: LinnworksTransport;
  /** Linnworks calls made so far (one per endpoint request, retries and auth not counted). */
  callCount = 0;

  constructor(options: LinnworksClientOptions) {
    super();
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

  private readonly call: LinnworksCall = async (endpoint, body, schema, options) => {
    this.callCount++;
    const raw = await this.transport.call(endpoint, body, options);
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

  static {
    for (const [name, method] of Object.entries(METHODS) as [string, Method][]) {
      Object.defineProperty(LinnworksClient.prototype, name, {
        value(this: LinnworksClient, args: unknown) {
          return method(this.call, args);
        },
        writable: true,
        configurable: true,
      });
    }
  }
}
