import { isRetryable, RetryableUpstreamError } from './errors';

export interface RetryOptions {
  /** Total attempts including the first; at least 1. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Decides whether an error is worth another attempt; defaults to `error.retryable`. */
  shouldRetry?: (error: unknown) => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Injected in tests to avoid real waiting. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff, capped; an upstream `Retry-After` wins when it is longer. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
  error?: unknown,
): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  const retryAfter = error instanceof RetryableUpstreamError ? error.retryAfterMs : undefined;

  return retryAfter !== undefined ? Math.max(retryAfter, jittered) : jittered;
}

/**
 * Runs `fn` until it succeeds, fails with a non-retryable error, or attempts run out.
 * The last error is rethrown unchanged so its classification survives.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const shouldRetry = options.shouldRetry ?? isRetryable;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.maxAttempts || !shouldRetry(error)) throw error;
      const delayMs = backoffDelay(attempt, options, error);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
