import type { OrderRecord, PostalServiceRecord, RefundHeaderRecord, ReturnRecord } from './records';
import { StockStore } from './stock-store';

const FIRST_NUM_ORDER_ID = 100001;
const MAX_RECENT_CALLS = 100;
const MAX_WARNINGS = 200;

/** One API call's parameters as received (JSON body, form fields or query), when recording. */
export interface ReceivedRequest {
  endpoint: string;
  method: string;
  params: unknown;
}

/** Something a lenient setting let through that Linnworks may refuse (see README). */
export interface EmulatorWarning {
  endpoint: string;
  message: string;
}

/** One received API call: endpoint and the headers tests assert on (never the body). */
export interface RecordedCall {
  endpoint: string;
  authorization: string | undefined;
  correlationId: string | undefined;
  contentType: string | undefined;
}

function tripleKey(source: string, subSource: string, reference: string): string {
  return JSON.stringify([source.toLowerCase(), subSource.toLowerCase(), reference.toLowerCase()]);
}

/** All state of one emulated tenant. `clear()` returns it to an empty tenant. */
export class EmulatorStore {
  readonly stock: StockStore;
  readonly orders = new Map<string, OrderRecord>();
  private readonly byTriple = new Map<string, string>();
  readonly postalServices = new Map<string, PostalServiceRecord>();
  readonly refunds: RefundHeaderRecord[] = [];
  readonly returns: ReturnRecord[] = [];
  /** Session token → last time it was used (ms). */
  readonly sessions = new Map<string, number>();
  readonly callCounts = new Map<string, number>();
  /** Calls refused with 429 by the per-minute limits, per endpoint (drills count them). */
  readonly rateLimitedCounts = new Map<string, number>();
  /** The most recent calls (newest last), for tests that check headers. */
  readonly recentCalls: RecordedCall[] = [];
  /** Lenient paths taken (newest last), for tests that require none. */
  readonly warnings: EmulatorWarning[] = [];
  /** Every call's parameters while `recordingRequests` (contract tests check them against the SDK). */
  readonly requests: ReceivedRequest[] = [];
  recordingRequests = false;
  private nextNumOrderId = FIRST_NUM_ORDER_ID;
  private nextRefundHeaderId = 1;
  private nextReturnId = 1;

  constructor(readonly now: () => Date) {
    this.stock = new StockStore(now);
  }

  clear(): void {
    this.stock.clear();
    this.orders.clear();
    this.byTriple.clear();
    this.postalServices.clear();
    this.refunds.length = 0;
    this.returns.length = 0;
    this.sessions.clear();
    this.callCounts.clear();
    this.rateLimitedCounts.clear();
    this.recentCalls.length = 0;
    this.warnings.length = 0;
    this.requests.length = 0;
    this.recordingRequests = false;
    this.nextNumOrderId = FIRST_NUM_ORDER_ID;
    this.nextRefundHeaderId = 1;
    this.nextReturnId = 1;
  }

  takeNumOrderId(): number {
    return this.nextNumOrderId++;
  }

  takeRefundHeaderId(): number {
    return this.nextRefundHeaderId++;
  }

  takeReturnId(): number {
    return this.nextReturnId++;
  }

  /** Adds an order; the first order with a (Source, SubSource, ReferenceNumber) owns the triple. */
  addOrder(order: OrderRecord): void {
    this.orders.set(order.id, order);
    const key = tripleKey(order.source, order.subSource, order.referenceNumber);
    if (!this.byTriple.has(key)) this.byTriple.set(key, order.id);
  }

  orderByTriple(source: string, subSource: string, reference: string): OrderRecord | undefined {
    const id = this.byTriple.get(tripleKey(source, subSource, reference));

    return id ? this.orders.get(id) : undefined;
  }

  order(id: string): OrderRecord | undefined {
    return this.orders.get(id.toLowerCase());
  }

  /** Orders whose ReferenceNum or SecondaryReference equal `reference`, oldest first. */
  ordersByReference(reference: string): OrderRecord[] {
    const wanted = reference.toLowerCase();
    const found: OrderRecord[] = [];
    for (const order of this.orders.values()) {
      if (
        order.referenceNumber.toLowerCase() === wanted ||
        order.secondaryReference.toLowerCase() === wanted
      ) {
        found.push(order);
      }
    }

    return found;
  }

  warn(warning: EmulatorWarning): void {
    this.warnings.push(warning);
    if (this.warnings.length > MAX_WARNINGS) this.warnings.shift();
  }

  countCall(call: RecordedCall): void {
    this.callCounts.set(call.endpoint, (this.callCounts.get(call.endpoint) ?? 0) + 1);
    this.recentCalls.push(call);
    if (this.recentCalls.length > MAX_RECENT_CALLS) this.recentCalls.shift();
  }
}
