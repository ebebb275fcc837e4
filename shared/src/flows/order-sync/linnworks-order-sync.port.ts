import type { LinnworksApi } from '../../linnworks/linnworks-api.port';

/**
 * What order-sync needs from Linnworks: the slice of the kernel's `LinnworksApi` it calls. The
 * adapter is the kernel's one Linnworks client, `LinnworksClient`; order-sync's app builds it
 * with short timeouts (the 10 s acknowledgement).
 */
export type LinnworksOrderSyncPort = Pick<
  LinnworksApi,
  | 'actionRefund'
  | 'addOrderItem'
  | 'cancelOrder'
  | 'changeOrderTag'
  | 'changeStatus'
  | 'createOrders'
  | 'createRefund'
  | 'getOrderDetailsByReferenceId'
  | 'getOrdersById'
  | 'getPostalServices'
  | 'getRefundOptions'
  | 'getStockItemIdsBySku'
  | 'removeOrderItem'
  | 'setOrderCustomerInfo'
  | 'setOrderShippingInfo'
  | 'updateOrderItem'
>;
