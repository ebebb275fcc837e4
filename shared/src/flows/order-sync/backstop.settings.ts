import { intString, z } from '../../config/env';

/**
 * Configuration keys of order-sync's backstop sweep, read by the sync-scheduler job app only.
 * Documented in docs/configuration.md ("sync-scheduler").
 */
export const orderBackstopEnvShape = {
  /**
   * Optional start date (ISO 8601): the sweep first looks at orders modified since then, so open
   * orders placed before the connector was installed are imported. Changing it restarts the sweep
   * from the new date.
   */
  ORDER_BACKSTOP_SINCE: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date')
    .transform((v) => (v === undefined ? undefined : new Date(v).toISOString())),
  /** Minutes the sweep stays behind now, so it does not race the event path. */
  ORDER_BACKSTOP_LAG_MINUTES: intString(10, { min: 0, max: 24 * 60 }),
  /** Minutes between two sweeps. */
  ORDER_BACKSTOP_EVERY_MINUTES: intString(15, { min: 1, max: 24 * 60 }),
};

export type OrderBackstopEnv = {
  [K in keyof typeof orderBackstopEnvShape]: z.output<(typeof orderBackstopEnvShape)[K]>;
};

export interface OrderBackstopSettings {
  since?: string;
  lagMinutes: number;
  everyMinutes: number;
  /** Orders read per page (≤ 500). */
  pageSize: number;
}

/** Without a start date, the first sweep looks back this far behind its lag. */
export const FIRST_SWEEP_LOOKBACK_MINUTES = 60;

export function toOrderBackstopSettings(env: OrderBackstopEnv): OrderBackstopSettings {
  return {
    ...(env.ORDER_BACKSTOP_SINCE ? { since: env.ORDER_BACKSTOP_SINCE } : {}),
    lagMinutes: env.ORDER_BACKSTOP_LAG_MINUTES,
    everyMinutes: env.ORDER_BACKSTOP_EVERY_MINUTES,
    pageSize: 200,
  };
}
