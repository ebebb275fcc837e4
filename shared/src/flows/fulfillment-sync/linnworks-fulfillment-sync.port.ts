import type { LinnworksApi } from '../../linnworks/linnworks-api.port';

/**
 * What fulfillment-sync needs from Linnworks: the slice of the kernel's `LinnworksApi` it calls.
 * The adapter is the kernel's one Linnworks client, `LinnworksClient`.
 */
export type LinnworksFulfillmentSyncPort = Pick<
  LinnworksApi,
  | 'getOrderPrintFlags'
  | 'getOrdersById'
  | 'getPackageSplit'
  | 'getRefundHeadersByOrderId'
  | 'getRefundLinesByHeaderId'
  | 'getReturnsExchanges'
  | 'searchProcessedOrders'
  | 'searchReturnsRefunds'
>;
