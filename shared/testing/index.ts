import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';

import { createCtApi, type CtApi } from '../src/commercetools/client';
import type { CtConfig } from '../src/config/common.config';
import { createLogger, type Logger } from '../src/logging/logger';

/** URL of the commercetools test server started by Jest's global setup. */
export function ctTestUrl(): string {
  const url = process.env.CT_TEST_URL;
  if (!url) throw new Error('CT_TEST_URL is not set: is the Jest global setup configured?');

  return url;
}

/** A project of its own on the test server (data is kept per project key). */
export function ctTestConfig(projectKey = `test-${randomUUID().slice(0, 8)}`): CtConfig {
  const url = ctTestUrl();

  return {
    projectKey,
    clientId: 'test-client-id',
    clientSecret: 'test-client-secret',
    scopes: undefined,
    apiUrl: url,
    authUrl: url,
  };
}

export function ctTestApi(config: CtConfig = ctTestConfig()): CtApi {
  return createCtApi(config, { timeoutMs: 10_000, maxRetries: 0 });
}

/** Environment variables pointing an app at the test server. */
export function ctTestEnv(config: CtConfig): Record<string, string> {
  return {
    CTP_PROJECT_KEY: config.projectKey,
    CTP_CLIENT_ID: config.clientId,
    CTP_CLIENT_SECRET: config.clientSecret,
    CTP_API_URL: config.apiUrl,
    CTP_AUTH_URL: config.authUrl,
  };
}

/** A logger whose lines are kept in memory, parsed, for assertions on what was logged. */
export function captureLogger(level = 'debug'): {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
} {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });

  return {
    logger,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => raw.join('\n'),
  };
}
export * from './mc-tokens';
