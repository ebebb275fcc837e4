import { RetryableUpstreamError } from '../errors/errors';
import { defaultSleep } from '../errors/retry';
import { type InstanceGate, instanceLimit } from './instance-share';

/** Time source of the budget; tests inject a fake one. */
export interface RateBudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemRateBudgetClock: RateBudgetClock = {
  now: () => Date.now(),
  sleep: defaultSleep,
};

/**
 * Documented calls per minute per endpoint: the "Rate limit: N / minute" of each method in
 * Linnworks' own API spec (LinnSystems/PublicApiSpecs 1.0, the source of the method pages'
 * "Allows N calls per minute"), for every endpoint the client calls and a few neighbours
 * (reference §7). Endpoints not listed get `DEFAULT_LINNWORKS_RATE_LIMIT`, the lower figure.
 */
export const LINNWORKS_RATE_LIMITS: Readonly<Record<string, number>> = {
  'Orders/CreateOrders': 150,
  'Orders/GetOrdersById': 250,
  'Orders/GetOrderById': 150,
  'Orders/GetOrderDetailsByReferenceId': 250,
  'Orders/GetOrderDetailsByNumOrderId': 250,
  'Orders/GetOpenOrders': 250,
  'Orders/ChangeStatus': 150,
  'Orders/ChangeOrderTag': 250,
  'Orders/CancelOrder': 150,
  'Orders/ProcessOrder': 250,
  'Orders/SetOrderCustomerInfo': 150,
  'Orders/SetOrderShippingInfo': 250,
  'Orders/SetOrderGeneralInfo': 250,
  'Orders/AddOrderItem': 250,
  'Orders/UpdateOrderItem': 150,
  'Orders/RemoveOrderItem': 150,
  'Orders/GetShippingMethods': 150,
  'OpenOrders/SearchOrders': 150,
  'OpenOrders/GetOpenOrders': 150,
  'OpenOrders/GetOpenOrdersDetails': 150,
  'ProcessedOrders/SearchProcessedOrders': 150,
  'ProcessedOrders/SearchProcessedOrdersPaged': 150,
  'ProcessedOrders/GetOrderInfo': 250,
  'ProcessedOrders/GetPackageSplit': 150,
  'ProcessedOrders/GetRefunds': 150,
  'ProcessedOrders/GetReturnsExchanges': 150,
  'PostSale/GetCancellationOptions': 150,
  'PostSale/CreateCancellation': 150,
  'ReturnsRefunds/GetRefundHeadersByOrderId': 150,
  'ReturnsRefunds/GetRefundLinesByHeaderId': 150,
  'ReturnsRefunds/SearchReturnsRefundsPaged': 150,
  'ReturnsRefunds/GetRefundOptions': 150,
  'ReturnsRefunds/CreateRefund': 150,
  'ReturnsRefunds/ActionRefund': 150,
  'Inventory/GetStockLocations': 150,
  'Inventory/GetStockItemIdsBySKU': 250,
  'Locations/GetLocation': 150,
  'Stock/GetStockItemsFull': 150,
  'Stock/GetStockLevel_Batch': 250,
  'Stock/GetStockLevel': 250,
  'Stock/GetItemChangesHistory': 250,
  'PostalServices/GetPostalServices': 150,
};

export const DEFAULT_LINNWORKS_RATE_LIMIT = 150;
const WINDOW_MS = 60_000;
/** How often a caller that may not call yet looks again. */
const NOT_READY_POLL_MS = 1_000;

export interface RateBudgetOptions {
  /** Per-endpoint overrides of the calls-per-minute figures. */
  limits?: Record<string, number>;
  defaultLimit?: number;
  clock?: RateBudgetClock;
  /**
   * Extra time a call stays in the window: two calls admitted a minute apart reach Linnworks
   * closer together when the first one was slower on the way, so an app that keeps to its share
   * of a limit shared with other apps adds a margin (`appRateBudget`: 1 s).
   */
  marginMs?: number;
  /**
   * The app runs as several instances that split its limits (instance-share.ts): each keeps to
   * its part, and makes no call before the gate says it may. Default: one instance.
   */
  instances?: InstanceGate;
}

/** How long a caller is willing to wait for budget. */
export interface AcquireOptions {
  /**
   * Refuse (throw `RateBudgetSpentError`) instead of waiting longer than this, e.g. so an event
   * app answers 503 early rather than after its acknowledgement deadline. Default: wait.
   */
  maxWaitMs?: number;
}

/**
 * The endpoint's budget is spent for longer than the caller can wait: nothing was sent, and
 * trying again later is right (retryable; an event app answers 503 so Pub/Sub backs off).
 */
export class RateBudgetSpentError extends RetryableUpstreamError {
  constructor(endpoint: string, waitMs: number, maxWaitMs: number) {
    super(
      'RATE_BUDGET_SPENT',
      `${endpoint}: this app's share of the per-minute limit is spent for ${waitMs} ms, longer than the ${maxWaitMs} ms it may wait`,
      { endpoint, waitMs },
    );
  }
}

/** Admits a call when its endpoint has budget left; waits otherwise. */
export interface RateBudget {
  acquire(endpoint: string, options?: AcquireOptions): Promise<void>;
}

/**
 * Sliding 60-second window per endpoint, the way Linnworks counts (reference §10.3), so
 * normal operation never provokes a 429. A call that finds the window full is given the first
 * free slot after every earlier caller's (first come, first served) and waits for it; with
 * `maxWaitMs` it is refused instead when that slot is too far away. One instance per tenant.
 */
export class SlidingWindowRateBudget implements RateBudget {
  private readonly windows = new Map<string, number[]>();
  private readonly clock: RateBudgetClock;

  constructor(private readonly options: RateBudgetOptions = {}) {
    this.clock = options.clock ?? systemRateBudgetClock;
  }

  /** This instance's calls a minute of `endpoint`: the app's share, or its part of it. */
  limitFor(endpoint: string): number {
    const share =
      this.options.limits?.[endpoint] ??
      LINNWORKS_RATE_LIMITS[endpoint] ??
      this.options.defaultLimit ??
      DEFAULT_LINNWORKS_RATE_LIMIT;
    const instances = this.options.instances;

    return instances ? instanceLimit(share, instances.divisor()) : share;
  }

  async acquire(endpoint: string, options: AcquireOptions = {}): Promise<void> {
    await this.options.instances?.known;
    for (;;) {
      const now = this.clock.now();
      const readyAt = this.options.instances?.readyAt(now) ?? now;
      const at = Math.max(this.nextSlot(endpoint, now), readyAt);
      const waitMs = at - now;
      if (options.maxWaitMs !== undefined && waitMs > options.maxWaitMs) {
        throw new RateBudgetSpentError(endpoint, waitMs, options.maxWaitMs);
      }
      if (readyAt <= now) {
        // Taken now, used at `at`: later callers queue behind it.
        this.window(endpoint, now).push(at);
        if (waitMs > 0) await this.clock.sleep(waitMs);

        return;
      }
      // This instance may not call yet (joining, or it lost sight of the others): no slot is
      // taken, since its part may change meanwhile; look again.
      await this.clock.sleep(Math.min(waitMs, NOT_READY_POLL_MS));
    }
  }

  /** When the next call of `endpoint` may go: now, or when the window has room after the queue. */
  private nextSlot(endpoint: string, now: number): number {
    const window = this.window(endpoint, now);
    const limit = this.limitFor(endpoint);
    const last = window[window.length - 1] ?? now;
    // The call `limit` places back must have left the window: then it holds limit - 1 others.
    // (After the limit fell, older calls beyond it keep the window full until they leave.)
    const blocking = window.length < limit ? -Infinity : (window[window.length - limit] ?? now);

    return Math.max(now, last, blocking + this.windowMs());
  }

  /** Calls admitted for `endpoint` in the last minute. */
  used(endpoint: string): number {
    return this.window(endpoint, this.clock.now()).length;
  }

  private windowMs(): number {
    return WINDOW_MS + (this.options.marginMs ?? 0);
  }

  private window(endpoint: string, now: number): number[] {
    let window = this.windows.get(endpoint);
    if (!window) {
      window = [];
      this.windows.set(endpoint, window);
    }
    let expired = 0;
    const from = now - this.windowMs();
    while (expired < window.length && (window[expired] ?? 0) <= from) expired++;
    if (expired > 0) window.splice(0, expired);

    return window;
  }
}
