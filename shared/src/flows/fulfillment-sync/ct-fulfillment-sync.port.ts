import type {
  Order,
  OrderUpdateAction,
  Payment,
  TransactionDraft,
} from '@commercetools/platform-sdk';

import type { CallCounts } from '../../commercetools/call-counts';
import type { StateInfo } from './fulfillment-states';

/**
 * The commercetools side of the flow (adapter: `CtFulfillmentSyncAdapter` in
 * ct-fulfillment-sync.adapter.ts): read orders in batches, update one, resolve state keys.
 * Orders are read with their order state and line-item states expanded (`state.obj`,
 * `lineItems[*].state[*].state.obj`), so plans can tell which transitions commercetools allows.
 */
export interface CtFulfillmentSyncPort {
  /** HTTP calls made so far (the adapter counts them); a run report reads the difference. */
  readonly calls: Readonly<CallCounts>;
  /** Orders by id; missing ids are simply absent. */
  getOrders(ids: string[]): Promise<Order[]>;
  /** Orders by order number; missing numbers are simply absent. */
  getOrdersByNumber(orderNumbers: string[]): Promise<Order[]>;
  /** One update request; throws `VersionConflictError` when the version moved. */
  updateOrder(id: string, version: number, actions: OrderUpdateAction[]): Promise<Order>;
  /** State key → what the flow needs of it, for the keys that exist. */
  states(keys: string[]): Promise<Map<string, StateInfo>>;
  /** Payments by id (an order's `paymentInfo`); missing ids are simply absent. */
  getPayments(ids: string[]): Promise<Payment[]>;
  /** Adds transactions in one update; throws `VersionConflictError` when the version moved. */
  addTransactions(payment: Payment, transactions: TransactionDraft[]): Promise<Payment>;
}

/** Reference expansions of every order read: the states plans check transitions against. */
export const ORDER_EXPAND = ['state', 'lineItems[*].state[*].state'];
