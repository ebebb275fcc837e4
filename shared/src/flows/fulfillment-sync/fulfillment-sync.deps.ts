import type { LinnworksFulfillmentSyncPort } from './linnworks-fulfillment-sync.port';
import type { Logger } from '../../logging/logger';
import type { FailureQueue } from '../../state/failure-queue';
import type { StateStore } from '../../state/state-store';
import type { CtFulfillmentSyncPort } from './ct-fulfillment-sync.port';
import type { FulfillmentSyncSettings } from './fulfillment-sync.settings';
import type { OrderLinks } from './order-link.repo';

export const FULFILLMENT_SYNC_FLOW = 'fulfillment-sync';

export type FeedName =
  'processed' | 'cancelled' | 'refunds' | 'tracking' | 'progress' | 'lifecycle';

/** What the flow needs; the app wires real clients, tests wire fakes and the test servers. */
export interface FulfillmentSyncDeps {
  linnworks: LinnworksFulfillmentSyncPort;
  ct: CtFulfillmentSyncPort;
  links: OrderLinks;
  store: StateStore;
  failures: FailureQueue;
  settings: FulfillmentSyncSettings;
  logger: Logger;
  now?: () => Date;
}
