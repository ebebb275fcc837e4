import type { AxiosInstance } from 'axios';

import type { LinnworksConfig } from '../config/common.config';
import { isRetryable } from '../errors/errors';
import { retry, type RetryOptions } from '../errors/retry';
import { getCorrelationId } from '../logging/context';
import type { Logger } from '../logging/logger';
import {
  classifyHttpFailure,
  classifyTransportError,
  unexpectedResponse,
} from './linnworks-errors';
import type { LinnworksCallOptions } from './linnworks-call';
import { lwSessionSchema } from './linnworks-schemas';
import { LinnworksSession, type LinnworksSessionInfo } from './linnworks-session';
import { type RateBudget, RateBudgetSpentError } from './rate-budget';

export const LINNWORKS_CORRELATION_HEADER = 'x-correlation-id';
const AUTH_ENDPOINT = 'Auth/AuthorizeByApplication';

export interface LinnworksTransportOptions {
  config: LinnworksConfig;
  http: AxiosInstance;
  timeoutMs: number;
  budget: RateBudget;
  retry: Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep' | 'random'>;
  rateLimitFallbackMs: number;
  idleRefreshMs?: number;
  now?: () => number;
  logger?: Logger;
}

interface RawResponse {
  status: number;
  body: unknown;
  retryAfter: string | undefined;
}

/** Reads a body the way Linnworks sends them: JSON, empty (write endpoints) or plain text. */
export function parseLinnworksBody(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Parameters of a GET: scalars as they are, objects and lists as JSON (reference §1.3). */
function queryParams(body: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(body ?? {})) {
    if (value === undefined || value === null) continue;
    params[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  return params;
}

/**
 * HTTP transport to Linnworks: session handling (raw token in `Authorization`, one shared
 * re-authorisation on 401, one retry), the per-endpoint rate budget, timeouts, retries of
 * retryable failures, and classification into the shared error taxonomy.
 */
export class LinnworksTransport {
  readonly session: LinnworksSession;

  constructor(private readonly options: LinnworksTransportOptions) {
    this.session = new LinnworksSession({
      authorize: () => this.authorize(),
      idleRefreshMs: options.idleRefreshMs,
      now: options.now,
    });
  }

  /** Calls `<Server>/api/<endpoint>` (JSON body, or query string for GET); returns the parsed 2xx body. */
  call(endpoint: string, body: unknown, options: LinnworksCallOptions = {}): Promise<unknown> {
    return retry(() => this.callWithSession(endpoint, body, options), {
      ...this.options.retry,
      // Nothing was sent, and the caller chose not to wait: retrying now would only fail again.
      shouldRetry: (error) => isRetryable(error) && !(error instanceof RateBudgetSpentError),
      onRetry: ({ attempt, delayMs, error }) =>
        this.options.logger?.warn(
          { endpoint, attempt, delayMs, code: (error as { code?: unknown }).code },
          'Linnworks call failed; retrying',
        ),
    });
  }

  private async callWithSession(
    endpoint: string,
    body: unknown,
    options: LinnworksCallOptions,
  ): Promise<unknown> {
    const session = await this.session.get();
    let response = await this.post(session, endpoint, body, options);
    if (response.status === 401) {
      const fresh = await this.session.reauthorize(session.token);
      response = await this.post(fresh, endpoint, body, options);
    }
    if (response.status >= 200 && response.status < 300) return response.body;
    throw classifyHttpFailure({ endpoint, ...response }, this.options);
  }

  private async post(
    session: LinnworksSessionInfo,
    endpoint: string,
    body: unknown,
    options: LinnworksCallOptions,
  ): Promise<RawResponse> {
    await this.options.budget.acquire(
      endpoint,
      options.maxBudgetWaitMs === undefined ? {} : { maxWaitMs: options.maxBudgetWaitMs },
    );
    const url = `${session.server}/api/${endpoint}`;

    return this.send(url, endpoint, body, { token: session.token, method: options.method });
  }

  private async authorize(): Promise<LinnworksSessionInfo> {
    const { config } = this.options;
    const response = await this.send(`${config.authUrl}/api/${AUTH_ENDPOINT}`, AUTH_ENDPOINT, {
      ApplicationId: config.applicationId,
      ApplicationSecret: config.applicationSecret,
      Token: config.installationToken,
    });
    if (response.status < 200 || response.status >= 300) {
      throw classifyHttpFailure({ endpoint: AUTH_ENDPOINT, ...response }, this.options);
    }
    const parsed = lwSessionSchema.safeParse(response.body);
    if (!parsed.success) throw unexpectedResponse(AUTH_ENDPOINT, 'no session Token or Server');

    return { token: parsed.data.Token, server: parsed.data.Server.replace(/\/+$/, '') };
  }

  private async send(
    url: string,
    endpoint: string,
    body: unknown,
    { token, method }: { token?: string; method?: LinnworksCallOptions['method'] } = {},
  ): Promise<RawResponse> {
    const { timeoutMs, http } = this.options;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    if (token) headers.Authorization = token;
    const correlationId = getCorrelationId();
    if (correlationId) headers[LINNWORKS_CORRELATION_HEADER] = correlationId;
    try {
      const response = await http.request<string>({
        url,
        ...(method === 'GET'
          ? { method: 'GET', params: queryParams(body) }
          : { method: 'POST', data: JSON.stringify(body ?? {}) }),
        headers,
        timeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
      });
      const retryAfter = response.headers['retry-after'] as unknown;

      return {
        status: response.status,
        body: parseLinnworksBody(response.data),
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
      };
    } catch (error) {
      throw classifyTransportError(endpoint, error);
    }
  }
}
