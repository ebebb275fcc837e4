import { RateBudgetSpentError, SlidingWindowRateBudget } from '../../src/linnworks/rate-budget';
import { unlimitedRateBudget } from '../../testing/rate-budget';

function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];

  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;

      return Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('SlidingWindowRateBudget', () => {
  it('when calls stay within the documented limit, then none waits', async () => {
    const clock = fakeClock();
    const budget = new SlidingWindowRateBudget({ clock });

    for (let i = 0; i < 150; i++) await budget.acquire('Orders/CreateOrders');

    expect(clock.sleeps).toEqual([]);
    expect(budget.used('Orders/CreateOrders')).toBe(150);
  });

  it('when the 151st CreateOrders call comes in the same minute, then it waits until the oldest call is a minute old', async () => {
    const clock = fakeClock();
    const budget = new SlidingWindowRateBudget({ clock });
    await budget.acquire('Orders/CreateOrders');
    clock.advance(10_000);
    for (let i = 0; i < 149; i++) await budget.acquire('Orders/CreateOrders');

    await budget.acquire('Orders/CreateOrders');

    expect(clock.sleeps).toEqual([50_000]);
  });

  it('when endpoints have different documented limits, then each gets its own per-minute figure', () => {
    const budget = new SlidingWindowRateBudget({ clock: fakeClock() });

    expect(budget.limitFor('Orders/CreateOrders')).toBe(150);
    expect(budget.limitFor('Orders/GetOrdersById')).toBe(250);
    expect(budget.limitFor('Stock/GetStockLevel_Batch')).toBe(250);
    expect(budget.limitFor('Stock/GetStockItemsFull')).toBe(150);
    expect(budget.limitFor('ProcessedOrders/GetPackageSplit')).toBe(150);
  });

  it('when one endpoint is exhausted, then another endpoint is not slowed', async () => {
    const clock = fakeClock();
    const budget = new SlidingWindowRateBudget({ clock, limits: { 'Orders/CreateOrders': 2 } });
    await budget.acquire('Orders/CreateOrders');
    await budget.acquire('Orders/CreateOrders');

    await budget.acquire('Orders/GetOrdersById');

    expect(clock.sleeps).toEqual([]);
  });

  it('when a limit override is given, then it replaces the documented figure', async () => {
    const clock = fakeClock();
    const budget = new SlidingWindowRateBudget({
      clock,
      limits: { 'Inventory/GetStockLocations': 1 },
    });
    await budget.acquire('Inventory/GetStockLocations');

    await budget.acquire('Inventory/GetStockLocations');

    expect(clock.sleeps).toEqual([60_000]);
  });

  it('when the next free slot is further away than the caller may wait, then it is refused at once and takes no slot', async () => {
    const clock = fakeClock();
    const budget = new SlidingWindowRateBudget({ clock, limits: { 'Orders/CreateOrders': 2 } });
    await budget.acquire('Orders/CreateOrders');
    await budget.acquire('Orders/CreateOrders');

    await expect(
      budget.acquire('Orders/CreateOrders', { maxWaitMs: 2_000 }),
    ).rejects.toBeInstanceOf(RateBudgetSpentError);
    expect(clock.sleeps).toEqual([]);
    expect(budget.used('Orders/CreateOrders')).toBe(2);
    clock.advance(59_000);
    await budget.acquire('Orders/CreateOrders', { maxWaitMs: 2_000 });
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('when callers queue for a full window, then each gets the next slot in turn', async () => {
    let now = 0;
    const sleeps: number[] = [];
    // Sleeps do not move the clock: the callers queue at the same instant.
    const clock = { now: () => now, sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()) };
    const budget = new SlidingWindowRateBudget({ clock, limits: { 'Orders/CreateOrders': 2 } });
    await budget.acquire('Orders/CreateOrders');
    now = 10_000;
    await budget.acquire('Orders/CreateOrders');

    await budget.acquire('Orders/CreateOrders');
    await budget.acquire('Orders/CreateOrders');
    await expect(
      budget.acquire('Orders/CreateOrders', { maxWaitMs: 60_000 }),
    ).rejects.toBeInstanceOf(RateBudgetSpentError);

    expect(sleeps).toEqual([50_000, 60_000]);
  });

  it('when several callers wait at once, then no more than the limit is admitted in any minute', async () => {
    let now = 1_000_000;
    const timers: { at: number; wake: () => void }[] = [];
    const clock = {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    };
    const budget = new SlidingWindowRateBudget({ clock, limits: { X: 3 } });
    const admitted: number[] = [];

    const all = Promise.all(
      Array.from({ length: 7 }, () => budget.acquire('X').then(() => admitted.push(now))),
    );
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) break;
      now = Math.max(now, next.at);
      next.wake();
    }
    await all;

    expect(admitted).toHaveLength(7);
    expect(admitted.slice(0, 3)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    for (let i = 0; i + 3 < admitted.length; i++) {
      expect((admitted[i + 3] ?? 0) - (admitted[i] ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('when the budget is unlimited, then it admits at once', async () => {
    await expect(unlimitedRateBudget.acquire('anything')).resolves.toBeUndefined();
  });
});
