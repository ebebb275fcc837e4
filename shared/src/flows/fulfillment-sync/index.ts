export * from './cancellation.mapper';
export * from './ct-fulfillment-sync.adapter';
export {
  CURSOR_CONTAINER as FULFILLMENT_CURSOR_CONTAINER,
  CursorRepo,
  type FeedCursor,
} from './cursor.repo';
export { fulfillmentFailureRef } from './fulfillment-context';
export * from './fulfillment-sync.deps';
export { FEED_FAILURE_TYPE, type FeedReport, feedFailureRef } from './feed-runner';
export * from './fulfillment-sync.replayer';
export * from './fulfillment-states';
export * from './fulfillment-sync.settings';
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
export * from './ct-fulfillment-sync.port';
export * from './linnworks-fulfillment-sync.port';
