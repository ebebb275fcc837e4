import { z } from '../config/env';

/**
 * The one place the connector names what it creates in a commercetools project and a Linnworks
 * account (docs/configuration.md, "Two deployments in one project"). Every custom-object
 * container is listed here by role; the state store (`CtStateStore`) namespaces each with the
 * deployment's instance key, so locks, state records, failures and alerts of two deployments in
 * one project never meet. Without an instance key every name is today's: no migration.
 * `shared/test/connector-names.test.ts` fails when a container is named anywhere else.
 */
export const CONTAINERS = {
  orderState: 'lw-order-state',
  failures: 'lw-connector-failures',
  locks: 'lw-connector-locks',
  alerts: 'lw-connector-alerts',
  reconcile: 'lw-reconcile',
  schedulerTasks: 'lw-scheduler-tasks',
  stockState: 'lw-connector-stock-sync',
  stockSnapshot: 'lw-connector-stock-snapshot',
  fulfillmentCursors: 'lw-fulfillment-cursors',
  fulfillmentRuns: 'lw-fulfillment-runs',
  pendingTracking: 'lw-fulfillment-pending-tracking',
  /** Heartbeats of running app instances that split an app's Linnworks share (instance-share.ts). */
  rateMembers: 'lw-rate-members',
} as const;

/** Lower-case letters, digits and inner dashes, at most 20: fits every derived name's limit. */
const INSTANCE_KEY = /^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$/;

/** `CONNECTOR_INSTANCE_KEY`: read by every app (connect.yaml `inheritAs`). */
export const instanceEnvShape = {
  CONNECTOR_INSTANCE_KEY: z
    .string()
    .regex(INSTANCE_KEY, 'must be 1-20 lower-case letters, digits or inner dashes, like eu')
    .optional(),
};

/** The separator between a name and the instance key: no base name contains it. */
const SEPARATOR = '--';

/** The container of `base` for this deployment: `base` itself without an instance key. */
export function containerName(base: string, instanceKey?: string): string {
  return instanceKey ? `${base}${SEPARATOR}${instanceKey}` : base;
}

/** The commercetools channel whose sync info records each order's Linnworks order id. */
export const LINNWORKS_CHANNEL_KEY = 'linnworks';

/** This deployment's Linnworks channel in commercetools: `linnworks`, or `linnworks--<instance>`. */
export function linnworksChannelKey(instanceKey?: string): string {
  return containerName(LINNWORKS_CHANNEL_KEY, instanceKey);
}

/** The default order Subscription key (`ORDER_SUBSCRIPTION_KEY`). */
export const DEFAULT_SUBSCRIPTION_KEY = 'linnworks-connector-orders';

/**
 * The order Subscription's key: an explicit `ORDER_SUBSCRIPTION_KEY` as set; the default one
 * namespaced with the instance key, so a second deployment gets its own Subscription.
 */
export function subscriptionKeyFor(key: string, instanceKey?: string): string {
  return key === DEFAULT_SUBSCRIPTION_KEY ? containerName(key, instanceKey) : key;
}

/**
 * The Linnworks `Source` (channel) of the connector's orders: an explicit
 * `LINNWORKS_ORDER_SOURCE` as set; the default one suffixed with the instance key in upper
 * case (`COMMERCETOOLS-EU`), so two deployments sharing a Linnworks account keep their orders
 * apart.
 */
export function orderSourceFor(source: string, defaultSource: string, instanceKey?: string) {
  return source === defaultSource && instanceKey
    ? `${source}-${instanceKey.toUpperCase()}`
    : source;
}
