/**
 * Runs units of work a few at a time (sync-admin's replays, the order backstop), so that order
 * creations running side by side can share CreateOrders batches, while bounding what is in
 * flight at once (calls waiting for rate budget, commercetools requests).
 */

/** What became of one item: run (its value), or never started (`mayStart` said no). */
export type BoundedRun<R> = { started: true; value: R } | { started: false };

export interface BoundedRunOptions<T> {
  /** Most items running at once (at least 1). */
  limit: number;
  /**
   * Items with the same key never run at the same time: each waits until the one before it (in
   * the items' order) has ended. `undefined`: no such constraint.
   */
  keyOf?: (item: T) => string | undefined;
  /**
   * Asked when an item has its turn, just before it would start; `false`: it is not started
   * (e.g. a time budget is used up). Items are offered their turn in the items' order, except
   * that an item waiting for an earlier item of its key lets later items go first.
   */
  mayStart?: () => boolean;
}

/** First come, first served slots. */
function slots(limit: number) {
  let free = Math.max(1, Math.floor(limit));
  const waiting: Array<() => void> = [];

  return {
    async acquire(): Promise<void> {
      if (free > 0) {
        free -= 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/**
 * Runs `run` for every item, at most `options.limit` at once, and answers each item's outcome in
 * the items' order. Every item is waited for, even when one fails; then the first failure (in
 * the items' order) is thrown. Each run starts in the caller's async context (a run that sets its
 * own, e.g. `runWithContext`, keeps it to itself).
 */
export async function runBounded<T, R>(
  items: readonly T[],
  options: BoundedRunOptions<T>,
  run: (item: T, index: number) => Promise<R>,
): Promise<BoundedRun<R>[]> {
  const gate = slots(options.limit);
  const tails = new Map<string, Promise<unknown>>();
  const runs = items.map((item, index) => {
    const key = options.keyOf?.(item);
    const before = key === undefined ? undefined : tails.get(key);
    const result = (async (): Promise<BoundedRun<R>> => {
      if (before) await before;
      await gate.acquire();
      try {
        if (options.mayStart && !options.mayStart()) return { started: false };

        return { started: true, value: await run(item, index) };
      } finally {
        gate.release();
      }
    })();
    if (key !== undefined) {
      tails.set(
        key,
        result.then(
          () => undefined,
          () => undefined,
        ),
      );
    }

    return result;
  });
  const settled = await Promise.allSettled(runs);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;

  return settled.map((s) => (s as PromiseFulfilledResult<BoundedRun<R>>).value);
}
