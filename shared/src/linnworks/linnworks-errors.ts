import { isAxiosError } from 'axios';

import {
  type ConnectorError,
  PermanentUpstreamError,
  RetryableUpstreamError,
} from '../errors/errors';
import { parseRetryAfter } from '../errors/retry-after';

const UPSTREAM = 'linnworks';
const QUOTA_TEXT = /API calls quota exceeded/i;
const MAX_MESSAGE_LENGTH = 500;

/** A non-2xx answer from Linnworks, before classification. */
export interface LinnworksHttpFailure {
  endpoint: string;
  status: number;
  /** Parsed body: `{"Message": "…"}` on most errors, sometimes text or nothing. */
  body: unknown;
  retryAfter: string | undefined;
}

/** Linnworks' error text: `Message` of the JSON body, else the text body (shortened). */
export function linnworksMessage(body: unknown): string {
  let text = '';
  if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object') {
    const entry = Object.entries(body).find(([key]) => key.toLowerCase() === 'message');
    if (typeof entry?.[1] === 'string') text = entry[1];
  }

  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

export interface ClassifyOptions {
  /** Wait after a 429 without `Retry-After` (Linnworks counts calls per minute). */
  rateLimitFallbackMs: number;
}

/**
 * Maps a Linnworks error response to the connector's taxonomy. The quota text is matched
 * on any status, since Linnworks has sent it on non-429 statuses too (reference §7).
 */
export function classifyHttpFailure(
  failure: LinnworksHttpFailure,
  options: ClassifyOptions,
): ConnectorError {
  const { endpoint, status } = failure;
  const message = linnworksMessage(failure.body);
  const details = { upstream: UPSTREAM, status, endpoint, linnworksMessage: message };
  const described = message ? `: ${message}` : '';
  if (status === 429 || QUOTA_TEXT.test(message)) {
    const retryAfterMs = parseRetryAfter(failure.retryAfter) ?? options.rateLimitFallbackMs;

    return new RetryableUpstreamError(
      'LINNWORKS_RATE_LIMITED',
      `Linnworks ${endpoint} is rate limited (${status})${described}`,
      details,
      { retryAfterMs },
    );
  }
  if (status >= 500 || status === 408 || status === 409) {
    return new RetryableUpstreamError(
      'LINNWORKS_UNAVAILABLE',
      `Linnworks ${endpoint} failed (${status})${described}`,
      details,
      { retryAfterMs: parseRetryAfter(failure.retryAfter) },
    );
  }
  const code = status === 401 ? 'LINNWORKS_UNAUTHORIZED' : 'LINNWORKS_REJECTED';

  return new PermanentUpstreamError(
    code,
    `Linnworks ${endpoint} refused the request (${status})${described}`,
    details,
  );
}

/** Maps a failure without a response (timeout, refused or dropped connection). */
export function classifyTransportError(endpoint: string, error: unknown): RetryableUpstreamError {
  const code = isAxiosError(error) ? error.code : undefined;
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED';
  const reason = timedOut ? 'timed out' : `could not be reached (${code ?? 'network error'})`;

  return new RetryableUpstreamError(
    timedOut ? 'LINNWORKS_TIMEOUT' : 'LINNWORKS_NETWORK',
    `Linnworks ${endpoint} ${reason}`,
    { upstream: UPSTREAM, endpoint },
    { cause: error },
  );
}

/** Linnworks answered 2xx with a body we cannot read. */
export function unexpectedResponse(
  endpoint: string,
  problem: string,
  details: Record<string, unknown> = {},
): PermanentUpstreamError {
  return new PermanentUpstreamError(
    'LINNWORKS_UNEXPECTED_RESPONSE',
    `Linnworks ${endpoint} answered in an unexpected shape: ${problem}`,
    { upstream: UPSTREAM, endpoint, ...details },
  );
}

/** One problem of a response parse: where (`Data.0.RefundStatus`) and what. */
export interface ResponseIssue {
  field: string;
  message: string;
}

/** The first few problems of a failed parse, as `field: message` for the error text. */
export function describeResponseIssues(issues: ResponseIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}
