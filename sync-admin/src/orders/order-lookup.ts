import {
  type CtApi,
  isCtNotFound,
  ORDER_STATE_CONTAINER,
  type OrderState,
  type StateStore,
  toCtError,
} from 'shared';

/** Finds a commercetools order id by order number: commercetools first, then the connector's records. */
export type OrderIdLookup = (orderNumber: string) => Promise<string | undefined>;

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function orderIdLookup(ct: CtApi, store: StateStore): OrderIdLookup {
  return async (orderNumber) => {
    try {
      const res = await ct.orders().withOrderNumber({ orderNumber }).get().execute();

      return res.body.id;
    } catch (error) {
      if (!isCtNotFound(error)) throw toCtError(error, `read of order number ${orderNumber}`);
    }
    // Deleted in commercetools, still known to the connector.
    const page = await store.query<OrderState>(ORDER_STATE_CONTAINER, {
      where: `value(orderNumber=${quote(orderNumber)})`,
      limit: 1,
    });

    return page.results[0]?.value.ctOrderId;
  };
}
