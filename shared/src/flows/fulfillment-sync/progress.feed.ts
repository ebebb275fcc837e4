import type { Order } from '@commercetools/platform-sdk';

import type { LinnworksOrderPrintFlags } from '../../linnworks/linnworks-types';
import type { StoredObject } from '../../state/state-store';
import { type Settlement, settle } from '../order-sync/order-lifecycle.contract';
import { ORDER_STATE_CONTAINER, type OrderState } from '../order-sync/order-state.contract';
import type { Feed, FeedRun } from './feed-runner';
import { saveCursor } from './feed-runner';
import { applyToOrder } from './fulfillment-context';
import { planProgress, type ProgressPlan } from './progress.mapper';

/** Settlements found while sweeping, written after the sweep (so its paging does not shift). */
type Settled = Map<string, Settlement | 'closed'>;
type OpenRecord = OrderState & { linnworksOrderId: string };

/** An order whose (merchant) state does not allow the rule's state: counted and logged, not forced. */
function stateNotAllowed(
  run: FeedRun,
  ctOrderId: string,
  blocked: NonNullable<ProgressPlan['blocked']>,
): void {
  run.counts.add('progress.stateNotAllowed');
  run.deps.logger.warn(
    { feed: 'progress', ctOrderId, fromState: blocked.from ?? null, toState: blocked.to },
    `fulfillment-sync: order state ${blocked.from ?? '(none)'} does not allow a transition to ${blocked.to}; ` +
      `the order keeps its state (list ${blocked.to} in its transitions, or set "force": true on the progress rule)`,
  );
}

/**
 * How commercetools already shows the order, for a record still `created` (a record written
 * before the lifecycle existed, or an order whose settlement a feed missed): classified on first
 * sight, without asking Linnworks.
 */
function settledInCt(order: Order | undefined): Settlement | 'closed' | undefined {
  if (!order) return 'closed';
  if (order.orderState === 'Cancelled') return 'cancelled';
  if (order.shipmentState === 'Shipped' || order.shipmentState === 'Delivered') return 'shipped';

  return undefined;
}

/** Progress rules on the orders still open: one GetOrdersById for the batch. */
async function applyProgress(
  run: FeedRun,
  open: Array<{ record: OpenRecord; order: Order }>,
  settled: Settled,
): Promise<void> {
  const rules = run.deps.settings.progressRules;
  const flags: LinnworksOrderPrintFlags[] = await run.deps.linnworks.getOrderPrintFlags({
    orderIds: open.map((o) => o.record.linnworksOrderId),
  });
  for (const { record, order } of open) {
    const f = flags.find((x) => x.OrderId === record.linnworksOrderId);
    if (!f) continue;
    if (f.Processed) {
      settled.set(record.ctOrderId, f.HoldOrCancel ? 'cancelled' : 'shipped');
      continue;
    }
    const ref = { lwOrderId: record.linnworksOrderId, numOrderId: f.NumOrderId };
    let blocked: ProgressPlan['blocked'];
    const outcome = await applyToOrder(run, 'progress', ref, order, (o) => {
      const plan = planProgress(o, f, rules, run.states);
      blocked = plan.blocked;

      return plan.actions;
    });
    run.counts.add(`progress.${outcome}`);
    if (blocked) stateNotAllowed(run, order.id, blocked);
  }
}

/** One page of `created` records: classify what commercetools shows settled, progress the rest. */
async function sweepPage(
  run: FeedRun,
  page: StoredObject<OrderState>[],
  settled: Settled,
): Promise<void> {
  const records = page.map((p) => p.value);
  run.counts.add('progress.open', records.length);
  const orders = await run.deps.ct.getOrders(records.map((r) => r.ctOrderId));
  const open: Array<{ record: OpenRecord; order: Order }> = [];
  for (const record of records) {
    const order = orders.find((o) => o.id === record.ctOrderId);
    const inCt = settledInCt(order);
    if (inCt) settled.set(record.ctOrderId, inCt);
    else if (order && record.linnworksOrderId && !record.cancellation)
      open.push({ record: record as OpenRecord, order });
  }
  if (open.length > 0 && run.deps.settings.progressRules.length > 0)
    await applyProgress(run, open, settled);
}

/** Writes the settlements the sweep found: `shipped`/`cancelled`, or `closed` for a deleted order. */
async function writeSettled(run: FeedRun, settled: Settled): Promise<void> {
  const at = run.now();
  for (const [ctOrderId, as] of settled) {
    run.counts.add(`progress.settled.${as}`);
    if (run.dryRun) continue;
    await run.deps.links.repo.update(ctOrderId, (current) =>
      as === 'closed'
        ? current && { ...current, status: 'closed', closedAt: at.toISOString() }
        : settle(current, as, at),
    );
  }
  settled.clear();
}

const SETTLED_FLUSH = 1000;

/**
 * Progress of open orders. Only records with status `created` are read: the processed and
 * cancelled feeds move the others on (docs/order-state.md), so a run costs one state page, one
 * order query and (with progress rules) one GetOrdersById per 100 open orders, whatever the
 * history. An order that commercetools or Linnworks shows settled is settled here too: that is
 * how records from before the lifecycle are classified, in place, on first sight.
 */
export const progressFeed: Feed = async (run: FeedRun) => {
  const settled: Settled = new Map();
  const pages = run.deps.store.scan<OrderState>(ORDER_STATE_CONTAINER, {
    where: 'value(status="created")',
    pageSize: 100,
  });
  for await (const page of pages) {
    if (run.outOfTime()) {
      await writeSettled(run, settled);

      return 'time-budget';
    }
    await sweepPage(run, page, settled);
    // A large first sweep (migration) writes as it goes; the next run picks up what paging skipped.
    if (settled.size >= SETTLED_FLUSH) await writeSettled(run, settled);
  }
  await writeSettled(run, settled);
  await saveCursor(run, 'progress', { at: run.now().toISOString() });

  return 'done';
};
