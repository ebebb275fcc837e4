import type { Order } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctErrorCode, isCtNotFound, toCtError } from '../../commercetools/ct-errors';
import { ensureChannel } from '../../lifecycle/resources';

/** Key of the channel whose sync info records the Linnworks order id on each order. */
export const LINNWORKS_CHANNEL_KEY = 'linnworks';

/** What order-sync needs from commercetools (besides the state store): one narrow port. */
export interface OrderSyncCtPort {
  /** The current order with payments and shipping method expanded; undefined when deleted. */
  getOrder(orderId: string): Promise<Order | undefined>;
  /** Records the Linnworks order id as the order's sync info on the Linnworks channel. */
  recordLinnworksOrderId(order: Order, linnworksOrderId: string): Promise<void>;
}

const EXPAND = ['paymentInfo.payments[*]', 'shippingInfo.shippingMethod'];

/** The port over the commercetools SDK. Ensures the Linnworks channel lazily if it is missing. */
export class OrderSyncCtGateway implements OrderSyncCtPort {
  private channelEnsured = false;

  constructor(private readonly api: CtApi) {}

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
                  channel: { typeId: 'channel', key: LINNWORKS_CHANNEL_KEY },
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
          await ensureChannel(this.api, {
            key: LINNWORKS_CHANNEL_KEY,
            roles: ['OrderExport'],
            name: 'Linnworks',
          });
          this.channelEnsured = true;
        } else if (ctErrorCode(error) === 'ConcurrentModification') {
          const current = await this.getOrder(order.id);
          if (!current) return;
          if (current.syncInfo.some((s) => s.externalId === linnworksOrderId)) return;
          version = current.version;
        } else {
          throw toCtError(error, `updateSyncInfo of order ${order.id}`);
        }
      }
    }
  }
}

/** Whether the order already carries this Linnworks order id in its sync info. */
export function hasLinnworksSyncInfo(order: Order, linnworksOrderId: string): boolean {
  return order.syncInfo.some((s) => s.externalId === linnworksOrderId);
}
