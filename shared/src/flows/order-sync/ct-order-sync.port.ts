import type { Order } from '@commercetools/platform-sdk';

/**
 * What order-sync needs from commercetools (besides the state store): one narrow port. Its
 * adapter over the SDK is `CtOrderSyncAdapter` (ct-order-sync.adapter.ts).
 */
export interface CtOrderSyncPort {
  /** The current order with payments and shipping method expanded; undefined when deleted. */
  getOrder(orderId: string): Promise<Order | undefined>;
  /** Records the Linnworks order id as the order's sync info on the Linnworks channel. */
  recordLinnworksOrderId(order: Order, linnworksOrderId: string): Promise<void>;
  /**
   * One page of orders modified in [from, to), oldest first (then by id), not expanded; `after`
   * continues behind the last order of the previous page (keyset paging, no offset limit).
   */
  findOrdersModified(query: OrdersModifiedQuery): Promise<Order[]>;
  /** The id of the order a payment belongs to (its `paymentInfo`); undefined when none. */
  findOrderIdByPayment(paymentId: string): Promise<string | undefined>;
  /** The id of the Linnworks channel whose sync info marks exported orders; undefined if none yet. */
  linnworksChannelId(): Promise<string | undefined>;
}

export interface OrdersModifiedQuery {
  from: string;
  to: string;
  after?: { lastModifiedAt: string; id: string };
  limit: number;
}

/** Whether the order already carries this Linnworks order id in its sync info. */
export function hasLinnworksSyncInfo(order: Order, linnworksOrderId: string): boolean {
  return order.syncInfo.some((s) => s.externalId === linnworksOrderId);
}
