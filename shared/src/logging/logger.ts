import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

import { getContext } from './context';

export type { Logger } from 'pino';

/**
 * Keys whose values never reach a log: credentials and personal data.
 * pino's redact matches these at any of the listed depths.
 */
const SENSITIVE_KEYS = [
  'authorization',
  'Authorization',
  'password',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'clientSecret',
  'applicationSecret',
  'installationToken',
  'secret',
  'email',
  'customerEmail',
  'EmailAddress',
  'phone',
  'mobile',
  'PhoneNumber',
  'address',
  'shippingAddress',
  'billingAddress',
  'Address1',
  'Address2',
  'Address3',
  'streetName',
  'streetNumber',
  'postalCode',
  'PostCode',
  'firstName',
  'lastName',
  'FullName',
  'Town',
  'city',
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`);
  }
  paths.push('req.headers.authorization', 'req.headers.cookie');

  return paths;
}

export interface CreateLoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/** JSON logger; every line carries the correlation ID and flow of the work in progress. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: options.name ? { app: options.name } : {},
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...getContext() }),
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };

  return options.destination ? pino(config, options.destination) : pino(config);
}
