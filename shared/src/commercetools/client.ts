import {
  type ByProjectKeyRequestBuilder,
  createApiBuilderFromCtpClient,
} from '@commercetools/platform-sdk';
import { ClientBuilder } from '@commercetools/sdk-client-v2';

import type { CtConfig } from '../config/common.config';
import { getCorrelationId, newCorrelationId } from '../logging/context';

export type CtApi = ByProjectKeyRequestBuilder;

export interface CtClientOptions {
  /** Per-request timeout; every call to commercetools is bounded. */
  timeoutMs?: number;
  /** Retries of 5xx and network failures inside the SDK (never of 4xx). */
  maxRetries?: number;
  /** The HTTP function (default: the global `fetch`); benchmarks wrap it to time upstream calls. */
  fetch?: typeof fetch;
}

/**
 * The commercetools API for one project, over the real SDK. Each request carries the
 * correlation ID of the work in progress, so commercetools' logs line up with ours.
 */
export function createCtApi(config: CtConfig, options: CtClientOptions = {}): CtApi {
  const http = options.fetch ?? fetch;
  const client = new ClientBuilder()
    .withProjectKey(config.projectKey)
    .withClientCredentialsFlow({
      host: config.authUrl,
      projectKey: config.projectKey,
      credentials: { clientId: config.clientId, clientSecret: config.clientSecret },
      ...(config.scopes ? { scopes: config.scopes } : {}),
      fetch: http,
    })
    .withCorrelationIdMiddleware({ generate: () => getCorrelationId() ?? newCorrelationId() })
    .withHttpMiddleware({
      host: config.apiUrl,
      fetch: http,
      timeout: options.timeoutMs ?? 10_000,
      getAbortController: () => new AbortController(),
      enableRetry: (options.maxRetries ?? 3) > 0,
      retryConfig: {
        maxRetries: options.maxRetries ?? 3,
        retryDelay: 200,
        backoff: true,
        maxDelay: 5_000,
        retryOnAbort: true,
        retryCodes: [500, 502, 503, 504],
      },
    })
    .build();

  return createApiBuilderFromCtpClient(client).withProjectKey({ projectKey: config.projectKey });
}
