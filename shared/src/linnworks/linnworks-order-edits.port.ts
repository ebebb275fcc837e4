import type {
  LinnworksOrderItem,
  LinnworksOrderTotals,
  LinnworksUpdateOrderItemResult,
  LinnworksUpdateTotalsResult,
} from './linnworks-types';
import type {
  LinnworksLinePricing,
  LinnworksOrderCustomerInfo,
  LinnworksOrderItemChanges,
  LinnworksShippingInfoUpdate,
} from './linnworks-write-types';

/**
 * Edits of an **open** Linnworks order (issue #15). Linnworks recalculates the order's totals
 * after each of them. Every `info` is written whole: what is left out is cleared, so send the
 * order as read from Orders/GetOrdersById with the change applied. None of them is refused for
 * a processed order in any documented way: read `Processed` first and read back after.
 * `fulfilmentCenter` is the order's `FulfilmentLocationId`.
 */
export interface LinnworksOrderEditsApi {
  /** Orders/SetOrderCustomerInfo: delivery and billing address, email, buyer name. Answers the totals. */
  setOrderCustomerInfo(args: {
    orderId: string;
    info: LinnworksOrderCustomerInfo;
    saveToCrm?: boolean;
  }): Promise<LinnworksOrderTotals | null>;

  /** Orders/SetOrderShippingInfo: postal service (by id), postage cost, tracking number. */
  setOrderShippingInfo(args: {
    orderId: string;
    info: LinnworksShippingInfoUpdate;
  }): Promise<LinnworksUpdateTotalsResult | null>;

  /**
   * Orders/AddOrderItem: adds an inventory item (`stockItemId`; an unknown SKU cannot be added)
   * as a new line. The new line has a new `RowId` and no `ItemNumber`: keep the RowId.
   */
  addOrderItem(args: {
    orderId: string;
    stockItemId: string;
    channelSku: string;
    fulfilmentCenter: string;
    quantity: number;
    linePricing: LinnworksLinePricing;
  }): Promise<LinnworksUpdateOrderItemResult>;

  /**
   * Orders/UpdateOrderItem: `item` as read, with `changes` applied; the client sends the whole
   * line and its money figures worked out the Linnworks way (`linnworksLineFigures`).
   */
  updateOrderItem(args: {
    orderId: string;
    fulfilmentCenter: string;
    source: string;
    subSource: string;
    item: LinnworksOrderItem;
    changes: LinnworksOrderItemChanges;
  }): Promise<LinnworksUpdateOrderItemResult>;

  /** Orders/RemoveOrderItem by the line's `RowId`. */
  removeOrderItem(args: {
    orderId: string;
    rowId: string;
    fulfilmentCenter: string;
  }): Promise<LinnworksUpdateOrderItemResult>;
}
