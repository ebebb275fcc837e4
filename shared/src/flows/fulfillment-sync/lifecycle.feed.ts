import { close, compact } from '../order-sync/order-lifecycle.contract';
import type { StoredObject } from '../../state/state-store';
import { ORDER_STATE_CONTAINER, type OrderState } from '../order-sync/order-state.contract';
import type { Feed, FeedRun } from './feed-runner';
import { DEFAULT_ORDER_STATE_RETENTION } from './fulfillment-sync.settings';

const PAGE = 100;
const HOUR_MS = 3_600_000;

/**
 * Takes the first page of records matching `where`, applies `step` to each, and asks again from
 * the start (the records it changed leave the set, so offsets would skip), until none is left, a
 * page holds only records seen already (a step that could not move them), or time is up.
 */
async function drain(
  run: FeedRun,
  where: string,
  count: string,
  step: (record: StoredObject<OrderState>) => Promise<void>,
): Promise<'done' | 'time-budget'> {
  const seen = new Set<string>();
  for (;;) {
    if (run.outOfTime()) return 'time-budget';
    const page = await run.deps.store.query<OrderState>(ORDER_STATE_CONTAINER, {
      where,
      limit: PAGE,
    });
    const fresh = page.results.filter((r) => !seen.has(r.key));
    if (fresh.length === 0) return 'done';
    for (const record of fresh) {
      seen.add(record.key);
      run.counts.add(count);
      if (!run.dryRun) await step(record);
    }
    if (run.dryRun || page.results.length < PAGE) return 'done';
  }
}

/**
 * Closes and compacts order-state records; commercetools reads and writes only, no Linnworks
 * call. A `shipped` or `cancelled` record is closed once the late-tracking window (at least a
 * day) has passed since it last changed: no feed looks for it then but refunds, which find it by
 * Linnworks order id or reference. A closed record is compacted after the retention.
 */
export const lifecycleFeed: Feed = async (run: FeedRun) => {
  const { settings } = run.deps;
  const retention = settings.retention ?? DEFAULT_ORDER_STATE_RETENTION;
  const now = run.now();
  const repo = run.deps.links.repo;
  const closeBefore = new Date(now.getTime() - Math.max(24, settings.lateTrackingHours) * HOUR_MS);
  const closed = await drain(
    run,
    `value(status in ("shipped", "cancelled")) and lastModifiedAt < "${closeBefore.toISOString()}"`,
    'lifecycle.closed',
    (record) =>
      repo.update(record.value.ctOrderId, (current) => close(current, now)).then(() => {}),
  );
  if (closed === 'time-budget') return closed;
  const compactBefore = new Date(now.getTime() - retention.days * 24 * HOUR_MS);

  return drain(
    run,
    `value(status = "closed" and compactedAt is not defined) and lastModifiedAt < "${compactBefore.toISOString()}"`,
    retention.mode === 'delete' ? 'lifecycle.deleted' : 'lifecycle.compacted',
    async (record) => {
      if (retention.mode === 'delete')
        await run.deps.store.delete(ORDER_STATE_CONTAINER, record.key);
      else await repo.update(record.value.ctOrderId, (current) => compact(current, now));
    },
  );
};
