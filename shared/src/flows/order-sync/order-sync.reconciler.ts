import type { Order, TypedMoney } from '@commercetools/platform-sdk';

import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import { DEFAULT_LINE_CANCELLED_STATE } from '../fulfillment-sync/line-cancelled-state.contract';
import { linnworksReferenceFor } from './ct-order.mapper';
import { allUnitsCancelled, orderAsSent } from './line-cancellation';
import { EXTENDED_PROPERTY_CT_ORDER_ID, extendedPropertyOf } from './linnworks-order.contract';
import type { OrderSyncSettings } from './order-sync.settings';

/**
 * What reconciliation needs to know of order-sync: which Linnworks order a commercetools order
 * became, and what total it should carry there. sync-admin's reconciliation reads orders of both
 * systems and compares them; only the flow knows how the two are linked.
 */
export interface OrderSyncReconciler {
  /** The Linnworks ReferenceNum order-sync sends for a commercetools order. */
  referenceOf(order: Pick<Order, 'id' | 'orderNumber'>): string;
  /**
   * Whether a Linnworks order found by reference is this commercetools order's. The connector's
   * `ct_order_id` extended property decides when present (an order of another commercetools
   * order that shares the reference, e.g. another store's numbering, is not this one's); orders
   * without it (created by hand or by an older connector) count when their ReferenceNum is the
   * reference.
   */
  isLinnworksOrderOf(lw: LinnworksOrderDetails, ct: { id: string; reference: string }): boolean;
  /**
   * The gross total the Linnworks order should carry: the order's (`taxedPrice.totalGross`, else
   * `totalPrice`) less the units sitting in a cancelled line-item state, cancelled in
   * commercetools (`ORDER_CANCELLED_LINE_STATE`) or in Linnworks
   * (`FULFILLMENT_LINE_CANCELLED_STATE`): either way they left the Linnworks order while the
   * commercetools totals kept them. Needs the line-item states expanded.
   */
  totalAsSent(order: Order): TypedMoney;
  /**
   * Whether every unit of the order sits in a cancelled line-item state: if so before its first
   * export, order-sync creates no Linnworks order for it (its state record says
   * `notSent: all-units-cancelled`), so none is missing. Needs the line-item states expanded.
   */
  nothingToSend(order: Order): boolean;
}

/** The reconciler for the flow's settings (the cancelled line-item states it knows). */
export function orderSyncReconcilerFor(
  settings: Pick<OrderSyncSettings, 'cancelledLineState' | 'linnworksCancelledLineState'>,
): OrderSyncReconciler {
  return {
    referenceOf: linnworksReferenceFor,
    isLinnworksOrderOf(lw, ct) {
      const ctOrderId = extendedPropertyOf(lw, EXTENDED_PROPERTY_CT_ORDER_ID);
      if (ctOrderId) return ctOrderId === ct.id;

      return lw.GeneralInfo.ReferenceNum === ct.reference;
    },
    totalAsSent(order) {
      const sent = orderAsSent(order, settings);

      return sent.taxedPrice?.totalGross ?? sent.totalPrice;
    },
    nothingToSend(order) {
      return allUnitsCancelled(order, orderAsSent(order, settings));
    },
  };
}

/** With the default settings: only fulfillment-sync's default cancelled line-item state. */
export const orderSyncReconciler: OrderSyncReconciler = orderSyncReconcilerFor({
  linnworksCancelledLineState: DEFAULT_LINE_CANCELLED_STATE,
});
