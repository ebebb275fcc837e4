import { ConnectorError, PermanentUpstreamError, RetryableUpstreamError } from '../errors/errors';

interface SdkErrorShape {
  statusCode?: number;
  status?: number;
  message?: string;
  body?: {
    message?: string;
    errors?: Array<{ code?: string; message?: string; currentVersion?: number }>;
  };
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

export function ctStatus(error: unknown): number | undefined {
  const { statusCode, status } = shape(error);

  return statusCode ?? status;
}

export function isCtNotFound(error: unknown): boolean {
  return ctStatus(error) === 404;
}

export function isCtConflict(error: unknown): boolean {
  return ctStatus(error) === 409;
}

/** The first error code commercetools returned (e.g. `ConcurrentModification`, `DuplicateField`). */
export function ctErrorCode(error: unknown): string | undefined {
  return shape(error).body?.errors?.[0]?.code;
}

/**
 * Classifies an SDK failure: network failures, timeouts, 409 (after local retries), 429 and 5xx
 * are retryable; other 4xx are permanent and carry commercetools' message.
 */
export function toCtError(error: unknown, what: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const status = ctStatus(error);
  const upstreamMessage = shape(error).body?.message ?? shape(error).message ?? 'no message';
  const details = { upstream: 'commercetools', status, ctCode: ctErrorCode(error) };
  const message = `commercetools ${what} failed (${status ?? 'network'}): ${upstreamMessage}`;
  if (
    status === undefined ||
    status === 0 ||
    status === 408 ||
    status === 409 ||
    status === 429 ||
    status >= 500
  ) {
    return new RetryableUpstreamError('COMMERCETOOLS_UNAVAILABLE', message, details, {
      cause: error,
    });
  }

  return new PermanentUpstreamError('COMMERCETOOLS_REJECTED', message, details, { cause: error });
}

/** The body of one commercetools read, or undefined when the resource does not exist (404). */
export async function ctFind<T>(
  what: string,
  read: () => Promise<{ body: T }>,
): Promise<T | undefined> {
  try {
    return (await read()).body;
  } catch (error) {
    if (isCtNotFound(error)) return undefined;
    throw toCtError(error, what);
  }
}
