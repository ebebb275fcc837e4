import {
  FailureQueue,
  type FailureRecord,
  type FlowReplayer,
  type Logger,
  runWithContext,
} from 'shared';
import { captureLogger, InMemoryStateStore } from 'shared/testing';

import { createReplayRegistry } from '../src/replay/replay-registry';
import {
  createReplayUseCase,
  REPLAY_CONCURRENCY,
  type ReplayDeps,
} from '../src/replay/replay.use-case';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts replays running at once, overall and per resource. */
function overlapProbe() {
  const running = new Map<string, number>();
  let now = 0;
  const probe = { max: 0, sameResourceOverlaps: [] as string[], stockMax: 0 };
  const enter = (key: string) => {
    const n = (running.get(key) ?? 0) + 1;
    running.set(key, n);
    if (n > 1) probe.sameResourceOverlaps.push(key);
    now += 1;
    probe.max = Math.max(probe.max, now);
  };
  const leave = (key: string) => {
    running.set(key, (running.get(key) ?? 1) - 1);
    now -= 1;
  };

  return { probe, enter, leave };
}

function world(replayers: Record<string, FlowReplayer>, extra: Partial<ReplayDeps> = {}) {
  const failures = new FailureQueue(new InMemoryStateStore());
  const logs = captureLogger();
  const logger: Logger = logs.logger;
  const replay = createReplayUseCase({
    failures,
    registry: createReplayRegistry(replayers),
    logger,
    ...extra,
  });
  const record = (flow: string, id: string, type = 'order') =>
    failures.record({
      flow,
      reasonCode: 'SKU_UNKNOWN',
      message: 'bad',
      retryable: false,
      ref: { type, id },
      correlationId: `orig-${type}-${id}`,
    });

  return { failures, logs, replay, record };
}

describe('replay concurrency', () => {
  it('when many orders are replayed, then up to REPLAY_CONCURRENCY run at once and the answers keep the request order', async () => {
    const { probe, enter, leave } = overlapProbe();
    const t = world({
      'order-sync': async (f: FailureRecord) => {
        enter(f.ref.id);
        // Later items finish first: the answer must still follow the request.
        await tick(40 - Number(f.ref.id.slice(1)));
        leave(f.ref.id);

        return Number(f.ref.id.slice(1)) % 7 === 3
          ? { outcome: 'still-failing', reasonCode: 'SKU_UNKNOWN', message: 'no sku' }
          : { outcome: 'resolved' };
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await t.record('order-sync', `o${i}`)).id);
    const res = await t.replay({ ids: [...ids, 'missing'], dryRun: false, limit: 50 });
    expect(probe.max).toBe(REPLAY_CONCURRENCY);
    expect(res.items.map((i) => i.id)).toEqual([...ids, 'missing']);
    expect(res.items.map((i) => i.outcome)).toEqual([
      ...ids.map((_, i) => (i % 7 === 3 ? 'still-failing' : 'resolved')),
      'not-found',
    ]);
    expect(res.counts).toEqual({ resolved: 34, 'still-failing': 6, 'not-found': 1 });
    expect((await t.failures.get(ids[0]!))?.status).toBe('resolved');
    expect(await t.failures.get(ids[3]!)).toMatchObject({ status: 'pending', attempts: 2 });
  });

  it("when one order's failures are replayed together, then they never overlap, while other orders run beside them", async () => {
    const { probe, enter, leave } = overlapProbe();
    const stock = { running: 0, max: 0 };
    const t = world({
      'order-sync': async (f: FailureRecord) => {
        enter(f.ref.id);
        await tick(5);
        leave(f.ref.id);

        return { outcome: 'resolved' };
      },
      'stock-sync': async () => {
        stock.running += 1;
        stock.max = Math.max(stock.max, stock.running);
        await tick(5);
        stock.running -= 1;

        return { outcome: 'resolved' };
      },
    });
    const order = await t.record('order-sync', 'same');
    const refund = await t.record('order-sync', 'same', 'order-refund');
    const other = await t.record('order-sync', 'other');
    const pages = [];
    for (let i = 0; i < 4; i++) pages.push(await t.record('stock-sync', `p${i}`, 'stock-page'));
    // The same id twice, the order's refunds, another order and stock-sync's failures.
    const ids = [order.id, order.id, refund.id, other.id, ...pages.map((p) => p.id)];
    const res = await t.replay({ ids, dryRun: false, limit: 50 });
    expect(res.items.map((i) => i.outcome)).toEqual(ids.map(() => 'resolved'));
    expect(probe.sameResourceOverlaps).toEqual([]);
    expect(probe.max).toBe(2);
    // Non-order flows' replayers stay one at a time.
    expect(stock.max).toBe(1);
  });

  it('when the time budget is used up, then no further item starts: the rest are not-attempted and unknown ids still not-found', async () => {
    let clock = 0;
    const started: string[] = [];
    const t = world(
      {
        'order-sync': async (f: FailureRecord) => {
          started.push(f.ref.id);
          await tick(1);
          clock += 130_000;

          return { outcome: 'resolved' };
        },
      },
      { concurrency: 2, now: () => clock },
    );
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.record('order-sync', `o${i}`)).id);
    const res = await t.replay({ ids: [...ids, 'missing'], dryRun: false, limit: 50 });
    expect(started).toEqual(['o0', 'o1']);
    expect(res.items.map((i) => i.outcome)).toEqual([
      'resolved',
      'resolved',
      'not-attempted',
      'not-attempted',
      'not-attempted',
      'not-found',
    ]);
    expect(await t.failures.get(ids[2]!)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('when replays interleave, then every log line carries its own item’s correlation IDs and the request’s', async () => {
    const t = world({
      'order-sync': async (f: FailureRecord) => {
        for (let step = 0; step < 3; step++) {
          await tick(Math.random() * 5);
          t.logs.logger.info({ step, ref: f.ref.id }, 'replay step');
        }

        return { outcome: 'resolved' };
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await t.record('order-sync', `o${i}`)).id);
    const res = await runWithContext({ correlationId: 'the-request' }, () =>
      t.replay({ ids, dryRun: true, limit: 50 }),
    );
    expect(res.counts).toEqual({ 'would-replay': 10 });
    const steps = t.logs.lines().filter((l) => l.message === 'replay step');
    expect(steps).toHaveLength(30);
    for (const line of steps) {
      const item = res.items.find((i) => i.originalCorrelationId === `orig-order-${line.ref}`);
      expect(line).toMatchObject({
        correlationId: item?.correlationId,
        originalCorrelationId: `orig-order-${line.ref}`,
        replayRequestId: 'the-request',
      });
    }
    expect(new Set(res.items.map((i) => i.correlationId)).size).toBe(10);
  });
});
