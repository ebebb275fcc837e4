/** The conditions the connector alerts on (docs/operations.md, "Alerts"). */
export type AlertKind =
  | 'failure-reason'
  | 'failure-queue-depth'
  | 'job-failed'
  | 'job-cut-short'
  | 'job-late'
  | 'subscription-unhealthy'
  | 'linnworks-auth'
  | 'reconcile-drift';

/**
 * What a place that sees a condition observed: firing or clear, with its numbers. Ids, codes
 * and counts only: never personal data, never a secret.
 */
export interface AlertObservation {
  /** Stable id of the condition, e.g. `failure-reason.order-sync.SKU_UNKNOWN`. */
  key: string;
  kind: AlertKind;
  firing: boolean;
  flow?: string;
  reasonCode?: string;
  /** One line a person reads first, e.g. "New failure reason SKU_UNKNOWN in order-sync". */
  title: string;
  /** The condition's size; a reminder is sent only when it changed. */
  count: number;
  counts?: Record<string, number>;
  /** The first correlation IDs of the condition (search the logs for them). */
  correlationIds?: string[];
  /** sync-admin route (path and query under `/service`) that shows more. */
  route: string;
  /** Fire only after this many firing observations in a row (e.g. a job cut short twice). */
  streakToFire?: number;
}

export type AlertStatus = 'firing' | 'reminder' | 'resolved';

/** What the webhook receives (format `json`); slack and teams carry the same facts. */
export interface Alert {
  schema: 'ct-linnworks-connector.alert/1';
  /** Unique per message: `<condition>@<sentAt>`. */
  id: string;
  condition: string;
  kind: AlertKind;
  status: AlertStatus;
  deployment: string;
  flow?: string;
  reasonCode?: string;
  title: string;
  count: number;
  counts?: Record<string, number>;
  correlationIds: string[];
  link: { route: string; url?: string };
  firstSeenAt: string;
  sentAt: string;
}
