import { defaultSleep } from '../errors/retry';

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
 * Documented calls per minute per endpoint (reference §7, and the official method pages for
 * ChangeStatus, ChangeOrderTag and ReturnsRefunds/*). Endpoints not listed get
 * `DEFAULT_LINNWORKS_RATE_LIMIT`, the lower of the two usual figures.
 */
export const LINNWORKS_RATE_LIMITS: Readonly<Record<string, number>> = {
  'Orders/CreateOrders': 150,
  'ProcessedOrders/SearchProcessedOrders': 150,
  'ProcessedOrders/SearchProcessedOrdersPaged': 150,
  'Stock/GetStockItemsFull': 150,
  'Inventory/GetStockLocations': 150,
  'Locations/GetLocation': 150,
  'OpenOrders/GetOpenOrders': 150,
  'Orders/GetOrdersById': 250,
  'Orders/GetOrderDetailsByNumOrderId': 250,
  'ProcessedOrders/GetOrderInfo': 250,
  'Stock/GetStockLevel_Batch': 250,
  'Orders/ProcessOrder': 250,
  'Orders/ChangeStatus': 150,
  'Orders/ChangeOrderTag': 250,
  'ReturnsRefunds/GetRefundHeadersByOrderId': 150,
  'ReturnsRefunds/GetRefundLinesByHeaderId': 150,
  'ReturnsRefunds/SearchReturnsRefundsPaged': 150,
};

export const DEFAULT_LINNWORKS_RATE_LIMIT = 150;
const WINDOW_MS = 60_000;

export interface RateBudgetOptions {
  /** Per-endpoint overrides of the calls-per-minute figures. */
  limits?: Record<string, number>;
  defaultLimit?: number;
  clock?: RateBudgetClock;
}

/** Admits a call when its endpoint has budget left; waits otherwise. */
export interface RateBudget {
  acquire(endpoint: string): Promise<void>;
}

/**
 * Sliding 60-second window per endpoint, the way Linnworks counts (reference §10.3), so
 * normal operation never provokes a 429. Calls that find the window full wait until the
 * oldest call in it is a minute old. One instance per tenant.
 */
export class SlidingWindowRateBudget implements RateBudget {
  private readonly windows = new Map<string, number[]>();
  private readonly clock: RateBudgetClock;

  constructor(private readonly options: RateBudgetOptions = {}) {
    this.clock = options.clock ?? systemRateBudgetClock;
  }

  limitFor(endpoint: string): number {
    return (
      this.options.limits?.[endpoint] ??
      LINNWORKS_RATE_LIMITS[endpoint] ??
      this.options.defaultLimit ??
      DEFAULT_LINNWORKS_RATE_LIMIT
    );
  }

  async acquire(endpoint: string): Promise<void> {
    const limit = this.limitFor(endpoint);
    for (;;) {
      const now = this.clock.now();
      const window = this.window(endpoint, now);
      if (window.length < limit) {
        window.push(now);

        return;
      }
      const oldest = window[0] ?? now;
      await this.clock.sleep(Math.max(1, oldest + WINDOW_MS - now));
    }
  }

  /** Calls admitted for `endpoint` in the last minute. */
  used(endpoint: string): number {
    return this.window(endpoint, this.clock.now()).length;
  }

  private window(endpoint: string, now: number): number[] {
    let window = this.windows.get(endpoint);
    if (!window) {
      window = [];
      this.windows.set(endpoint, window);
    }
    let expired = 0;
    while (expired < window.length && (window[expired] ?? 0) <= now - WINDOW_MS) expired++;
    if (expired > 0) window.splice(0, expired);

    return window;
  }
}
