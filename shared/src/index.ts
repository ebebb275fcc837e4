// The shared library's public face: the kernel (config, errors, logging, http, state, clients)
// and each flow's face. Named exports only; apps and the sandbox import nothing else of shared.
// A flow's internals stay behind its face (shared/src/flows/<flow>/<flow>.flow.ts).

// Config
export {
  booleanString,
  type CrossCheck,
  type Env,
  intString,
  jsonString,
  parseEnv,
  secret,
  z,
} from './config/env';
export {
  type CtConfig,
  ctHostsCheck,
  jobEnvShape,
  type JobSettings,
  type LinnworksConfig,
  toConnectionConfig,
  toCtConfig,
  toJobSettings,
} from './config/common.config';
export { connectorEnvShape } from './flows/connector-env';

// Errors
export {
  ConfigError,
  ConnectorError,
  describeError,
  type ErrorKind,
  isRetryable,
  PermanentUpstreamError,
  RetryableUpstreamError,
  ValidationError,
  VersionConflictError,
} from './errors/errors';
export { isCtNotFound, toCtError } from './commercetools/ct-errors';

// Logging
export { createLogger, type Logger } from './logging/logger';
export { getCorrelationId, newCorrelationId, runWithContext } from './logging/context';

// HTTP, events and lifecycle
export { correlationMiddleware } from './http/correlation.middleware';
export { errorMiddleware, statusFor } from './http/error.middleware';
export {
  createJobApp,
  type JobAppDeps,
  type JobRunReport,
  type JobRunRequest,
} from './http/job-app';
export { portFromEnv, runMain, runWithConfig } from './http/run-main';
export { serve } from './http/server';
export {
  type CtNotification,
  type Delivery,
  parseDelivery,
  readDelivery,
  type UnreadableDelivery,
} from './events/envelope';
export { OrderIdScanner, type ScanResult } from './events/order-id-scan';
export {
  destinationFromEnv,
  ensureSubscription,
  ORDER_MESSAGE_TYPES,
  removeSubscription,
} from './lifecycle/subscription';

// State
export { type StateStore, type StoredObject } from './state/state-store';
export { CtStateStore } from './state/ct-state-store';
export {
  FAILURE_CONTAINER,
  failureId,
  FailureQueue,
  type FailureRecord,
} from './state/failure-queue';
export { LeaseLock } from './state/lease-lock';
export { type FlowReplayer, type ReplayResult } from './state/replay';

// Scheduler (the sync-scheduler job app's task runner)
export {
  type ScheduledTask,
  type TaskOutcome,
  type TaskResult,
  type TaskRunContext,
} from './scheduler/scheduled-task';
export {
  lastSchedulerReport,
  runScheduledTasks,
  SCHEDULER_CONTAINER,
  SCHEDULER_FLOW,
  type TaskRunRequest,
} from './scheduler/task-runner';

// Clients
export {
  type ConnectorClientOptions,
  type ConnectorClients,
  createConnectorClients,
} from './clients/connector-clients';
export { createCtApi, type CtApi, type CtClientOptions } from './commercetools/client';
export { type CallCounts } from './commercetools/call-counts';
export {
  APP_SCOPES,
  CONNECTOR_APPS,
  CONNECTOR_SCOPES,
  missingScopes,
  scopeParameter,
} from './commercetools/scopes';
export { scopeDocsMarkdown } from './commercetools/scope-docs';
export { type LinnworksApi } from './linnworks/linnworks-api.port';
export { LinnworksClient, type LinnworksClientOptions } from './linnworks/linnworks.client';
export {
  LINNWORKS_RATE_LIMITS,
  type RateBudget,
  type RateBudgetClock,
  SlidingWindowRateBudget,
} from './linnworks/rate-budget';
export { linnworksLineFigures } from './linnworks/linnworks-line-figures';
export { type LinnworksNewRefundLine } from './linnworks/linnworks-write-types';
export {
  type LinnworksChannelOrder,
  type LinnworksOpenOrder,
  type LinnworksOrderDetails,
  type LinnworksProcessedOrder,
  type LinnworksStockItemLevel,
} from './linnworks/linnworks-types';
export { LINNWORKS_RESPONSE_ENUMS } from './linnworks/linnworks-enums';
export { normaliseLinnworksDate } from './linnworks/linnworks-schema-helpers';

// Flows (each flow's face)
export {
  createOrderSync,
  ctLineItemIdOf,
  ensureLinnworksChannel,
  EXTENDED_PROPERTY_CT_ORDER_ID,
  EXTENDED_PROPERTY_CT_ORDER_NUMBER,
  LINNWORKS_CHANNEL_KEY,
  type LinnworksOrderSyncPort,
  linnworksReferenceFor,
  mapOrderToLinnworks,
  type BackstopCursor,
  ORDER_BACKSTOP_TASK,
  orderBackstopEnvShape,
  type OrderBackstopSettings,
  ORDER_STATE_CONTAINER,
  ORDER_SYNC_FLOW,
  type OrderMessageHandler,
  type OrderMessageOutcome,
  type OrderState,
  OrderStateRepo,
  type OrderSync,
  type OrderSyncEnv,
  orderSyncEnvShape,
  type OrderSyncReconciler,
  type OrderSyncReplayer,
  type OrderSyncSettings,
  type SyncResult,
  toOrderBackstopSettings,
  toOrderSyncSettings,
} from './flows/order-sync/order-sync.flow';
export {
  AGGREGATE_SLOT,
  createStockSync,
  type DesiredSlots,
  lastStockSyncReport,
  type LinnworksStockSyncPort,
  SNAPSHOT_BUCKETS,
  STOCK_SKUS_REF,
  STOCK_SNAPSHOT_CONTAINER,
  STOCK_STATE_CONTAINER,
  STOCK_SYNC_FLOW,
  STOCK_SYNC_LOCK,
  type StockLocationMapping,
  stockMappingRequired,
  type StockSync,
  type StockSyncCounts,
  type StockSyncEnv,
  stockSyncEnvShape,
  stockSyncJobEnvShape,
  type StockSyncReconciler,
  type StockSyncReplayer,
  type StockSyncReport,
  type StockSyncSettings,
  toStockSyncJobSettings,
  toStockSyncSettings,
} from './flows/stock-sync/stock-sync.flow';
export {
  createFulfillmentSync,
  DEFAULT_PROGRESS_RULES,
  ensureFulfillmentStates,
  type FeedName,
  FULFILLMENT_SYNC_FLOW,
  fulfillmentFailureRef,
  type FulfillmentJobSettings,
  type FulfillmentStatesReport,
  type FulfillmentSync,
  fulfillmentSyncEnvShape,
  fulfillmentSyncJobEnvShape,
  type FulfillmentSyncReplayer,
  type FulfillmentSyncSettings,
  lastFulfillmentSyncReport,
  type LinnworksFulfillmentSyncPort,
  toFulfillmentJobSettings,
  toFulfillmentSyncSettings,
} from './flows/fulfillment-sync/fulfillment-sync.flow';
