import { type JobSettings, jobEnvShape, toJobSettings } from '../../config/common.config';
import { intString, jsonString, z } from '../../config/env';
import { refersTo } from '../../config/setting-refs';
import { orderSourceEnvShape, orderSourceOf } from '../order-sync/linnworks-order.contract';
import { lineCancelledStateEnvShape } from './line-cancelled-state.contract';

/** Linnworks open-order flags the progress feed can map (GeneralInfo, reference §5.1). */
export const PROGRESS_FLAGS = ['PickListPrinted', 'InvoicePrinted', 'LabelPrinted'] as const;
export type ProgressFlag = (typeof PROGRESS_FLAGS)[number];

const CT_SHIPMENT_STATES = [
  'Shipped',
  'Delivered',
  'Ready',
  'Pending',
  'Delayed',
  'Partial',
  'Backorder',
  'Canceled',
] as const;
const STATE_KEY = /^[-_~.a-zA-Z0-9]{2,256}$/;

/** A custom state's key; fulfillment-sync's post-deploy creates it when it is missing. */
const stateKey = (stateType: 'OrderState' | 'LineItemState') =>
  refersTo(z.string().regex(STATE_KEY, 'must be a commercetools state key'), {
    kind: 'ct-state',
    stateType,
    createdAtDeploy: true,
  });

/**
 * One progress rule: when `flag` is set, transition to custom order state `state` (and shipment
 * state). `force` sends the transition with `force: true` when the order's current state does not
 * allow it (a merchant's workflow state whose `transitions` do not list `state`); without it such
 * an order keeps its state (docs/fulfillment-sync.md, "States").
 */
export const progressRuleSchema = z.strictObject({
  flag: z.enum(PROGRESS_FLAGS),
  state: stateKey('OrderState'),
  shipmentState: z.enum(CT_SHIPMENT_STATES).optional(),
  force: z.boolean().optional(),
});
export type ProgressRule = z.infer<typeof progressRuleSchema>;

export const DEFAULT_PROGRESS_RULES: ProgressRule[] = [
  { flag: 'PickListPrinted', state: 'lw-picking' },
  { flag: 'LabelPrinted', state: 'lw-packed', shipmentState: 'Ready' },
];

/** Retention of order-state records (docs/order-state.md). */
export interface OrderStateRetention {
  /** Days a closed record is kept whole before it is compacted (or deleted). */
  days: number;
  /** `slim`: keep what reconciliation, replay and echo suppression need; `delete`: remove it. */
  mode: 'slim' | 'delete';
}

export const DEFAULT_ORDER_STATE_RETENTION: OrderStateRetention = { days: 90, mode: 'slim' };

function noneToUndefined<T extends string>(value: T | 'none'): T | undefined {
  return value === 'none' ? undefined : value;
}

/**
 * Configuration keys of the fulfillment-sync flow. They are declared once for the whole connector
 * (connect.yaml `inheritAs`), because sync-admin replays this flow's failures in-process
 * with the same settings.
 */
export const fulfillmentSyncEnvShape = {
  /** order-sync's `Source`: the flow searches Linnworks for the connector's orders by it. */
  ...orderSourceEnvShape,
  /** JSON array of progress rules; the last rule whose flag is set wins. */
  FULFILLMENT_PROGRESS_RULES: jsonString(z.array(progressRuleSchema).max(10))
    .optional()
    .transform((v) => v ?? DEFAULT_PROGRESS_RULES),
  /** commercetools orderState once every line is shipped (`none` leaves it). */
  FULFILLMENT_SHIPPED_ORDER_STATE: z.enum(['none', 'Confirmed', 'Complete']).default('Complete'),
  ...lineCancelledStateEnvShape,
  /** Order paymentState after a Linnworks refund (`none` leaves it). */
  FULFILLMENT_REFUND_PAYMENT_STATE: z
    .enum(['none', 'BalanceDue', 'Failed', 'Pending', 'CreditOwed', 'Paid'])
    .default('none'),
  /** Return item paymentState for refunded lines (`none` leaves the default `Initial`). */
  FULFILLMENT_RETURN_PAYMENT_STATE: z.enum(['none', 'Refunded', 'NotRefunded']).default('Refunded'),
  /**
   * What a Linnworks refund adds to the order's payment: `none` (nothing), `record` (a `Refund`
   * transaction in state `Success`: the money already went back) or `request` (state `Initial`:
   * the merchant's payment integration executes it). One transaction per refund row.
   */
  FULFILLMENT_REFUND_TRANSACTION: z.enum(['none', 'record', 'request']).default('none'),
  /** How late tracking reaches a parcel: `set-tracking` (setParcelTrackingData) or `add-parcel`. */
  FULFILLMENT_TRACKING_UPDATE: z.enum(['set-tracking', 'add-parcel']).default('set-tracking'),
  /** Hours after processing during which orders without tracking are re-checked. */
  FULFILLMENT_LATE_TRACKING_HOURS: intString(72, { min: 0, max: 24 * 30 }),
  /** When to read per-box packages (GetPackageSplit): `auto`, `always` or `never`. */
  FULFILLMENT_PACKAGE_SPLIT: z.enum(['always', 'auto', 'never']).default('always'),
  /** Days a closed order-state record is kept whole before it is compacted (docs/order-state.md). */
  ORDER_STATE_RETENTION_DAYS: intString(DEFAULT_ORDER_STATE_RETENTION.days, { min: 1, max: 3650 }),
  /** What compaction does: `slim` keeps what reconciliation, replay and echo suppression need; `delete`. */
  ORDER_STATE_COMPACTION: z.enum(['slim', 'delete']).default(DEFAULT_ORDER_STATE_RETENTION.mode),
};

export type FulfillmentSyncEnv = z.infer<z.ZodObject<typeof fulfillmentSyncEnvShape>>;

/** The flow's settings, typed, as its face, use cases and the replayer take them. */
export interface FulfillmentSyncSettings {
  /** Linnworks `Source` of the connector's orders (order-sync's `LINNWORKS_ORDER_SOURCE`). */
  source: string;
  progressRules: ProgressRule[];
  shippedOrderState: 'Confirmed' | 'Complete' | undefined;
  lineCancelledState: string;
  refundPaymentState: 'BalanceDue' | 'Failed' | 'Pending' | 'CreditOwed' | 'Paid' | undefined;
  returnPaymentState: 'Refunded' | 'NotRefunded' | undefined;
  /** What a Linnworks refund adds to the payment (`FULFILLMENT_REFUND_TRANSACTION`); default none. */
  refundTransaction?: 'record' | 'request' | undefined;
  trackingUpdate: 'set-tracking' | 'add-parcel';
  lateTrackingHours: number;
  packageSplit: 'auto' | 'always' | 'never';
  /** Retention of closed order-state records; default 90 days, then `slim`. */
  retention?: OrderStateRetention;
  /** How the job runs; what is left out keeps its default (sync-admin's replays need none). */
  job?: Partial<FulfillmentJobSettings>;
}

export function toFulfillmentSyncSettings(
  env: FulfillmentSyncEnv,
  job?: FulfillmentJobSettings,
): FulfillmentSyncSettings {
  return {
    source: orderSourceOf(env),
    progressRules: env.FULFILLMENT_PROGRESS_RULES,
    shippedOrderState: noneToUndefined(env.FULFILLMENT_SHIPPED_ORDER_STATE),
    lineCancelledState: env.FULFILLMENT_LINE_CANCELLED_STATE,
    refundPaymentState: noneToUndefined(env.FULFILLMENT_REFUND_PAYMENT_STATE),
    returnPaymentState: noneToUndefined(env.FULFILLMENT_RETURN_PAYMENT_STATE),
    refundTransaction: noneToUndefined(env.FULFILLMENT_REFUND_TRANSACTION),
    trackingUpdate: env.FULFILLMENT_TRACKING_UPDATE,
    lateTrackingHours: env.FULFILLMENT_LATE_TRACKING_HOURS,
    packageSplit: env.FULFILLMENT_PACKAGE_SPLIT,
    retention: { days: env.ORDER_STATE_RETENTION_DAYS, mode: env.ORDER_STATE_COMPACTION },
    ...(job ? { job } : {}),
  };
}

/** Keys only the fulfillment-sync job app reads (sync-admin's replay does not page or poll). */
export const fulfillmentSyncJobEnvShape = {
  ...jobEnvShape,
  /** SearchProcessedOrders page size; Linnworks needs at least 20. */
  FULFILLMENT_PAGE_SIZE: intString(200, { min: 20, max: 500 }),
  /** Minutes each date feed re-reads before its cursor (late-indexed records). */
  FULFILLMENT_OVERLAP_MINUTES: intString(10, { min: 0, max: 24 * 60 }),
  /** How far back the very first run looks. */
  FULFILLMENT_INITIAL_LOOKBACK_HOURS: intString(24, { min: 1, max: 24 * 90 }),
};

/** How the job runs: the time budget and dry-run default, and how the feeds page. */
export interface FulfillmentJobSettings extends JobSettings {
  pageSize: number;
  overlapMinutes: number;
  initialLookbackHours: number;
}

export const DEFAULT_FULFILLMENT_JOB: Omit<FulfillmentJobSettings, keyof JobSettings> = {
  pageSize: 200,
  overlapMinutes: 10,
  initialLookbackHours: 24,
};

export function toFulfillmentJobSettings(
  env: z.output<z.ZodObject<typeof fulfillmentSyncJobEnvShape>>,
): FulfillmentJobSettings {
  return {
    ...toJobSettings(env),
    pageSize: env.FULFILLMENT_PAGE_SIZE,
    overlapMinutes: env.FULFILLMENT_OVERLAP_MINUTES,
    initialLookbackHours: env.FULFILLMENT_INITIAL_LOOKBACK_HOURS,
  };
}

/** Every custom state key the flow's settings name, for post-deploy to create. */
export function statesToEnsure(settings: FulfillmentSyncSettings): {
  orderStates: string[];
  lineItemStates: string[];
} {
  return {
    orderStates: [...new Set(settings.progressRules.map((r) => r.state))],
    lineItemStates: [settings.lineCancelledState],
  };
}
