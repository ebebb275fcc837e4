import express, { type Express } from 'express';
import {
  correlationMiddleware,
  type CtNotification,
  describeError,
  errorMiddleware,
  type Logger,
  parseDelivery,
  RetryableUpstreamError,
  statusFor,
  ValidationError,
} from 'shared';

/** What handling one message came to; decides the acknowledgement. */
export type MessageOutcome = 'processed' | 'skipped' | 'ignored' | 'rejected';

export interface OrderSyncDeps {
  logger: Logger;
  /** Handles one commercetools message. Throws a retryable error to have it redelivered. */
  handleMessage: (
    notification: CtNotification,
    messageId: string | undefined,
  ) => Promise<MessageOutcome>;
  /**
   * Answer 503 (redelivery) if handling takes longer than this; Pub/Sub waits 10 s for the
   * answer. The work in progress finishes on its own and is idempotent. Default 8,000 ms.
   */
  deadlineMs?: number;
}

/** Runs the handler but gives up waiting at the deadline with a retryable error. */
function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new RetryableUpstreamError('DEADLINE_EXCEEDED', `not handled within ${ms} ms`)),
      ms,
    );
  });
  work.catch(() => undefined);

  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function isSubscriptionTest(notification: CtNotification): boolean {
  return (
    notification.notificationType === 'ResourceCreated' &&
    notification.resource.typeId === 'subscription'
  );
}

/**
 * The event app. Acknowledgement policy: 2xx for processed, skipped, ignored and permanently
 * rejected messages (rejections are recorded by the handler); 503 for retryable failures so
 * Pub/Sub redelivers; never another 4xx, which would only make Pub/Sub redeliver a message
 * that can never succeed.
 */
export function createApp(deps: OrderSyncDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlationMiddleware('order-sync'));
  app.use(express.json({ limit: '5mb' }));

  app.post('/event', async (req, res) => {
    let delivery;
    try {
      delivery = parseDelivery(req.body);
    } catch (error) {
      // A malformed envelope can never succeed: acknowledge it so it is not redelivered forever.
      const described = describeError(error);
      deps.logger.warn({ err: described }, 'malformed delivery acknowledged and dropped');
      res
        .status(202)
        .json({ outcome: 'rejected', reason: described.code, message: described.message });

      return;
    }
    const { notification, messageId } = delivery;
    if (isSubscriptionTest(notification)) {
      deps.logger.info('subscription test notification acknowledged');
      res.status(202).json({ outcome: 'ignored' });

      return;
    }
    try {
      const outcome = await withinDeadline(
        deps.handleMessage(notification, messageId),
        deps.deadlineMs ?? 8_000,
      );
      res.status(outcome === 'processed' ? 200 : 202).json({ outcome });
    } catch (error) {
      const status = statusFor(error);
      const described = describeError(error);
      if (status === 503) {
        deps.logger.warn({ err: described }, 'retryable failure; asking for redelivery');
        res.status(503).json({ outcome: 'retry', reason: described.code });

        return;
      }
      // Permanent failures the handler did not turn into a rejection still must not loop.
      deps.logger.error(
        { err: described },
        'unexpected failure; acknowledged to avoid a redelivery loop',
      );
      res.status(202).json({
        outcome: 'rejected',
        reason: error instanceof ValidationError ? described.code : 'INTERNAL',
      });
    }
  });

  app.get('/event/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(errorMiddleware(deps.logger));

  return app;
}
