import type { Order } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctErrorCode, ctFind, isCtNotFound, toCtError } from '../../commercetools/ct-errors';
import { ensureChannel } from '../../lifecycle/resources';
import { LINNWORKS_CHANNEL_KEY } from '../../state/connector-names';
import {
  type CtOrderSyncPort,
  hasLinnworksSyncInfo,
  type OrdersModifiedQuery,
} from './ct-order-sync.port';

/** Key of the channel whose sync info records the Linnworks order id on each order. */
export { LINNWORKS_CHANNEL_KEY };

/**
 * Creates the Linnworks channel if it is missing: order-sync's post-deploy does it, and the
 * adapter does it lazily when it first records a Linnworks order id on a project without it.
 * `key`: the deployment's channel (`linnworksChannelKey(instanceKey)`).
 */
export function ensureLinnworksChannel(api: CtApi, key = LINNWORKS_CHANNEL_KEY): Promise<string> {
  return ensureChannel(api, {
    key,
    roles: ['OrderExport'],
    name: key === LINNWORKS_CHANNEL_KEY ? 'Linnworks' : `Linnworks (${key})`,
  });
}

/** Payments (method, transactions), shipping method, and line-item states (cancelled units). */
const EXPAND = [
  'paymentInfo.payments[*]',
  'shippingInfo.shippingMethod',
  'lineItems[*].state[*].state',
];

/** `CtOrderSyncPort` over the commercetools SDK. Ensures the Linnworks channel lazily if it is missing. */
export class CtOrderSyncAdapter implements CtOrderSyncPort {
  private channelEnsured = false;

  constructor(
    private readonly api: CtApi,
    /** The deployment's channel (`linnworksChannelKey`); default: today's `linnworks`. */
    private readonly channelKey = LINNWORKS_CHANNEL_KEY,
  ) {}

  async getOrder(orderId: string): Promise<Order | undefined> {
    try {
      const res = await this.api
        .orders()
        .withId({ ID: orderId })
        .get({ queryArgs: { expand: EXPAND } })
        .execute();

      return res.body;
    } catch (error) {
      if (isCtNotFound(error)) return undefined;
      throw toCtError(error, `read of order ${orderId}`);
    }
  }

  async findOrdersModified({ from, to, after, limit }: OrdersModifiedQuery): Promise<Order[]> {
    const q = (s: string) => JSON.stringify(s);
    const where = [`lastModifiedAt >= ${q(from)} and lastModifiedAt < ${q(to)}`];
    if (after) {
      const at = q(after.lastModifiedAt);
      where.push(`(lastModifiedAt > ${at} or (lastModifiedAt = ${at} and id > ${q(after.id)}))`);
    }
    try {
      const res = await this.api
        .orders()
        .get({
          queryArgs: {
            where: where.join(' and '),
            sort: ['lastModifiedAt asc', 'id asc'],
            limit,
            withTotal: false,
          },
        })
        .execute();

      return res.body.results;
    } catch (error) {
      throw toCtError(error, 'query of orders modified since the backstop cursor');
    }
  }

  async findOrderIdByPayment(paymentId: string): Promise<string | undefined> {
    const where = `paymentInfo(payments(id = ${JSON.stringify(paymentId)}))`;
    try {
      const res = await this.api
        .orders()
        .get({ queryArgs: { where, limit: 1, withTotal: false } })
        .execute();

      return res.body.results[0]?.id;
    } catch (error) {
      throw toCtError(error, `query of the order of payment ${paymentId}`);
    }
  }

  async linnworksChannelId(): Promise<string | undefined> {
    const channel = await ctFind(`read of channel ${this.channelKey}`, () =>
      this.api.channels().withKey({ key: this.channelKey }).get().execute(),
    );

    return channel?.id;
  }

  async recordLinnworksOrderId(order: Order, linnworksOrderId: string): Promise<void> {
    let version = order.version;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.api
          .orders()
          .withId({ ID: order.id })
          .post({
            body: {
              version,
              actions: [
                {
                  action: 'updateSyncInfo',
                  channel: { typeId: 'channel', key: this.channelKey },
                  externalId: linnworksOrderId,
                },
              ],
            },
          })
          .execute();

        return;
      } catch (error) {
        if (attempt >= 3) throw toCtError(error, `updateSyncInfo of order ${order.id}`);
        if (ctErrorCode(error) === 'ReferencedResourceNotFound' && !this.channelEnsured) {
          await ensureLinnworksChannel(this.api, this.channelKey);
          this.channelEnsured = true;
        } else if (ctErrorCode(error) === 'ConcurrentModification') {
          const current = await this.getOrder(order.id);
          if (!current) return;
          if (hasLinnworksSyncInfo(current, linnworksOrderId)) return;
          version = current.version;
        } else {
          throw toCtError(error, `updateSyncInfo of order ${order.id}`);
        }
      }
    }
  }
}
