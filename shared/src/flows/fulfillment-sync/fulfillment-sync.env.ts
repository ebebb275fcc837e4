/**
 * Configuration keys of the fulfillment-sync flow. They are declared once for the whole connector
 * (connect.yaml `inheritAs`), because sync-admin replays this flow's failures in-process
 * with the same settings.
 */
export const fulfillmentSyncEnvShape = {};
