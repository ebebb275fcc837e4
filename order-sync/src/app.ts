import express, { type Express, type Response } from 'express';
import {
  correlationMiddleware,
  type CtNotification,
  type Delivery,
  describeError,
  errorMiddleware,
  type Logger,
  readDelivery,
  RetryableUpstreamError,
  statusFor,
  ValidationError,
} from 'shared';

import { DELIVERY_BODY_LIMIT_BYTES, readDeliveryBody } from './delivery-body';
import { answerUnreadable, type UnreadableDeps } from './unreadable-delivery';

/** What handling one message came to; decides the acknowledgement. */
export type MessageOutcome = 'processed' | 'skipped' | 'ignored' | 'rejected';

export interface OrderSyncAppDeps extends UnreadableDeps {
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
  /** Bodies up to this size are parsed; larger ones are acknowledged unread. Default 5 MB. */
  bodyLimitBytes?: number;
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

/** Hands one readable delivery to the handler and answers as the acknowledgement policy says. */
async function answerDelivery(res: Response, delivery: Delivery, deps: OrderSyncAppDeps) {
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
    const described = describeError(error);
    if (statusFor(error) === 503) {
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
}

/**
 * The event app. Acknowledgement policy: 2xx for processed, skipped, ignored and permanently
 * rejected messages (rejections are recorded by the handler) and for bodies that can never be
 * read (too large, not JSON, not an envelope: acknowledged, logged, their order recorded when
 * its id can be read); 503 for retryable failures so Pub/Sub redelivers; never another 4xx,
 * which would only make Pub/Sub redeliver a message that can never succeed.
 */
export function createApp(deps: OrderSyncAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(correlationMiddleware('order-sync'));

  app.post('/event', async (req, res) => {
    const limit = deps.bodyLimitBytes ?? DELIVERY_BODY_LIMIT_BYTES;
    const body = await readDeliveryBody(req, limit);
    if ('tooLarge' in body) {
      const message = `the body is ${body.tooLarge.bytes} bytes, over the ${limit}-byte limit`;
      await answerUnreadable(res, { reason: 'BODY_TOO_LARGE', message, ...body.tooLarge }, deps);

      return;
    }
    const read = readDelivery(body.complete);
    if ('unreadable' in read) {
      await answerUnreadable(res, { ...read.unreadable, bytes: body.complete.length }, deps);

      return;
    }
    await answerDelivery(res, read.delivery, deps);
  });

  app.get('/event/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(errorMiddleware(deps.logger));

  return app;
}
