import type {
  LinnworksActionedRefund,
  LinnworksCancellationOptions,
  LinnworksCreatedRefund,
  LinnworksRefundOptions,
  LinnworksValidatedCancellation,
} from './linnworks-types';
import type { LinnworksCancellationInput, LinnworksNewRefundLine } from './linnworks-write-types';

/**
 * Cancellations and refunds written to Linnworks (issue #16). A refusal Linnworks answers in the
 * body (CannotRefundReason, line validation errors, cancellation errors) is thrown as
 * PermanentUpstreamError: `LINNWORKS_REFUND_REFUSED` or `LINNWORKS_CANCEL_REJECTED`, with the
 * reason in `details`.
 */
export interface LinnworksMoneyBackApi {
  /** PostSale/GetCancellationOptions (a GET): what a cancellation of the order may do. */
  getCancellationOptions(args: { orderId: string }): Promise<LinnworksCancellationOptions>;

  /**
   * PostSale/CreateCancellation: cancels the **whole** open order (the request has no lines;
   * cancel part of an order with Orders/UpdateOrderItem and RemoveOrderItem instead).
   */
  createCancellation(
    args: LinnworksCancellationInput,
  ): Promise<LinnworksValidatedCancellation | null>;

  /** ReturnsRefunds/GetRefundOptions: whether the order can be refunded, and every refund line it has. */
  getRefundOptions(args: {
    orderId: string;
    refundHeaderId?: number;
  }): Promise<LinnworksRefundOptions>;

  /**
   * ReturnsRefunds/CreateRefund: books a refund on a processed order, per line (amount, units),
   * shipping, or an order-level `Additional` amount. Not idempotent: Linnworks saves every call;
   * look for the line's `ExternalReference` in `getRefundOptions().AllExistingRefunds` first.
   */
  createRefund(args: {
    orderId: string;
    /** True when the refund was made where the order was sold (commercetools), not in Linnworks. */
    channelInitiated: boolean;
    lines: LinnworksNewRefundLine[];
  }): Promise<LinnworksCreatedRefund>;

  /**
   * ReturnsRefunds/ActionRefund: marks a booked refund actioned (and sends it to the channel
   * where there is one). A booked refund stays in "Actionable Refunds" and out of every refund
   * report until it is actioned. An already actioned refund counts as success.
   */
  actionRefund(args: { orderId: string; refundHeaderId: number }): Promise<LinnworksActionedRefund>;
}
