import type { CtNotification } from '../../events/envelope';
import { ORDER_EDIT_MESSAGE_TYPES, ORDER_MESSAGE_TYPES } from '../../lifecycle/subscription';
import { addContextFields } from '../../logging/context';
import type { OrderSyncDeps, SyncResult } from './order-sync.deps';
import { singleFlight } from './single-flight';
import { syncOrder } from './sync-order.use-case';

/** Order messages that make order-sync look at an order again; every other type is ignored. */
export const HANDLED_ORDER_MESSAGES = ORDER_MESSAGE_TYPES;

function isEdit(type: string): boolean {
  return (ORDER_EDIT_MESSAGE_TYPES as readonly string[]).includes(type);
}

export type OrderMessageOutcome = SyncResult['outcome'];

/** Handles one commercetools message: what order-sync's event app calls per delivery. */
export type OrderMessageHandler = (notification: CtNotification) => Promise<OrderMessageOutcome>;

/**
 * Turns commercetools messages into `syncOrder` runs. Concurrent deliveries for the same order
 * in this process share one run (single flight); across processes, the order-state record,
 * the lookup by reference and Linnworks' own uniqueness keep it to one Linnworks order.
 */
export function createOrderMessageHandler(deps: OrderSyncDeps): OrderMessageHandler {
  const shared = singleFlight<SyncResult>();

  return async (notification) => {
    const type = notification.type ?? notification.notificationType;
    if (
      notification.resource.typeId !== 'order' ||
      !(HANDLED_ORDER_MESSAGES as readonly string[]).includes(type)
    ) {
      deps.logger.debug({ type }, 'message type not handled; acknowledged');

      return 'ignored';
    }
    const orderId = notification.resource.id;
    addContextFields({ ctOrderId: orderId, messageType: type });
    // An edit message also brings the order's changes to Linnworks: it shares runs only with edits.
    const edits = isEdit(type);
    const key = `${orderId}${edits ? ':edits' : ''}`;
    const options = edits ? { edits: 'if-new-version' as const } : {};
    const result = await shared(key, () => syncOrder(deps, orderId, options));
    deps.logger.info(
      { outcome: result.outcome, action: result.action, reasonCode: result.reasonCode },
      'order message handled',
    );

    return result.outcome;
  };
}
