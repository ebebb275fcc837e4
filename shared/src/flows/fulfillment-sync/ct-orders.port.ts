import type { Order, OrderUpdateAction } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { isCtConflict, toCtError } from '../../commercetools/ct-errors';
import { VersionConflictError } from '../../errors/errors';
import { type StateInfo, toStateInfo } from './fulfillment-states';

/**
 * The commercetools side of the flow: read orders in batches, update one, resolve state keys.
 * Orders are read with their order state and line-item states expanded (`state.obj`,
 * `lineItems[*].state[*].state.obj`), so plans can tell which transitions commercetools allows.
 */
export interface FulfillmentCtPort {
  /** Orders by id; missing ids are simply absent. */
  getOrders(ids: string[]): Promise<Order[]>;
  /** Orders by order number; missing numbers are simply absent. */
  getOrdersByNumber(orderNumbers: string[]): Promise<Order[]>;
  /** One update request; throws `VersionConflictError` when the version moved. */
  updateOrder(id: string, version: number, actions: OrderUpdateAction[]): Promise<Order>;
  /** State key → what the flow needs of it, for the keys that exist. */
  states(keys: string[]): Promise<Map<string, StateInfo>>;
}

/** Reference expansions of every order read: the states plans check transitions against. */
export const ORDER_EXPAND = ['state', 'lineItems[*].state[*].state'];

const BATCH = 100;

function quoted(values: string[]): string {
  return values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(', ');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));

  return out;
}

/** `FulfillmentCtPort` over the commercetools API: one query per 100 orders. */
export class CtFulfillmentOrders implements FulfillmentCtPort {
  constructor(private readonly api: CtApi) {}

  private async query(field: 'id' | 'orderNumber', values: string[]): Promise<Order[]> {
    const found: Order[] = [];
    for (const batch of chunks([...new Set(values)].filter(Boolean), BATCH)) {
      try {
        const res = await this.api
          .orders()
          .get({
            queryArgs: {
              where: `${field} in (${quoted(batch)})`,
              limit: BATCH,
              expand: ORDER_EXPAND,
            },
          })
          .execute();
        found.push(...res.body.results);
      } catch (error) {
        throw toCtError(error, `order query by ${field}`);
      }
    }

    return found;
  }

  getOrders(ids: string[]): Promise<Order[]> {
    return this.query('id', ids);
  }

  getOrdersByNumber(orderNumbers: string[]): Promise<Order[]> {
    return this.query('orderNumber', orderNumbers);
  }

  async updateOrder(id: string, version: number, actions: OrderUpdateAction[]): Promise<Order> {
    try {
      const res = await this.api
        .orders()
        .withId({ ID: id })
        .post({ body: { version, actions } })
        .execute();

      return res.body;
    } catch (error) {
      if (isCtConflict(error)) throw new VersionConflictError('order', id);
      throw toCtError(error, `update of order ${id}`);
    }
  }

  async states(keys: string[]): Promise<Map<string, StateInfo>> {
    const states = new Map<string, StateInfo>();
    if (keys.length === 0) return states;
    try {
      const res = await this.api
        .states()
        .get({ queryArgs: { where: `key in (${quoted(keys)})`, limit: 500 } })
        .execute();
      for (const state of res.body.results) states.set(state.key, toStateInfo(state));
    } catch (error) {
      throw toCtError(error, 'state query');
    }

    return states;
  }
}
