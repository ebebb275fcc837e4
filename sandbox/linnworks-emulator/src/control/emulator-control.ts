import type { EmulatorOptions } from '../emulator-options';
import type { FaultInjector, FaultRule } from '../http/faults';
import { ControlError } from '../http/lw-error';
import type { EmulatorRateLimiter } from '../http/rate-limiter';
import { newGuid } from '../lw-format';
import type {
  EmulatorStore,
  EmulatorWarning,
  ReceivedRequest,
  RecordedCall,
} from '../state/emulator-store';
import type { StockLocationRecord } from '../state/records';
import { orderDetailsView } from '../views/order-details.view';
import {
  findOrder,
  type LineSelector,
  processOrder,
  type ProcessOrderInput,
  splitOrder,
} from './order-actions';
import {
  type CancelInput,
  cancelOrder,
  refundOrder,
  type RefundInput,
  returnItems,
  type ReturnInput,
} from './post-sale-actions';

export interface SeedItem {
  sku: string;
  title?: string;
  barcode?: string;
  id?: string;
  retailPrice?: number;
  purchasePrice?: number;
  /** On-hand level per location (id or name). */
  stock?: Record<string, number>;
}

export interface SeedPostalService {
  name: string;
  vendor: string;
  code?: string;
  tag?: string;
  id?: string;
  trackingNumberRequired?: boolean;
}

export interface StockView {
  locationId: string;
  locationName: string;
  stockLevel: number;
  inOrders: number;
  available: number;
}

export type OrderDetailsJson = Record<string, unknown>;

/**
 * The emulator's control surface for tests, drills and the demo: seed, act as the warehouse,
 * inject faults, read state. The HTTP control API (`/_emulator/...`) calls the same methods.
 */
export class EmulatorControl {
  constructor(
    private readonly store: EmulatorStore,
    private readonly options: EmulatorOptions,
    private readonly faults: FaultInjector,
    private readonly limiter: EmulatorRateLimiter,
  ) {}

  /** Empty tenant (Default location only), no faults, fresh rate windows and call counts. */
  reset(): void {
    this.store.clear();
    this.faults.clear();
    this.limiter.clear();
  }

  setOptions(options: Partial<Omit<EmulatorOptions, 'now' | 'random'>>): void {
    Object.assign(this.options, options);
  }

  seedLocations(
    locations: { name: string; id?: string; tag?: string; isFulfillmentCenter?: boolean }[],
  ): { id: string; name: string }[] {
    return locations.map((l) => {
      const record = this.store.stock.addLocation(l);

      return { id: record.id, name: record.name };
    });
  }

  /** Bulk seeding in one pass (the stock benchmark seeds 100,000 SKUs × 3 locations). */
  seedItems(items: SeedItem[]): { sku: string; stockItemId: string }[] {
    const stock = this.store.stock;

    return items.map((input) => {
      const item = stock.addItem({
        sku: input.sku,
        title: input.title,
        barcode: input.barcode,
        id: input.id,
        retailPrice: input.retailPrice,
        purchasePrice: input.purchasePrice,
      });
      for (const [location, level] of Object.entries(input.stock ?? {})) {
        stock.adjustStockLevel(item.id, this.location(location).id, { set: level }, 'Seed');
      }

      return { sku: item.sku, stockItemId: item.id };
    });
  }

  seedPostalServices(services: SeedPostalService[]): { id: string; name: string }[] {
    return services.map((s) => {
      const id = (s.id ?? newGuid()).toLowerCase();
      this.store.postalServices.set(id, {
        id,
        name: s.name,
        vendor: s.vendor,
        code: s.code ?? '',
        tag: s.tag ?? '',
        trackingNumberRequired: s.trackingNumberRequired ?? true,
      });

      return { id, name: s.name };
    });
  }

  /** Sets (`set`) or shifts (`delta`) the on-hand StockLevel; stamps LastUpdateDate. */
  adjustStock(input: { sku: string; location: string; set?: number; delta?: number }): StockView {
    const item = this.item(input.sku);
    const location = this.location(input.location);
    this.store.stock.adjustStockLevel(
      item.id,
      location.id,
      { set: input.set, delta: input.delta },
      'Stock adjustment',
    );

    return this.stockAt(item.id, location);
  }

  /** Shifts InOrders directly (allocations made outside the emulated orders). */
  adjustAllocation(input: { sku: string; location: string; delta: number }): StockView {
    const item = this.item(input.sku);
    const location = this.location(input.location);
    this.store.stock.adjustInOrders(item.id, location.id, input.delta);

    return this.stockAt(item.id, location);
  }

  getStock(sku: string): StockView[] {
    const item = this.item(sku);

    return [...this.store.stock.locations.values()].map((l) => this.stockAt(item.id, l));
  }

  setPrintFlags(input: {
    order: string;
    pickListPrinted?: boolean;
    invoicePrinted?: boolean;
    labelPrinted?: boolean;
  }): OrderDetailsJson {
    const order = findOrder(this.store, input.order);
    if (order.processed)
      throw new ControlError(409, `Order ${order.numOrderId} is already processed`);
    order.pickListPrinted = input.pickListPrinted ?? order.pickListPrinted;
    order.invoicePrinted = input.invoicePrinted ?? order.invoicePrinted;
    order.labelPrinted = input.labelPrinted ?? order.labelPrinted;

    return this.view(order.id);
  }

  processOrder(input: ProcessOrderInput): OrderDetailsJson {
    return this.view(processOrder(this.store, input).id);
  }

  splitOrder(input: { order: string; lines: LineSelector[] }): OrderDetailsJson {
    return this.view(splitOrder(this.store, input, this.options.splitChildrenShareReference).id);
  }

  /** A partial shipment: the lines move to a child order, which is processed. Returns the child. */
  shipPartial(
    input: Omit<ProcessOrderInput, 'order'> & { order: string; lines: LineSelector[] },
  ): OrderDetailsJson {
    const child = splitOrder(this.store, input, this.options.splitChildrenShareReference);
    const parent = findOrder(this.store, input.order);
    parent.partShipped = true;

    return this.view(processOrder(this.store, { ...input, order: child.id }).id);
  }

  /**
   * A tracking number the carrier gave after the order was processed (reference §5.3 [?]):
   * set on the order and on its first box when they have none yet.
   */
  attachTracking(input: { order: string; trackingNumber: string }): OrderDetailsJson {
    const order = findOrder(this.store, input.order);
    if (!order.processed) throw new ControlError(409, `Order ${order.numOrderId} is not processed`);
    if (!order.trackingNumber) order.trackingNumber = input.trackingNumber;
    const box = order.packages[0];
    if (box && !box.trackingNumber) box.trackingNumber = input.trackingNumber;

    return this.view(order.id);
  }

  cancelOrder(input: CancelInput): OrderDetailsJson {
    return this.view(cancelOrder(this.store, input, this.options).id);
  }

  refundOrder(input: RefundInput): { refundHeaderId: number } {
    return { refundHeaderId: refundOrder(this.store, input, this.options).id };
  }

  returnItems(input: ReturnInput): { returnIds: number[] } {
    return { returnIds: returnItems(this.store, input, this.options).map((r) => r.id) };
  }

  injectFault(rule: FaultRule): number {
    return this.faults.add(rule);
  }

  removeFault(id: number): void {
    this.faults.remove(id);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Every session becomes invalid; the next data call gets 401. */
  expireSessions(): void {
    this.store.sessions.clear();
  }

  listOrders(): OrderDetailsJson[] {
    return [...this.store.orders.keys()].map((id) => this.view(id));
  }

  getOrder(idOrReference: string): OrderDetailsJson {
    return this.view(findOrder(this.store, idOrReference).id);
  }

  /** Calls received per `Controller/Method` since the last reset (faulted and refused calls included). */
  callCounts(): Record<string, number> {
    return Object.fromEntries(this.store.callCounts);
  }

  /** Calls refused with 429 by the per-minute limits, per endpoint, since the last reset. */
  rateLimited(): Record<string, number> {
    return Object.fromEntries(this.store.rateLimitedCounts);
  }

  resetCallCounts(): void {
    this.store.callCounts.clear();
    this.store.rateLimitedCounts.clear();
    this.store.recentCalls.length = 0;
  }

  /** The last calls received (up to 100), oldest first. */
  recentCalls(): RecordedCall[] {
    return this.store.recentCalls.map((c) => ({ ...c }));
  }

  /** Starts (or stops) keeping every call's parameters, for checks of what a client sends. */
  recordRequests(on: boolean): void {
    this.store.recordingRequests = on;
  }

  /** The parameters of every call since recording started, oldest first. */
  requests(): ReceivedRequest[] {
    return this.store.requests.map((r) => ({ ...r }));
  }

  /** What lenient settings let through that Linnworks may refuse (README), oldest first. */
  warnings(): EmulatorWarning[] {
    return this.store.warnings.map((w) => ({ ...w }));
  }

  clearWarnings(): void {
    this.store.warnings.length = 0;
  }

  private view(orderId: string): OrderDetailsJson {
    const order = findOrder(this.store, orderId);

    return orderDetailsView(this.store, order, this.options);
  }

  private item(sku: string) {
    const item = this.store.stock.itemBySku(sku);
    if (!item) throw new ControlError(404, `No item ${sku}`);

    return item;
  }

  private location(idOrName: string): StockLocationRecord {
    const location = this.store.stock.locationByIdOrName(idOrName);
    if (!location) throw new ControlError(404, `No location ${idOrName}`);

    return location;
  }

  private stockAt(itemId: string, location: StockLocationRecord): StockView {
    const level = this.store.stock.level(itemId, location.id);

    return {
      locationId: location.id,
      locationName: location.name,
      stockLevel: level.stockLevel,
      inOrders: level.inOrders,
      available: level.stockLevel - level.inOrders,
    };
  }
}
