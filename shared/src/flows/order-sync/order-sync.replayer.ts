import type { FailureRecord } from '../../state/failure-queue';
import type { FlowReplayer, ReplayResult } from '../../state/replay';
import type { OrderSyncDeps, SyncResult } from './order-sync.deps';
import { syncOrder } from './sync-order.use-case';
import { ALL_UNITS_CANCELLED } from './create-order.use-case';
import { refundFailureRef, syncRefunds } from './refund-order.use-case';

/** Replays order-sync's failures: sync-admin runs it in-process. */
export type OrderSyncReplayer = FlowReplayer;

/**
 * sync-admin's replay of an order-sync failure: runs `syncOrder` again for the order (or, with
 * `dryRun`, computes and validates without writing). Idempotent: an order already in Linnworks
 * is reported resolved and not sent again.
 */
export function createOrderSyncReplayer(deps: OrderSyncDeps): OrderSyncReplayer {
  return async (failure: FailureRecord, options): Promise<ReplayResult> => {
    if (failure.ref.type === refundFailureRef('').type) {
      return asReplay(await syncRefunds(deps, failure.ref.id, options.dryRun), options.dryRun);
    }
    if (failure.ref.type !== 'order') {
      return { outcome: 'skipped', message: `order-sync cannot replay a ${failure.ref.type}` };
    }
    // `edits: always`: a failure of an exported order is an edit that did not reach Linnworks.
    const result = await syncOrder(deps, failure.ref.id, {
      dryRun: options.dryRun,
      edits: 'always',
    });
    return asReplay(result, options.dryRun);
  };
}

/** A use case's result as a replay outcome; an order already in step counts as resolved. */
function asReplay(result: SyncResult, dryRun: boolean): ReplayResult {
  const prefix = dryRun ? 'dry run: ' : '';
  if (result.outcome === 'rejected') {
    return {
      outcome: 'still-failing',
      reasonCode: result.reasonCode ?? 'UNKNOWN',
      message: `${prefix}${result.message ?? result.action}`,
    };
  }
  if (
    result.outcome === 'processed' ||
    result.action === 'already-synced' ||
    result.action === 'no-edit' ||
    result.action === ALL_UNITS_CANCELLED ||
    result.action === 'refunds-in-step'
  ) {
    return { outcome: 'resolved', message: `${prefix}${result.action}` };
  }

  return { outcome: 'skipped', message: `${prefix}${result.action}` };
}
