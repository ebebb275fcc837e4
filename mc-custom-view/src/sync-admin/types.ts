/** What sync-admin answers; docs/operations.md documents each route. */
export type FailureStatus = 'pending' | 'resolved' | 'discarded';

export interface Failure {
  id: string;
  flow: string;
  reasonCode: string;
  message: string;
  field?: string;
  retryable: boolean;
  correlationId: string;
  correlationIds: string[];
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  status: FailureStatus;
  resolvedAt?: string;
  resolution?: string;
  resolvedBy?: string;
}

export interface OrderSyncSummary {
  ctOrderId: string;
  orderNumber?: string;
  sync: {
    status: 'pending' | 'created' | 'rejected' | 'cancelled' | 'shipped' | 'closed' | 'not-synced';
    linnworksOrderId?: string;
    linnworksReference?: string;
    paid?: boolean;
    attempts?: number;
    lastSyncAt?: string;
  };
  linnworks?:
    | {
        orderNumber: number;
        processed: boolean;
        pickListPrinted: boolean;
        labelPrinted: boolean;
        partShipped: boolean;
        onHoldOrCancelled: boolean;
      }
    | { unavailable: string };
  fulfilment?: {
    orderState: string;
    shipmentState?: string;
    state?: string;
    deliveries: number;
    parcels: number;
    trackingIds: string[];
  };
  failures: Failure[];
}

export type ReplayOutcome =
  | 'resolved'
  | 'still-failing'
  | 'skipped'
  | 'would-replay'
  | 'no-replayer'
  | 'not-found'
  | 'not-pending'
  | 'error'
  | 'not-attempted';

export interface ReplayItem {
  id: string;
  outcome: ReplayOutcome;
  reasonCode?: string;
  message?: string;
  correlationId?: string;
}

export interface ReplayResponse {
  dryRun: boolean;
  items: ReplayItem[];
  correlationId?: string;
}
