import type { Order } from '@commercetools/platform-sdk';

import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import { linnworksReferenceFor } from './ct-order.mapper';
import { EXTENDED_PROPERTY_CT_ORDER_ID, extendedPropertyOf } from './linnworks-order.contract';

/**
 * What reconciliation needs to know of order-sync: which Linnworks order a commercetools order
 * became. sync-admin's reconciliation reads orders of both systems and compares them; only the
 * flow knows how the two are linked.
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
}

export const orderSyncReconciler: OrderSyncReconciler = {
  referenceOf: linnworksReferenceFor,
  isLinnworksOrderOf(lw, ct) {
    const ctOrderId = extendedPropertyOf(lw, EXTENDED_PROPERTY_CT_ORDER_ID);
    if (ctOrderId) return ctOrderId === ct.id;

    return lw.GeneralInfo.ReferenceNum === ct.reference;
  },
};
