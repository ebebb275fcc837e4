// Face level: the configuration keys every app reads, composed from the kernel's connection
// keys and each flow's own settings (each flow declares its keys in its face).
import { alertEnvShape } from '../alerts/alert.settings';
import { instanceEnvShape } from '../state/connector-names';
import {
  ctEnvShape,
  linnworksEnvShape,
  loggingEnvShape,
  subscriptionEnvShape,
} from '../config/common.config';
import { fulfillmentSyncEnvShape } from './fulfillment-sync/fulfillment-sync.flow';
import { orderSyncEnvShape } from './order-sync/order-sync.flow';
import { reconcileEnvShape } from './reconcile/reconcile.flow';
import { stockSyncEnvShape } from './stock-sync/stock-sync.flow';

/**
 * The keys every app reads: credentials, logging, and the flows' mapping settings. connect.yaml
 * declares them once under `inheritAs`, so a merchant enters each value once; every app reads
 * every flow's settings because sync-admin replays each flow in-process with the same settings.
 */
export const connectorEnvShape = {
  ...ctEnvShape,
  ...linnworksEnvShape,
  ...loggingEnvShape,
  ...subscriptionEnvShape,
  ...instanceEnvShape,
  ...alertEnvShape,
  ...orderSyncEnvShape,
  ...stockSyncEnvShape,
  ...fulfillmentSyncEnvShape,
  ...reconcileEnvShape,
};
