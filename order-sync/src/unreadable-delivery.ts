import type { Response } from 'express';
import {
  describeError,
  type FailureQueue,
  type Logger,
  ORDER_SYNC_FLOW,
  statusFor,
  type UnreadableDelivery,
} from 'shared';

export interface UnreadableDeps {
  logger: Logger;
  /** Where the order of an unreadable delivery is recorded, when its id can be read. */
  failures?: Pick<FailureQueue, 'record'>;
}

/**
 * Answers a body that can never become a delivery (too large, not JSON, not an envelope):
 * 202, so Pub/Sub does not redeliver it for 7 days; one log line with the reason, size and ids,
 * never the body; and, when the order id can be read, a failure record for the order, so an
 * operator sees it and can replay it (a replay reads the order from commercetools afresh).
 * Only a retryable failure to record it answers 503: the redelivery then has a chance.
 */
export async function answerUnreadable(
  res: Response,
  unreadable: UnreadableDelivery & { bytes: number },
  deps: UnreadableDeps,
): Promise<void> {
  const { reason, message, field, orderId, messageId, bytes } = unreadable;
  let recorded = false;
  if (orderId && deps.failures) {
    try {
      await deps.failures.record({
        flow: ORDER_SYNC_FLOW,
        reasonCode: reason,
        message: `a message for this order could not be read (${message}); replay re-reads the order`,
        ...(field ? { field } : {}),
        retryable: false,
        ref: { type: 'order', id: orderId },
      });
      recorded = true;
    } catch (error) {
      const described = describeError(error);
      if (statusFor(error) === 503) {
        deps.logger.warn(
          { err: described, ctOrderId: orderId },
          'failure record not written; asking for redelivery',
        );
        res.status(503).json({ outcome: 'retry', reason: described.code });

        return;
      }
      deps.logger.error({ err: described, ctOrderId: orderId }, 'failure record not written');
    }
  }
  deps.logger.warn(
    { reasonCode: reason, field, bytes, ctOrderId: orderId, messageId, failureRecorded: recorded },
    'unreadable delivery acknowledged',
  );
  res.status(202).json({
    outcome: 'rejected',
    reason,
    message,
    ...(orderId ? { orderId, failureRecorded: recorded } : {}),
  });
}
