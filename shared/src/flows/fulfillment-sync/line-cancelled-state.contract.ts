import { z } from '../../config/env';
import { refersTo } from '../../config/setting-refs';

/** Default key of the line-item state fulfillment-sync moves units Linnworks cancelled to. */
export const DEFAULT_LINE_CANCELLED_STATE = 'lw-line-cancelled';

/**
 * `FULFILLMENT_LINE_CANCELLED_STATE`, shared: fulfillment-sync moves units Linnworks cancelled
 * there; order-sync reads it so that those units, already gone from the Linnworks order, are
 * never sent back to it (no echo of a Linnworks partial cancellation).
 */
export const lineCancelledStateEnvShape = {
  /** Line-item state (key) that partially cancelled quantities move to; created at deploy. */
  FULFILLMENT_LINE_CANCELLED_STATE: refersTo(
    z.string().regex(/^[-_~.a-zA-Z0-9]{2,256}$/, 'must be a commercetools state key'),
    { kind: 'ct-state', stateType: 'LineItemState', createdAtDeploy: true },
  ).default(DEFAULT_LINE_CANCELLED_STATE),
};
