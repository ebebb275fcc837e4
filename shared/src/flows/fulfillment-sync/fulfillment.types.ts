/**
 * The flow's own view of what Linnworks reports, normalised from `ProcessedOrderWeb`,
 * `OrderDetails` and `SplitPackaging` so mappers never see Linnworks' prefixed names.
 */

/** Identity of one Linnworks order and the references order-sync gave it. */
export interface LwOrderRef {
  lwOrderId: string;
  numOrderId: number;
  reference: string;
  secondaryReference: string;
  externalReference: string;
  source: string;
  subSource: string;
}

/** One shipped line: quantity of a Linnworks order line (row id, SKU, ct line reference if known). */
export interface LwLine {
  rowId: string | null;
  sku: string;
  /** The commercetools line item id order-sync sent with the line, when Linnworks returns it. */
  lineItemRef?: string;
  quantity: number;
}

/** One box (`pkBinId`) of a processed order, with its tracking number and contents. */
export interface LwPackage {
  binId: string;
  trackingNumber: string;
  lines: LwLine[];
}

/** A processed (dispatched) Linnworks order. `packages` is absent for a one-box order. */
export interface LwShipment extends LwOrderRef {
  processedOn: string | null;
  trackingNumber: string;
  vendor: string;
  postalServiceName: string;
  packages?: LwPackage[];
}

/** One Linnworks refund line (`VerifiedRefund`), already filtered to item lines. */
export interface LwRefundLine {
  refundRowId: string;
  refundHeaderId: number;
  isCancellation: boolean;
  quantity: number;
  cancelledQuantity: number;
  line: LwLine;
  actionedDate: string | null;
}

/** Where a Linnworks order lives in commercetools, and what order-sync knows about it. */
export interface OrderLink {
  ctOrderId: string;
  lwOrderId?: string;
  /** Who cancelled the order first; a `commercetools` cancellation is never echoed back. */
  cancellationSource?: 'commercetools' | 'linnworks';
}

/** Why a record could not be applied; becomes a failure-queue entry. */
export interface RecordProblem {
  reasonCode: string;
  message: string;
  field?: string;
  retryable: boolean;
}

/**
 * Money one Linnworks refund row gave back (`VerifiedRefund` of an actioned header, not a
 * cancellation line): item, shipping, service or order-level (`Additional`) amounts alike.
 */
export interface LwRefundMoney {
  refundRowId: string;
  refundHeaderId: number;
  unit: string;
  /** Tax-inclusive decimal in the order currency, as Linnworks holds it. */
  amount: number;
  /** What created it elsewhere: the connector's key on refunds order-sync created. */
  externalReference: string;
  channelInitiated: boolean;
  actionedDate: string | null;
}

/** One Linnworks return row (`ReturnInfo`): goods that came back, or a resend/booking. */
export interface LwReturn {
  returnId: number;
  type: string;
  completed: boolean;
  line: LwLine;
  /** The refund row that paid for it, when one did. */
  refundRowId: string | null;
  returnDate: string | null;
}

/** Everything the refunds feed reads of one order. */
export interface LwRefundRecords {
  lines: LwRefundLine[];
  money: LwRefundMoney[];
  returns: LwReturn[];
}
