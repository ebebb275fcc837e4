import type { Order } from '@commercetools/platform-sdk';

import type { StateStore } from '../../state/state-store';
import { type Settlement, settle } from '../order-sync/order-lifecycle.contract';
import {
  ORDER_STATE_CONTAINER,
  type OrderState,
  OrderStateRepo,
} from '../order-sync/order-state.contract';
import type { CtFulfillmentSyncPort } from './ct-fulfillment-sync.port';
import type { LwOrderRef } from './fulfillment.types';

const BATCH = 100;

function quoted(values: string[]): string {
  return values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(', ');
}

/** A Linnworks order resolved to its commercetools order, with order-sync's record if any. */
export interface ResolvedOrder {
  order: Order;
  state?: OrderState;
}

/**
 * Finds the commercetools orders behind Linnworks orders: through order-sync's order-state
 * records (by Linnworks order id, else by the reference order-sync sent), else by order number
 * or id equal to the Linnworks reference. One state query and one order query per 100 orders.
 */
export class OrderLinks {
  readonly repo: OrderStateRepo;

  constructor(
    private readonly store: StateStore,
    private readonly ct: CtFulfillmentSyncPort,
  ) {
    this.repo = new OrderStateRepo(store);
  }

  /** Moves the order's record on to `shipped` or `cancelled` (no record, or settled: nothing). */
  async settle(resolved: ResolvedOrder, as: Settlement, at: Date): Promise<void> {
    if (!resolved.state || resolved.state.settled || resolved.state.status === 'closed') return;
    await this.repo.update(resolved.order.id, (current) => settle(current, as, at));
  }

  async resolve(refs: LwOrderRef[]): Promise<Map<string, ResolvedOrder>> {
    const resolved = new Map<string, ResolvedOrder>();
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = refs.slice(i, i + BATCH);
      for (const [lwId, found] of await this.resolveBatch(batch)) resolved.set(lwId, found);
    }

    return resolved;
  }

  private async resolveBatch(refs: LwOrderRef[]): Promise<Map<string, ResolvedOrder>> {
    const ids = refs.map((r) => r.lwOrderId);
    const references = refs.map((r) => r.reference).filter(Boolean);
    const where = [`value(linnworksOrderId in (${quoted(ids)}))`];
    if (references.length) where.push(`value(linnworksReference in (${quoted(references)}))`);
    const page = await this.store.query<OrderState>(ORDER_STATE_CONTAINER, {
      where: where.join(' or '),
      limit: 500,
    });
    const states = page.results.map((r) => r.value);
    const stateFor = new Map<string, OrderState>();
    for (const ref of refs) {
      const state =
        states.find((s) => s.linnworksOrderId === ref.lwOrderId) ??
        states.find((s) => !s.linnworksOrderId && s.linnworksReference === ref.reference);
      if (state) stateFor.set(ref.lwOrderId, state);
    }
    const orders = await this.ct.getOrders([
      ...[...stateFor.values()].map((s) => s.ctOrderId),
      ...refs.filter((r) => !stateFor.has(r.lwOrderId)).map((r) => r.reference),
    ]);
    const unresolved = refs.filter(
      (r) => !stateFor.has(r.lwOrderId) && !orders.some((o) => o.id === r.reference),
    );
    const byNumber = await this.ct.getOrdersByNumber(unresolved.map((r) => r.reference));
    const result = new Map<string, ResolvedOrder>();
    for (const ref of refs) {
      const state = stateFor.get(ref.lwOrderId);
      const order = state
        ? orders.find((o) => o.id === state.ctOrderId)
        : (orders.find((o) => o.id === ref.reference) ??
          byNumber.find((o) => o.orderNumber === ref.reference));
      if (order) result.set(ref.lwOrderId, { order, ...(state ? { state } : {}) });
    }

    return result;
  }
}
