import { intString, z } from '../config/env';

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

const httpUrl = z.string().refine(isHttpUrl, 'must be an http(s) URL');

/**
 * Alerting keys, read by every app (each raises the alerts it sees). Declared once under
 * connect.yaml `inheritAs`; documented in docs/configuration.md ("Alerts").
 */
export const alertEnvShape = {
  /** Where alerts are POSTed; empty: no alerts are sent (the state is still kept). Secured. */
  ALERT_WEBHOOK_URL: httpUrl.optional(),
  ALERT_WEBHOOK_FORMAT: z.enum(['json', 'slack', 'teams']).default('json'),
  /** HMAC-SHA256 key: bodies carry `X-Connector-Signature: sha256=<hex>`. Secured. */
  ALERT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** At most one alert per condition in this many minutes (a resolved message is always sent). */
  ALERT_MIN_INTERVAL_MINUTES: intString(60, { min: 1, max: 10_080 }),
  /** Pending failures beyond this raise the failure-queue alert. */
  ALERT_FAILURE_QUEUE_THRESHOLD: intString(100, { min: 1, max: 1_000_000 }),
  /** A job whose last run finished longer ago than this is late. */
  ALERT_JOB_LATE_MINUTES: intString(30, { min: 1, max: 10_080 }),
  /** Name of this deployment in alerts; default: the project key. */
  ALERT_DEPLOYMENT_NAME: z.string().min(1).max(100).optional(),
  /** sync-admin's public URL, for the links in alerts; without it alerts carry the route only. */
  ALERT_ADMIN_URL: httpUrl.optional(),
};

export type AlertFormat = 'json' | 'slack' | 'teams';

export interface AlertSettings {
  webhookUrl: string | undefined;
  format: AlertFormat;
  secret: string | undefined;
  minIntervalMs: number;
  failureQueueThreshold: number;
  jobLateMs: number;
  deployment: string;
  adminUrl: string | undefined;
}

export function toAlertSettings(env: {
  CTP_PROJECT_KEY: string;
  ALERT_WEBHOOK_URL?: string | undefined;
  ALERT_WEBHOOK_FORMAT: AlertFormat;
  ALERT_WEBHOOK_SECRET?: string | undefined;
  ALERT_MIN_INTERVAL_MINUTES: number;
  ALERT_FAILURE_QUEUE_THRESHOLD: number;
  ALERT_JOB_LATE_MINUTES: number;
  ALERT_DEPLOYMENT_NAME?: string | undefined;
  ALERT_ADMIN_URL?: string | undefined;
}): AlertSettings {
  return {
    webhookUrl: env.ALERT_WEBHOOK_URL,
    format: env.ALERT_WEBHOOK_FORMAT,
    secret: env.ALERT_WEBHOOK_SECRET,
    minIntervalMs: env.ALERT_MIN_INTERVAL_MINUTES * 60_000,
    failureQueueThreshold: env.ALERT_FAILURE_QUEUE_THRESHOLD,
    jobLateMs: env.ALERT_JOB_LATE_MINUTES * 60_000,
    deployment: env.ALERT_DEPLOYMENT_NAME ?? env.CTP_PROJECT_KEY,
    adminUrl: env.ALERT_ADMIN_URL?.replace(/\/$/, ''),
  };
}
