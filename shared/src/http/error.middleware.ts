import type { NextFunction, Request, Response } from 'express';

import { ConnectorError, describeError } from '../errors/errors';
import { getCorrelationId } from '../logging/context';
import type { Logger } from '../logging/logger';

/** Maps an error to a status: validation 400, retryable 503, everything else 500. */
export function statusFor(error: unknown): number {
  const bodyParserType =
    typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  if (bodyParserType === 'entity.too.large') return 413;
  if (bodyParserType === 'entity.parse.failed') return 400;
  if (error instanceof ConnectorError) {
    if (error.kind === 'validation') return 400;
    if (error.retryable) return 503;
  }

  return 500;
}

/** The last middleware: one log line, and a body that never carries a stack or a secret. */
export function errorMiddleware(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const status = statusFor(error);
    const described = describeError(error);
    if (status >= 500) logger.error({ err: described }, 'request failed');
    else logger.warn({ err: described }, 'request rejected');
    const field = error instanceof ConnectorError ? error.details.field : undefined;
    res.status(status).json({
      error: status === 500 ? 'INTERNAL' : described.code,
      message:
        status === 500 ? 'Internal error; see logs with the correlation ID.' : described.message,
      ...(field ? { field } : {}),
      correlationId: getCorrelationId(),
    });
  };
}
