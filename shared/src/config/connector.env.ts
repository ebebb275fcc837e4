import { fulfillmentSyncEnvShape } from '../flows/fulfillment-sync/fulfillment-sync.settings';
import { orderSyncEnvShape } from '../flows/order-sync/order-sync.settings';
import { stockSyncEnvShape } from '../flows/stock-sync/stock-sync.settings';
import {
  ctEnvShape,
  linnworksEnvShape,
  loggingEnvShape,
  subscriptionEnvShape,
} from './common.config';

/**
 * The keys every app reads: credentials, logging, and the flows' mapping settings. connect.yaml
 * declares them once under `inheritAs`, so a merchant enters each value once.
 */
export const connectorEnvShape = {
  ...ctEnvShape,
  ...linnworksEnvShape,
  ...loggingEnvShape,
  ...subscriptionEnvShape,
  ...orderSyncEnvShape,
  ...stockSyncEnvShape,
  ...fulfillmentSyncEnvShape,
};
