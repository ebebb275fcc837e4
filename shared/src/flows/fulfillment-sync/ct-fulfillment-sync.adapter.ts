import type {
  Order,
  OrderUpdateAction,
  Payment,
  TransactionDraft,
} from '@commercetools/platform-sdk';

import { type CallCounts, noCalls } from '../../commercetools/call-counts';
import type { CtApi } from '../../commercetools/client';
import { isCtConflict, toCtError } from '../../commercetools/ct-errors';
import { VersionConflictError } from '../../errors/errors';
import { type CtFulfillmentSyncPort, ORDER_EXPAND } from './ct-fulfillment-sync.port';
import { type StateInfo, toStateInfo } from './fulfillment-states';

const BATCH = 100;

function quoted(values: string[]): string {
  return values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(', ');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));

  return out;
}

/** `CtFulfillmentSyncPort` over the commercetools API: one query per 100 orders. */
export class CtFulfillmentSyncAdapter implements CtFulfillmentSyncPort {
  readonly calls: CallCounts = noCalls();

  constructor(private readonly api: CtApi) {}

  private async query(field: 'id' | 'orderNumber', values: string[]): Promise<Order[]> {
    const found: Order[] = [];
    for (const batch of chunks([...new Set(values)].filter(Boolean), BATCH)) {
      const queryArgs = { where: `${field} in (${quoted(batch)})`, limit: BATCH };
      this.calls.reads++;
      try {
        const page = this.api.orders().get({ queryArgs: { ...queryArgs, expand: ORDER_EXPAND } });
        found.push(...(await page.execute()).body.results);
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
    this.calls.writes++;
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
    this.calls.reads++;
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

  async getPayments(ids: string[]): Promise<Payment[]> {
    const found: Payment[] = [];
    for (const batch of chunks([...new Set(ids)].filter(Boolean), BATCH)) {
      this.calls.reads++;
      try {
        const queryArgs = { where: `id in (${quoted(batch)})`, limit: BATCH };
        found.push(...(await this.api.payments().get({ queryArgs }).execute()).body.results);
      } catch (error) {
        throw toCtError(error, 'payment query by id');
      }
    }

    return found;
  }

  async addTransactions(payment: Payment, transactions: TransactionDraft[]): Promise<Payment> {
    this.calls.writes++;
    const actions = transactions.map((transaction) => ({
      action: 'addTransaction' as const,
      transaction,
    }));
    try {
      const res = await this.api
        .payments()
        .withId({ ID: payment.id })
        .post({ body: { version: payment.version, actions } })
        .execute();

      return res.body;
    } catch (error) {
      if (isCtConflict(error)) throw new VersionConflictError('payment', payment.id);
      throw toCtError(error, `update of payment ${payment.id}`);
    }
  }
}
