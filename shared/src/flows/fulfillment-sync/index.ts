export * from './cancellation.mapper';
export * from './ct-orders.port';
export {
  CURSOR_CONTAINER as FULFILLMENT_CURSOR_CONTAINER,
  CursorRepo,
  type FeedCursor,
} from './cursor.repo';
export {
  FULFILLMENT_FLOW,
  type FeedName,
  type FulfillmentDeps,
  fulfillmentFailureRef,
} from './fulfillment-context';
export { FEED_FAILURE_TYPE, type FeedReport, feedFailureRef } from './feed-runner';
export * from './fulfillment-replayer';
export * from './fulfillment-states';
export * from './fulfillment-sync.env';
export * from './fulfillment.types';
export * from './line-match';
export * from './linnworks-records.mapper';
export * from './order-link.repo';
export * from './pending-tracking.repo';
export * from './progress.mapper';
export * from './refund.mapper';
export * from './run-fulfillment-sync.use-case';
export * from './shipment.mapper';
export * from './tracking.mapper';
