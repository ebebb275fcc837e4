import type { Order } from '@commercetools/platform-sdk';

/** What the pump remembers of an order to tell what changed. */
export interface SeenOrder {
  version: number;
  orderState: string;
  paymentState: string | undefined;
  sequenceNumber: number;
}

/** A commercetools message payload, as a Subscription with `messages` would deliver it. */
export interface OrderMessage {
  notificationType: 'Message';
  projectKey: string;
  id: string;
  version: 1;
  sequenceNumber: number;
  resource: { typeId: 'order'; id: string };
  resourceVersion: number;
  resourceUserProvidedIdentifiers: { orderNumber?: string };
  type: 'OrderCreated' | 'OrderStateChanged' | 'OrderPaymentStateChanged';
  createdAt: string;
  lastModifiedAt: string;
  [field: string]: unknown;
}

/**
 * The messages commercetools would emit for an order seen in this state, given what was seen
 * before: OrderCreated for a new order, OrderStateChanged / OrderPaymentStateChanged for those
 * changes. Other changes (sync info, deliveries...) emit types order-sync does not handle, so
 * the pump leaves them out. Pure; message ids come from `newId`.
 */
export function messagesForOrder(
  order: Order,
  previous: SeenOrder | undefined,
  projectKey: string,
  newId: () => string,
): { messages: OrderMessage[]; seen: SeenOrder } {
  let sequenceNumber = previous?.sequenceNumber ?? 0;
  const at = order.lastModifiedAt;
  const base = (type: OrderMessage['type'], extra: Record<string, unknown>): OrderMessage => {
    sequenceNumber += 1;

    return {
      notificationType: 'Message',
      projectKey,
      id: newId(),
      version: 1,
      sequenceNumber,
      resource: { typeId: 'order', id: order.id },
      resourceVersion: order.version,
      resourceUserProvidedIdentifiers: order.orderNumber ? { orderNumber: order.orderNumber } : {},
      type,
      createdAt: at,
      lastModifiedAt: at,
      ...extra,
    };
  };
  const messages: OrderMessage[] = [];
  if (previous && order.version <= previous.version) return { messages, seen: previous };
  if (!previous) {
    messages.push(base('OrderCreated', { order }));
  } else {
    if (order.orderState !== previous.orderState) {
      messages.push(
        base('OrderStateChanged', {
          orderState: order.orderState,
          oldOrderState: previous.orderState,
        }),
      );
    }
    if (order.paymentState !== previous.paymentState) {
      messages.push(
        base('OrderPaymentStateChanged', {
          paymentState: order.paymentState,
          ...(previous.paymentState ? { oldPaymentState: previous.paymentState } : {}),
        }),
      );
    }
  }

  return {
    messages,
    seen: {
      version: order.version,
      orderState: order.orderState,
      paymentState: order.paymentState,
      sequenceNumber,
    },
  };
}

/** How deliveries reach order-sync: at least once, maybe more, maybe out of order. */
export interface DeliveryOptions {
  /** Extra copies of every message (0 = exactly once). */
  duplicates?: number;
  /** Shuffle the batch, so later messages may arrive first. */
  shuffle?: boolean;
}

/** The order in which a batch of messages is delivered, copies included. Pure given `random`. */
export function deliveryPlan<T>(
  messages: T[],
  options: DeliveryOptions,
  random: () => number,
): T[] {
  const copies = Math.max(0, Math.floor(options.duplicates ?? 0));
  const plan = messages.flatMap((m) => Array.from({ length: copies + 1 }, () => m));
  if (options.shuffle) {
    for (let i = plan.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [plan[i], plan[j]] = [plan[j] as T, plan[i] as T];
    }
  }

  return plan;
}
