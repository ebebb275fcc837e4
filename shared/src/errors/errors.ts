/**
 * The connector's error taxonomy. Every failure that crosses a port is one of these, so the
 * caller can decide from `retryable` alone whether trying again can help.
 */
export type ErrorKind = 'validation' | 'permanent-upstream' | 'retryable-upstream' | 'config';

export interface ErrorDetails {
  /** Field or configuration key the error is about, e.g. `lineItems[2].variant.sku`. */
  field?: string;
  /** Upstream system: `commercetools` or `linnworks`. */
  upstream?: string;
  /** HTTP status the upstream answered, if any. */
  status?: number;
  [key: string]: unknown;
}

export abstract class ConnectorError extends Error {
  abstract readonly kind: ErrorKind;
  abstract readonly retryable: boolean;

  constructor(
    /** Stable machine-readable reason, e.g. `SKU_MISSING`, `LINNWORKS_RATE_LIMITED`. */
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input: payload, mapping or data. Retrying the same input fails the same way. */
export class ValidationError extends ConnectorError {
  readonly kind = 'validation' as const;
  readonly retryable = false;
}

/** The upstream refused the request for a reason a retry cannot fix (4xx other than 408/409/429). */
export class PermanentUpstreamError extends ConnectorError {
  readonly kind = 'permanent-upstream' as const;
  readonly retryable = false;
}

/** Timeouts, network failures, 429, 5xx, and 409 once local retries are used up. */
export class RetryableUpstreamError extends ConnectorError {
  readonly kind = 'retryable-upstream' as const;
  readonly retryable = true;

  constructor(
    code: string,
    message: string,
    details: ErrorDetails = {},
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(code, message, details, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** How long the upstream asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;
}

/**
 * A compare-and-set write lost: the resource's version moved since it was read (commercetools
 * answers 409 `ConcurrentModification`). The one error of its kind for every resource the
 * connector writes by version (custom objects, inventory entries, orders): callers that can
 * re-read and try again catch it; one that escapes is retryable, as any 409 once local retries
 * are used up.
 */
export class VersionConflictError extends RetryableUpstreamError {
  constructor(
    /** What changed, e.g. `custom-object`, `inventory-entry`, `order`. */
    readonly resourceType: string,
    /** Its id, or `container/key` for a custom object. */
    readonly resourceId: string,
  ) {
    super('CT_VERSION_CONFLICT', `${resourceType} ${resourceId} changed concurrently`, {
      upstream: 'commercetools',
      status: 409,
    });
  }
}

/** Configuration is missing or invalid; the app must not start. */
export class ConfigError extends ConnectorError {
  readonly kind = 'config' as const;
  readonly retryable = false;

  constructor(readonly problems: string[]) {
    super(
      'CONFIG_INVALID',
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof ConnectorError && error.retryable;
}

/** A short, log-safe description of any thrown value. */
export function describeError(error: unknown): { code: string; message: string; kind?: ErrorKind } {
  if (error instanceof ConnectorError) {
    return { code: error.code, message: error.message, kind: error.kind };
  }
  if (error instanceof Error) return { code: 'UNEXPECTED', message: error.message };

  return { code: 'UNEXPECTED', message: String(error) };
}
