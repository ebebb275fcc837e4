import { InstanceMembership } from '../../src/clients/instance-membership';
import {
  COUNTED_FOR_MS,
  fixedInstances,
  HEARTBEAT_MS,
  type InstanceGate,
  JOIN_WAIT_MS,
  STALE_AFTER_MS,
} from '../../src/linnworks/instance-share';
import { RateBudgetSpentError, SlidingWindowRateBudget } from '../../src/linnworks/rate-budget';
import { createLogger } from '../../src/logging/logger';
import { InMemoryStateStore } from '../../testing/stand-ins/in-memory-state-store';

const logger = createLogger({ name: 'instance-share-test', level: 'silent' });

function fakeClock(start = 1_000_000) {
  const clock = {
    at: start,
    now: () => clock.at,
    sleep: (ms: number) => {
      clock.at += ms;

      return Promise.resolve();
    },
  };

  return clock;
}

function member(store: InMemoryStateStore, clock: { now: () => number }, id: string) {
  return new InstanceMembership({
    store,
    app: 'order-sync',
    logger,
    now: clock.now,
    instanceId: id,
  });
}

describe('instances of one app splitting its Linnworks share', () => {
  it('when an instance starts alone, then it may call at once with the whole share', async () => {
    const clock = fakeClock();
    const a = member(new InMemoryStateStore(), clock, 'a');

    await a.beat();

    expect(a.divisor()).toBe(1);
    expect(a.readyAt(clock.now())).toBeLessThanOrEqual(clock.now());
  });

  it('when a second instance joins, then it waits out the join time and both keep to half the share', async () => {
    const clock = fakeClock();
    const store = new InMemoryStateStore();
    const a = member(store, clock, 'a');
    const b = member(store, clock, 'b');
    await a.beat();
    clock.at += 3_000;

    await b.beat();

    expect(b.readyAt(clock.now())).toBe(clock.now() + JOIN_WAIT_MS);
    expect(b.divisor()).toBe(2);
    expect(a.divisor()).toBe(1);
    clock.at += HEARTBEAT_MS;
    await a.beat();
    expect(a.divisor()).toBe(2);
  });

  it('when an instance stops beating, then the others count it until its calls have left the window', async () => {
    const clock = fakeClock();
    const store = new InMemoryStateStore();
    const a = member(store, clock, 'a');
    const b = member(store, clock, 'b');
    await a.beat();
    await b.beat();

    clock.at += COUNTED_FOR_MS;
    await a.beat();
    expect(a.divisor()).toBe(2);
    clock.at += 1;
    await a.beat();
    expect(a.divisor()).toBe(1);
  });

  it('when an instance has not read the others for a while, then it makes no call until it has', async () => {
    const clock = fakeClock();
    const a = member(new InMemoryStateStore(), clock, 'a');
    await a.beat();

    clock.at += STALE_AFTER_MS + 1;

    expect(a.readyAt(clock.now())).toBe(Infinity);
    await a.beat();
    expect(a.readyAt(clock.now())).toBeLessThanOrEqual(clock.now());
  });

  it('when the heartbeat write fails, then the instance is not ready and nothing throws', async () => {
    const clock = fakeClock();
    const store = new InMemoryStateStore();
    store.put = () => Promise.reject(new Error('commercetools down'));
    const a = member(store, clock, 'a');

    await a.beat();

    expect(a.readyAt(clock.now())).toBe(Infinity);
  });
});

describe('the rate budget of one instance among several', () => {
  function gate(divisor: number, readyAt: number): InstanceGate {
    return { divisor: () => divisor, readyAt: () => readyAt, known: Promise.resolve() };
  }

  it('when the app runs as 3 instances, then each keeps to a third of the share', () => {
    const budget = new SlidingWindowRateBudget({
      limits: { 'Orders/CreateOrders': 131 },
      instances: fixedInstances(3),
    });

    expect(budget.limitFor('Orders/CreateOrders')).toBe(43);
  });

  it('when the instance may not call yet, then a caller that cannot wait so long is refused without taking a slot', async () => {
    const clock = fakeClock();
    const budget = new SlidingWindowRateBudget({ clock, instances: gate(2, clock.at + 60_000) });

    await expect(
      budget.acquire('Orders/CreateOrders', { maxWaitMs: 2_000 }),
    ).rejects.toBeInstanceOf(RateBudgetSpentError);
    expect(budget.used('Orders/CreateOrders')).toBe(0);
  });

  it('when the instance may not call yet, then a caller that waits goes once it may', async () => {
    const clock = fakeClock();
    const readyAt = clock.at + 5_500;
    const budget = new SlidingWindowRateBudget({ clock, instances: gate(1, readyAt) });

    await budget.acquire('Orders/CreateOrders');

    expect(clock.at).toBeGreaterThanOrEqual(readyAt);
    expect(budget.used('Orders/CreateOrders')).toBe(1);
  });

  it('when a newcomer halves the part, then calls wait until the window holds no more than the new part', async () => {
    const clock = fakeClock();
    let divisor = 1;
    const instances: InstanceGate = {
      divisor: () => divisor,
      readyAt: () => 0,
      known: Promise.resolve(),
    };
    const budget = new SlidingWindowRateBudget({
      clock,
      limits: { 'Orders/CreateOrders': 10 },
      instances,
    });
    for (let i = 0; i < 10; i++) {
      await budget.acquire('Orders/CreateOrders');
      clock.at += 1_000;
    }
    divisor = 2;

    const before = clock.at;
    await budget.acquire('Orders/CreateOrders');

    // Calls 0..5 (at +0..+5 s) must leave the window first: the 6th call (+5 s) leaves at +65 s.
    expect(clock.at).toBe(1_000_000 + 5_000 + 60_000);
    expect(clock.at).toBeGreaterThan(before);
  });
});
