import { ORDER_STATE_CONTAINER, type OrderState } from '../order-sync/order-state.contract';
import type { LinnworksOrderPrintFlags } from '../../linnworks/linnworks-types';
import type { Feed, FeedRun } from './feed-runner';
import { type LinnworksSide, saveCursor, withBothOrders } from './feed-runner';
import { applyToOrder } from './fulfillment-context';
import { planProgress, type ProgressPlan } from './progress.mapper';

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
 * Progress of open orders: the order-state records of orders order-sync created (and nobody
 * cancelled) are swept in batches of 100; one GetOrdersById and one order query per batch, an
 * update only when a flag moved the order forward.
 */
/** The print flags of the connector's open orders. */
const printFlags: LinnworksSide<
  OrderState & { linnworksOrderId: string },
  LinnworksOrderPrintFlags
> = {
  ids: (s) => [s.linnworksOrderId, s.ctOrderId],
  read: (run, orderIds) => run.deps.linnworks.getOrderPrintFlags({ orderIds }),
  idOf: (flags) => flags.OrderId,
};

export const progressFeed: Feed = async (run: FeedRun) => {
  const rules = run.deps.settings.progressRules;
  if (rules.length === 0) return 'done';
  const pages = run.deps.store.scan<OrderState>(ORDER_STATE_CONTAINER, {
    where: 'value(status="created")',
    pageSize: 100,
  });
  for await (const page of pages) {
    if (run.outOfTime()) return 'time-budget';
    const open = page
      .map((p) => p.value)
      .filter((s): s is OrderState & { linnworksOrderId: string } =>
        Boolean(s.linnworksOrderId && !s.cancellation),
      );
    if (open.length === 0) continue;
    for (const { record: state, lw: f, order } of await withBothOrders(run, open, printFlags)) {
      const ref = { lwOrderId: state.linnworksOrderId, numOrderId: f.NumOrderId };
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
  await saveCursor(run, 'progress', { at: run.now().toISOString() });

  return 'done';
};
