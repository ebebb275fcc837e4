import type { FailureRecord } from '../../state/failure-queue';
import type { FlowReplayer, ReplayResult } from '../../state/replay';
import { FEED_FAILURE_TYPE } from './feed-runner';
import { applyCancellation } from './processed.feed';
import { type ApplyContext, RunCounts } from './fulfillment-context';
import type { FeedName, FulfillmentSyncDeps } from './fulfillment-sync.deps';
import { isCancelledDetails, shipmentFromDetails } from './linnworks-records.mapper';
import { applyRefundLines, refundRecordsOf } from './refunds.feed';
import { applyShipment, withPackages } from './shipped.feed';

/** Replays fulfillment-sync's failures: sync-admin runs it in-process. */
export type FulfillmentSyncReplayer = FlowReplayer;

const REPLAYABLE: FeedName[] = ['processed', 'cancelled', 'refunds'];

function feedOf(failure: FailureRecord): FeedName | undefined {
  const feed = failure.ref.feed;

  return typeof feed === 'string' && REPLAYABLE.includes(feed as FeedName)
    ? (feed as FeedName)
    : undefined;
}

/**
 * Replays one fulfillment-sync failure by reading the Linnworks order again and running the
 * feed's own apply step. Idempotent (deliveries, return items and states are checked on the
 * order first); with `dryRun` nothing is written, not even the failure queue.
 */
export function createFulfillmentSyncReplayer(deps: FulfillmentSyncDeps): FulfillmentSyncReplayer {
  return async (failure, { dryRun }): Promise<ReplayResult> => {
    if (failure.ref.type === FEED_FAILURE_TYPE) {
      return {
        outcome: 'skipped',
        message: `the ${String(failure.ref.feed)} feed runs again on every fulfillment-sync run; this failure resolves when it next succeeds`,
      };
    }
    const feed = feedOf(failure);
    if (!feed) {
      return {
        outcome: 'skipped',
        message: `${String(failure.ref.feed)} records are re-checked by every run; nothing to replay`,
      };
    }
    const ctx: ApplyContext = { deps, dryRun, counts: new RunCounts(), problems: [] };
    const [details] = await deps.linnworks.getOrdersById({ orderIds: [failure.ref.id] });
    if (!details) {
      return {
        outcome: 'still-failing',
        reasonCode: 'LINNWORKS_ORDER_UNKNOWN',
        message: `Linnworks order ${failure.ref.id} not found`,
      };
    }
    const shipment = shipmentFromDetails(details);
    const resolved = (await deps.links.resolve([shipment])).get(shipment.lwOrderId);
    const states = await deps.ct.states([deps.settings.lineCancelledState]);
    const cancelledStateId = states.get(deps.settings.lineCancelledState)?.id;
    if (feed === 'processed') {
      if (!details.Processed || isCancelledDetails(details)) {
        return { outcome: 'skipped', message: 'the Linnworks order is not (or no longer) shipped' };
      }
      await withPackages(deps.linnworks, [shipment], deps.settings.packageSplit);
      await applyShipment(ctx, shipment, resolved, cancelledStateId);
    } else if (feed === 'cancelled') {
      if (!isCancelledDetails(details)) {
        return { outcome: 'skipped', message: 'the Linnworks order is not cancelled' };
      }
      await applyCancellation(ctx, shipment, resolved);
    } else {
      const records = await refundRecordsOf(deps.linnworks, shipment.lwOrderId);
      await applyRefundLines({ ...ctx, cancelledStateId }, shipment, resolved, records);
    }
    const problem = ctx.problems?.[0];
    if (problem) {
      return { outcome: 'still-failing', reasonCode: problem.reasonCode, message: problem.message };
    }
    const changed = Object.entries(ctx.counts.values).some(
      ([k, v]) => v > 0 && /\.(updated|shipped|transactions)$/.test(k),
    );

    return {
      outcome: 'resolved',
      message: `${dryRun ? 'would apply' : 'applied'}: ${changed ? 'order updated' : 'already up to date'}`,
    };
  };
}
