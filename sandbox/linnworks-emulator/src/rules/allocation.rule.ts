import type { OrderItemRecord, OrderRecord } from '../state/records';
import type { StockStore } from '../state/stock-store';

/**
 * Stock effects of the order lifecycle (reference §10.4–5): an open order holds its linked
 * quantities in `InOrders` at its location (parked orders too, §4.2); processing deducts
 * `StockLevel` and releases `InOrders`; cancelling only releases.
 */
function linked(item: OrderItemRecord): item is OrderItemRecord & { stockItemId: string } {
  return item.stockItemId !== null && !item.isService;
}

export function allocateItems(
  stock: StockStore,
  locationId: string,
  items: OrderItemRecord[],
): void {
  for (const item of items) {
    if (linked(item)) stock.adjustInOrders(item.stockItemId, locationId, item.quantity);
  }
}

export function releaseItems(
  stock: StockStore,
  locationId: string,
  items: OrderItemRecord[],
): void {
  for (const item of items) {
    if (linked(item)) stock.adjustInOrders(item.stockItemId, locationId, -item.quantity);
  }
}

export function allocateOrder(stock: StockStore, order: OrderRecord): void {
  allocateItems(stock, order.locationId, order.items);
}

export function releaseOrder(stock: StockStore, order: OrderRecord): void {
  releaseItems(stock, order.locationId, order.items);
}

/** Processing: the goods leave the warehouse. */
export function deductOrder(stock: StockStore, order: OrderRecord): void {
  for (const item of order.items) {
    if (!linked(item)) continue;
    stock.adjustInOrders(item.stockItemId, order.locationId, -item.quantity);
    stock.adjustStockLevel(
      item.stockItemId,
      order.locationId,
      { delta: -item.quantity },
      'Order processed',
    );
  }
}
