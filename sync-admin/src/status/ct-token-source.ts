import { type CtConfig, PermanentUpstreamError, RetryableUpstreamError } from 'shared';

/** The scopes the connector's own API client holds, read from a fresh client-credentials token. */
export type CtScopeSource = () => Promise<{ scope: string }>;

/**
 * Asks `POST {authUrl}/oauth/token` for a client-credentials token and returns only its scope
 * (the token itself never leaves this function). Bounded by `timeoutMs`.
 */
export function ctScopeSource(ct: CtConfig, timeoutMs = 5000): CtScopeSource {
  return async () => {
    const params = new URLSearchParams({ grant_type: 'client_credentials' });
    if (ct.scopes?.length) params.set('scope', ct.scopes.join(' '));
    const basic = Buffer.from(`${ct.clientId}:${ct.clientSecret}`).toString('base64');
    let response: Response;
    try {
      // Parameters in the query string, as commercetools documents (and its test server reads).
      response = await fetch(`${ct.authUrl}/oauth/token?${params.toString()}`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new RetryableUpstreamError('CT_AUTH_UNREACHABLE', 'commercetools auth unreachable', {
        upstream: 'commercetools',
      });
    }
    if (!response.ok) {
      const ErrorClass = response.status >= 500 ? RetryableUpstreamError : PermanentUpstreamError;
      throw new ErrorClass('CT_AUTH_REFUSED', `commercetools auth answered ${response.status}`, {
        upstream: 'commercetools',
        status: response.status,
      });
    }
    const body = (await response.json()) as { scope?: unknown };

    return { scope: typeof body.scope === 'string' ? body.scope : '' };
  };
}

/** Concurrent callers share one token request: a status run asks once, not once per check. */
export function coalesced(source: CtScopeSource): CtScopeSource {
  let pending: Promise<{ scope: string }> | undefined;

  return () =>
    (pending ??= source().finally(() => {
      pending = undefined;
    }));
}
