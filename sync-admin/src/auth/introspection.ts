/** What `POST {authUrl}/oauth/introspect` answers (commercetools token introspection). */
export interface TokenInfo {
  active: boolean;
  scope: string;
  exp: number;
  client_id: string;
}

/** The SDK's `Oauth2Service` contract (DefaultOauth2Service implements it). */
export interface IntrospectionService {
  introspectToken(opts: {
    url: string;
    clientId: string;
    clientSecret: string;
    token: string;
  }): Promise<TokenInfo>;
}

/** The introspection call itself failed (timeout, auth server down, our credentials refused). */
export class IntrospectionUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`token introspection unavailable: ${reason}`);
    this.name = 'IntrospectionUnavailableError';
  }
}

function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error && 'code' in error) return String(error.code);

  return error instanceof Error ? error.name : 'error';
}

/**
 * Wraps an introspection service: bounds each call in time (the SDK's DefaultOauth2Service uses
 * `fetch` without a timeout), turns any failure of the call into IntrospectionUnavailableError,
 * and treats an active token whose `exp` has passed as inactive.
 */
export function timedIntrospection(
  inner: IntrospectionService,
  timeoutMs: number,
  now: () => Date = () => new Date(),
): IntrospectionService {
  return {
    async introspectToken(opts) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new IntrospectionUnavailableError('timeout')), timeoutMs);
      });
      try {
        const info = await Promise.race([inner.introspectToken(opts), timeout]);
        if (typeof info !== 'object' || info === null || typeof info.active !== 'boolean') {
          throw new IntrospectionUnavailableError('unexpected-response');
        }
        const expired = typeof info.exp === 'number' && info.exp * 1000 <= now().getTime();

        return expired ? { ...info, active: false } : info;
      } catch (error) {
        if (error instanceof IntrospectionUnavailableError) throw error;
        throw new IntrospectionUnavailableError(reasonOf(error));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
