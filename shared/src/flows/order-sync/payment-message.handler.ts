import type { CtNotification } from '../../events/envelope';
import { PAYMENT_MESSAGE_TYPES } from '../../lifecycle/subscription';
import { addContextFields } from '../../logging/context';
import type { OrderMessageHandler } from './order-message.handler';
import type { OrderSyncDeps, SyncResult } from './order-sync.deps';
import { syncRefunds } from './refund-order.use-case';
import { singleFlight } from './single-flight';

function isPaymentMessage(notification: CtNotification): boolean {
  const type = notification.type ?? notification.notificationType;

  return (
    notification.resource.typeId === 'payment' &&
    (PAYMENT_MESSAGE_TYPES as readonly string[]).includes(type)
  );
}

/**
 * Adds payment messages to the order handler: a transaction added to (or changing state on) an
 * order's payment brings the order's successful refunds to Linnworks (`syncRefunds`). Concurrent
 * deliveries for one order share one run; every other message goes to the order handler.
 */
export function withPaymentMessages(
  deps: OrderSyncDeps,
  orders: OrderMessageHandler,
): OrderMessageHandler {
  const shared = singleFlight<SyncResult>();

  return async (notification) => {
    if (!isPaymentMessage(notification)) return orders(notification);
    const paymentId = notification.resource.id;
    const orderId = await deps.ct.findOrderIdByPayment(paymentId);
    addContextFields({ paymentId, ...(orderId ? { ctOrderId: orderId } : {}) });
    if (!orderId) {
      deps.logger.debug({ paymentId }, 'payment of no order; acknowledged');
      return 'ignored';
    }
    const result = await shared(orderId, () => syncRefunds(deps, orderId));
    deps.logger.info(
      { outcome: result.outcome, action: result.action, reasonCode: result.reasonCode },
      'payment message handled',
    );

    return result.outcome;
  };
}
