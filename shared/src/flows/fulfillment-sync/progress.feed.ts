import { ORDER_STATE_CONTAINER, type OrderState } from '../order-sync/order-state';
import type { Feed, FeedRun } from './feed-runner';
import { saveCursor } from './feed-runner';
import { applyToOrder } from './fulfillment-context';
import { planProgress } from './progress.mapper';

/**
 * Progress of open orders: the order-state records of orders order-sync created (and nobody
 * cancelled) are swept in batches of 100; one GetOrdersById and one order query per batch, an
 * update only when a flag moved the order forward.
 */
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
    const flags = await run.deps.linnworks.getOrderPrintFlags({
      orderIds: open.map((s) => s.linnworksOrderId),
    });
    const orders = await run.deps.ct.getOrders(open.map((s) => s.ctOrderId));
    for (const state of open) {
      const f = flags.find((x) => x.OrderId === state.linnworksOrderId);
      const order = orders.find((o) => o.id === state.ctOrderId);
      if (!f || !order) continue;
      const ref = { lwOrderId: state.linnworksOrderId, numOrderId: f.NumOrderId };
      const outcome = await applyToOrder(run, 'progress', ref, order, (o) =>
        planProgress(o, f, rules, run.stateIds),
      );
      run.counts.add(`progress.${outcome}`);
    }
  }
  await saveCursor(run, 'progress', { at: run.now().toISOString() });

  return 'done';
};
