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
export {
  checkConfiguration,
  type ConfigCheckReport,
  type ConfigCheckSpec,
} from './config/checks/config-check.runner';
export {
  assertDeployable,
  formatConfigReport,
  readEnvFile,
  runConfigCheckCli,
  runPostDeploy,
} from './config/checks/config-check.main';
export { collectSettingRefs, type SettingRef } from './config/setting-refs';

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
  ORDER_SYNC_SUBSCRIPTION_MESSAGES,
  PAYMENT_MESSAGE_TYPES,
  removeSubscription,
} from './lifecycle/subscription';

// State
export { type StateStore, type StoredObject } from './state/state-store';
export { CtStateStore } from './state/ct-state-store';
export {
  FAILURE_CONTAINER,
  failureId,
  type FailureObserver,
  FailureQueue,
  type FailureRecord,
} from './state/failure-queue';
export { LeaseLock } from './state/lease-lock';
export {
  CONTAINERS,
  containerName,
  DEFAULT_SUBSCRIPTION_KEY,
  instanceEnvShape,
  linnworksChannelKey,
  orderSourceFor,
  subscriptionKeyFor,
} from './state/connector-names';
export { type FlowReplayer, type ReplayResult } from './state/replay';

// Alerts
export { ALERT_CONTAINER, type AlertState } from './alerts/alert-state';
export {
  type AlertFormat,
  alertEnvShape,
  type AlertSettings,
  toAlertSettings,
} from './alerts/alert.settings';
export { type Alert, type AlertKind, type AlertObservation } from './alerts/alert.types';
export {
  type AlertDelivery,
  SIGNATURE_HEADER,
  signBody,
  webhookDelivery,
} from './alerts/alert-webhook';
export { formatAlert } from './alerts/alert-formats';
export { Alerter } from './alerts/alerter';
export {
  type ConnectorAlerts,
  type ConnectorAlertsDeps,
  createConnectorAlerts,
} from './alerts/connector-alerts';
export { failureReasonKey } from './alerts/failure-alerts';
export {
  type AlertWatchReport,
  type AlertWatchTask,
  createAlertWatchTask,
} from './alerts/alert-watch.task';
export { type JobRunOutcome } from './alerts/job-alerts';

// Scheduler (the sync-scheduler job app's task runner)
export {
  type ScheduledTask,
  type TaskOutcome,
  type TaskResult,
  type TaskRunContext,
} from './scheduler/scheduled-task';
export { type BoundedRun, type BoundedRunOptions, runBounded } from './scheduler/bounded-runs';
export {
  lastSchedulerReport,
  runScheduledTasks,
  SCHEDULER_CONTAINER,
  SCHEDULER_FLOW,
  type TaskRunRequest,
} from './scheduler/task-runner';

// Clients
export {
  appRateBudget,
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
export { fixedInstances, type InstanceGate, JOIN_WAIT_MS } from './linnworks/instance-share';
export {
  InstanceMembership,
  type InstancesByApp,
  readInstances,
} from './clients/instance-membership';
export {
  defaultRateShare,
  documentedRateLimit,
  LINNWORKS_APPS,
  type LinnworksApp,
  type RateShareOverrides,
  rateShareProblems,
  rateSharesFor,
} from './linnworks/rate-shares';
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

// Flows: each flow's face, listed name by name in flows/faces.ts (kept apart for size).
export * from './flows/faces';
