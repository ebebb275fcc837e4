import type { Order } from '@commercetools/platform-sdk';

import { describeError, isRetryable } from '../../errors/errors';
import { runBounded } from '../../scheduler/bounded-runs';
import type { ScheduledTask, TaskResult, TaskRunContext } from '../../scheduler/scheduled-task';
import { FIRST_SWEEP_LOOKBACK_MINUTES, type OrderBackstopSettings } from './backstop.settings';
import type { OrderSyncDeps } from './order-sync.deps';
import { syncOrder } from './sync-order.use-case';

export const ORDER_BACKSTOP_TASK = 'order-backstop';

/**
 * Orders of a page looked at at once: missing orders found together share CreateOrders batches
 * (up to 20 a call) instead of one call each, which matters after an outage of the event path
 * (the scheduler's share is 3 CreateOrders calls a minute). 16 < 20 keeps a batch to one call.
 */
export const BACKSTOP_CONCURRENCY = 16;

/** Where the sweep stopped: every order modified before `at` has been looked at. */
export interface BackstopCursor {
  at: string;
  /** The start date the sweep was started from, so a changed ORDER_BACKSTOP_SINCE restarts it. */
  since?: string;
}

type Counts = Record<
  | 'scanned'
  | 'alreadySynced'
  | 'missing'
  | 'exported'
  | 'rejected'
  | 'repaired'
  | 'notForLinnworks'
  | 'closed'
  | 'failed',
  number
>;

interface Sweep {
  deps: OrderSyncDeps;
  dryRun: boolean;
  channelId: string | undefined;
  counts: Counts;
  missingIds: string[];
  /** lastModifiedAt of the first order that must be looked at again (retryable failure). */
  retryFrom?: string;
}

function windowOf(settings: OrderBackstopSettings, cursor: BackstopCursor | undefined, now: Date) {
  const to = new Date(now.getTime() - settings.lagMinutes * 60_000);
  const restart = settings.since !== undefined && cursor?.since !== settings.since;
  const from =
    cursor && !restart
      ? cursor.at
      : (settings.since ??
        new Date(to.getTime() - FIRST_SWEEP_LOOKBACK_MINUTES * 60_000).toISOString());

  return { from, to: to.toISOString() };
}

/** Not for the warehouse any more: the sweep never exports an order that is done with. */
function isClosed(order: Order): boolean {
  return (
    order.orderState === 'Cancelled' ||
    order.orderState === 'Complete' ||
    order.shipmentState === 'Shipped' ||
    order.shipmentState === 'Delivered'
  );
}

/** Looks at one order of the window; retryable failures are counted, never thrown. */
async function sweepOrder(sweep: Sweep, order: Order): Promise<void> {
  const { deps, counts } = sweep;
  counts.scanned++;
  if (sweep.channelId && order.syncInfo.some((s) => s.channel.id === sweep.channelId)) {
    counts.alreadySynced++;
    return;
  }
  try {
    const state = (await deps.states.get(order.id))?.value;
    if (state?.status === 'created') {
      // In Linnworks, but its sync info was never written: syncOrder adds it.
      await syncOrder(deps, order.id, { dryRun: sweep.dryRun });
      counts.repaired++;
      return;
    }
    if (state?.status === 'rejected' || state?.status === 'cancelled') {
      counts[state.status === 'rejected' ? 'rejected' : 'closed']++;
      return;
    }
    if (isClosed(order)) {
      counts.closed++;
      return;
    }
    const result = await syncOrder(deps, order.id, { dryRun: sweep.dryRun });
    if (result.outcome === 'processed' || result.outcome === 'rejected') {
      counts.missing++;
      sweep.missingIds.push(order.id);
      counts[result.outcome === 'processed' ? 'exported' : 'rejected']++;
    } else {
      // Synced by the event path meanwhile, or held back by the gate (store, awaiting payment).
      counts[result.action === 'already-synced' ? 'alreadySynced' : 'notForLinnworks']++;
    }
  } catch (error) {
    if (!isRetryable(error)) throw error;
    counts.failed++;
    // The earliest failed order (they end in any order): the next sweep starts there.
    if (!sweep.retryFrom || order.lastModifiedAt < sweep.retryFrom) {
      sweep.retryFrom = order.lastModifiedAt;
    }
    deps.logger.warn(
      { ctOrderId: order.id, err: describeError(error) },
      'backstop could not sync an order; the next sweep tries again',
    );
  }
}

function resultOf(sweep: Sweep, window: { to: string }, stoppedAt: string | undefined) {
  const { counts } = sweep;
  const at = [sweep.retryFrom, stoppedAt].filter((v): v is string => !!v).sort()[0] ?? window.to;
  const warnings =
    counts.missing > 0
      ? [
          `order backstop found ${counts.missing} order(s) missing from Linnworks ` +
            `(${counts.exported} exported, ${counts.missing - counts.exported} rejected into the failure queue)`,
        ]
      : [];
  const problems =
    counts.failed > 0 ? [`order backstop: ${counts.failed} order(s) to try again`] : [];

  return { at, warnings, problems };
}

/**
 * The backstop sweep: every order modified in [cursor, now − lag) that should be in Linnworks and
 * is not goes through `syncOrder`, the event app's own use case, so exactly-once holds however
 * the event and the sweep interleave (state record, lookup by reference, Linnworks uniqueness).
 */
export async function sweepForMissingOrders(
  deps: OrderSyncDeps,
  settings: OrderBackstopSettings,
  context: TaskRunContext<BackstopCursor>,
): Promise<TaskResult<BackstopCursor>> {
  const window = windowOf(settings, context.cursor, context.now);
  const counts: Counts = {
    ...{ scanned: 0, alreadySynced: 0, missing: 0, exported: 0, rejected: 0, repaired: 0 },
    ...{ notForLinnworks: 0, closed: 0, failed: 0 },
  };
  const sweep: Sweep = {
    deps,
    dryRun: context.dryRun,
    channelId: await deps.ct.linnworksChannelId(),
    counts,
    missingIds: [],
  };
  let after: { lastModifiedAt: string; id: string } | undefined;
  let stoppedAt: string | undefined;
  while (window.from < window.to) {
    const query = { ...window, limit: settings.pageSize, ...(after ? { after } : {}) };
    const page = await deps.ct.findOrdersModified(query);
    // A few at a time, offered in the page's order: those not started once time is up are the
    // page's tail, and the next sweep starts at the first of them.
    const runs = await runBounded(
      page,
      { limit: BACKSTOP_CONCURRENCY, mayStart: () => !context.outOfTime() },
      (order) => sweepOrder(sweep, order),
    );
    const notStarted = runs.findIndex((r) => !r.started);
    if (notStarted >= 0) {
      stoppedAt = page[notStarted]!.lastModifiedAt;
      break;
    }
    const last = page[page.length - 1];
    if (last) after = { lastModifiedAt: last.lastModifiedAt, id: last.id };
    if (page.length < settings.pageSize) break;
  }
  const { at, warnings, problems } = resultOf(sweep, window, stoppedAt);
  if (counts.missing > 0) {
    deps.logger.warn(
      { counts, ctOrderIds: sweep.missingIds.slice(0, 50) },
      'order backstop found orders missing from Linnworks',
    );
  }
  const status = stoppedAt || counts.failed > 0 ? 'partial' : 'completed';
  const cursor: BackstopCursor = { at, ...(settings.since ? { since: settings.since } : {}) };

  return { status, cursor, counts, warnings, problems };
}

/** The backstop as a task of the sync-scheduler job app. */
export function orderBackstopTask(
  deps: OrderSyncDeps,
  settings: OrderBackstopSettings,
): ScheduledTask<BackstopCursor> {
  return {
    name: ORDER_BACKSTOP_TASK,
    everyMinutes: settings.everyMinutes,
    run: (context) => sweepForMissingOrders(deps, settings, context),
  };
}
