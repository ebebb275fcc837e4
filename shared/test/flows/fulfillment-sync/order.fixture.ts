import type { LineItem, Order } from '@commercetools/platform-sdk';

/** A minimal commercetools order for mapper tests: line items by SKU and quantity. */
export function ctOrder(
  lines: Array<{ id: string; sku: string; quantity: number }>,
  extra: Partial<Order> = {},
): Order {
  const lineItems = lines.map(
    (l) =>
      ({
        id: l.id,
        quantity: l.quantity,
        variant: { id: 1, sku: l.sku },
        state: [{ quantity: l.quantity, state: { typeId: 'state', id: 'initial-state' } }],
      }) as unknown as LineItem,
  );

  return {
    id: 'ct-order-1',
    version: 1,
    orderState: 'Open',
    lineItems,
    customLineItems: [],
    shippingInfo: { deliveries: [] },
    ...extra,
  } as unknown as Order;
}
