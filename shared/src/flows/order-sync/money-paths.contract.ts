/**
 * How each side marks money it moved itself (issue #16), so the other flow never sends it back:
 * order-sync's refunds carry `ct-tx-<transaction id>` as Linnworks `ExternalReference`;
 * fulfillment-sync's payment transactions carry `lw-refund-<RefundRowId>` as `interactionId`.
 * Shared contract: order-sync writes and skips one, fulfillment-sync the other.
 */

export const CT_REFUND_REFERENCE_PREFIX = 'ct-tx-';
export const LW_REFUND_INTERACTION_PREFIX = 'lw-refund-';

/** The Linnworks `ExternalReference` of a refund order-sync creates for a commercetools transaction. */
export function linnworksRefundReferenceFor(transactionId: string): string {
  return `${CT_REFUND_REFERENCE_PREFIX}${transactionId}`;
}

/** The commercetools `interactionId` of the transaction fulfillment-sync adds for a Linnworks refund row. */
export function refundInteractionIdFor(refundRowId: string): string {
  return `${LW_REFUND_INTERACTION_PREFIX}${refundRowId}`;
}

/** Whether a Linnworks refund started in commercetools (order-sync created it). */
export function refundStartedInCommercetools(line: {
  externalReference: string;
  channelInitiated: boolean;
}): boolean {
  return line.channelInitiated || line.externalReference.startsWith(CT_REFUND_REFERENCE_PREFIX);
}

/** Whether a commercetools transaction was written by fulfillment-sync from a Linnworks refund. */
export function transactionStartedInLinnworks(transaction: { interactionId?: string }): boolean {
  return (transaction.interactionId ?? '').startsWith(LW_REFUND_INTERACTION_PREFIX);
}
