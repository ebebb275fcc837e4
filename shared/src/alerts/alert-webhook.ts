import { createHmac } from 'node:crypto';

import { RetryableUpstreamError, PermanentUpstreamError } from '../errors/errors';
import { parseRetryAfter } from '../errors/retry-after';
import { retry, type RetryOptions } from '../errors/retry';
import { formatAlert } from './alert-formats';
import type { AlertSettings } from './alert.settings';
import type { Alert } from './alert.types';

export const SIGNATURE_HEADER = 'X-Connector-Signature';

/** `sha256=<hex>` of the exact body bytes under the secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Delivers one alert; throws once retries are used up. */
export type AlertDelivery = (alert: Alert) => Promise<void>;

export interface WebhookOptions {
  timeoutMs?: number;
  retry?: Partial<Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep'>>;
  fetch?: typeof fetch;
}

const MAX_RETRY_AFTER_MS = 30_000;

async function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; fetch: typeof fetch },
): Promise<void> {
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new RetryableUpstreamError('ALERT_WEBHOOK_UNREACHABLE', 'alert webhook not reached', {
      upstream: 'alert-webhook',
      cause: error instanceof Error ? error.name : 'unknown',
    });
  }
  await response.text().catch(() => '');
  if (response.ok) return;
  const details = { upstream: 'alert-webhook', status: response.status };
  if (response.status === 429 || response.status >= 500 || response.status === 408) {
    const after = parseRetryAfter(response.headers.get('retry-after') ?? undefined);
    throw new RetryableUpstreamError(
      'ALERT_WEBHOOK_FAILED',
      `webhook answered ${response.status}`,
      details,
      {
        ...(after !== undefined ? { retryAfterMs: Math.min(after, MAX_RETRY_AFTER_MS) } : {}),
      },
    );
  }
  throw new PermanentUpstreamError(
    'ALERT_WEBHOOK_REFUSED',
    `webhook answered ${response.status}`,
    details,
  );
}

/**
 * POSTs alerts to the webhook in its format, signed when a secret is set; retries timeouts,
 * network failures, 429 (respecting Retry-After, capped) and 5xx with backoff.
 */
export function webhookDelivery(
  settings: AlertSettings,
  options: WebhookOptions = {},
): AlertDelivery {
  return async (alert) => {
    if (!settings.webhookUrl) return;
    const url = settings.webhookUrl;
    const body = JSON.stringify(formatAlert(alert, settings.format));
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'ct-linnworks-connector-alerts',
      ...(settings.secret ? { [SIGNATURE_HEADER]: signBody(body, settings.secret) } : {}),
    };
    const send = { timeoutMs: options.timeoutMs ?? 5_000, fetch: options.fetch ?? fetch };
    await retry(() => postOnce(url, body, headers, send), {
      maxAttempts: 4,
      baseDelayMs: 1_000,
      maxDelayMs: 8_000,
      ...options.retry,
    });
  };
}
