import axios, { type AxiosInstance } from 'axios';

import type { LinnworksConfig } from '../config/common.config';
import type { Logger } from '../logging/logger';
import type { LinnworksApi } from './linnworks-api.port';
import type {
  LinnworksArgs as Args,
  LinnworksCall,
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

  private readonly call: LinnworksCall = async (endpoint, body, schema, options) => {
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

  getOrderDetailsByReferenceId(
    args: Args<'getOrderDetailsByReferenceId'>,
  ): Result<'getOrderDetailsByReferenceId'> {
    return orderReads.getOrderDetailsByReferenceId(this.call, args);
  }

  getOrdersById(args: Args<'getOrdersById'>): Result<'getOrdersById'> {
    return orderReads.getOrdersById(this.call, args);
  }

  getOrderPrintFlags(args: Args<'getOrderPrintFlags'>): Result<'getOrderPrintFlags'> {
    return orderReads.getOrderPrintFlags(this.call, args);
  }

  getOpenOrders(args: Args<'getOpenOrders'>): Result<'getOpenOrders'> {
    return orderReads.getOpenOrders(this.call, args);
  }

  searchOrders(args: Args<'searchOrders'>): Result<'searchOrders'> {
    return orderReads.searchOrders(this.call, args);
  }

  searchProcessedOrders(args: Args<'searchProcessedOrders'>): Result<'searchProcessedOrders'> {
    return orderReads.searchProcessedOrders(this.call, args);
  }

  getPackageSplit(args: Args<'getPackageSplit'>): Result<'getPackageSplit'> {
    return orderReads.getPackageSplit(this.call, args);
  }

  setOrderCustomerInfo(args: Args<'setOrderCustomerInfo'>): Result<'setOrderCustomerInfo'> {
    return orderEdits.setOrderCustomerInfo(this.call, args);
  }

  setOrderShippingInfo(args: Args<'setOrderShippingInfo'>): Result<'setOrderShippingInfo'> {
    return orderEdits.setOrderShippingInfo(this.call, args);
  }

  addOrderItem(args: Args<'addOrderItem'>): Result<'addOrderItem'> {
    return orderEdits.addOrderItem(this.call, args);
  }

  updateOrderItem(args: Args<'updateOrderItem'>): Result<'updateOrderItem'> {
    return orderEdits.updateOrderItem(this.call, args);
  }

  removeOrderItem(args: Args<'removeOrderItem'>): Result<'removeOrderItem'> {
    return orderEdits.removeOrderItem(this.call, args);
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

  getCancellationOptions(args: Args<'getCancellationOptions'>): Result<'getCancellationOptions'> {
    return moneyBack.getCancellationOptions(this.call, args);
  }

  createCancellation(args: Args<'createCancellation'>): Result<'createCancellation'> {
    return moneyBack.createCancellation(this.call, args);
  }

  getRefundOptions(args: Args<'getRefundOptions'>): Result<'getRefundOptions'> {
    return moneyBack.getRefundOptions(this.call, args);
  }

  createRefund(args: Args<'createRefund'>): Result<'createRefund'> {
    return moneyBack.createRefund(this.call, args);
  }

  actionRefund(args: Args<'actionRefund'>): Result<'actionRefund'> {
    return moneyBack.actionRefund(this.call, args);
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

  getStockLocations(): Result<'getStockLocations'> {
    return stock.getStockLocations(this.call);
  }

  getPostalServices(): Result<'getPostalServices'> {
    return stock.getPostalServices(this.call);
  }
}
