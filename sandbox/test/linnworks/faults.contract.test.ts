import { PermanentUpstreamError, RetryableUpstreamError, SlidingWindowRateBudget } from 'shared';

import { fakeClock, type Harness, startHarness } from './emulator-harness';

const LOCATIONS = 'Inventory/GetStockLocations';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

describe('Linnworks client error paths and faults against the emulator', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    await h.client.getStockLocations();
    h.emulator.control.resetCallCounts();
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when Linnworks answers 429 with Retry-After, then the client waits at least that long and succeeds', async () => {
    const clock = fakeClock();
    const client = h.makeClient({
      clock,
      rateBudget: undefined,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, random: () => 0 },
    });
    h.emulator.control.injectFault({
      kind: 'rate-limit',
      endpoint: LOCATIONS,
      retryAfterSeconds: 7,
      times: 1,
    });

    await expect(client.getStockLocations()).resolves.toHaveLength(1);

    expect(clock.sleeps).toContain(7_000);
  });

  it('when Linnworks keeps answering 429, then the client gives up with a retryable error carrying the quota message', async () => {
    h.emulator.control.injectFault({ kind: 'rate-limit', endpoint: LOCATIONS });

    const error = await failure(h.client.getStockLocations());

    expect(error).toBeInstanceOf(RetryableUpstreamError);
    expect((error as RetryableUpstreamError).code).toBe('LINNWORKS_RATE_LIMITED');
    expect((error as Error).message).toContain(
      'API calls quota exceeded! Maximum admitted 150 per Minute.',
    );
    expect(h.emulator.control.callCounts()[LOCATIONS]).toBe(3);
  });

  it('when a 5xx is followed by success, then the call succeeds after one retry', async () => {
    h.emulator.control.injectFault({ kind: 'status', status: 503, endpoint: LOCATIONS, times: 1 });

    await expect(h.client.getStockLocations()).resolves.toHaveLength(1);
    expect(h.emulator.control.callCounts()[LOCATIONS]).toBe(2);
  });

  it('when 5xx persists, then the client surfaces RetryableUpstreamError after its attempts', async () => {
    h.emulator.control.injectFault({ kind: 'status', status: 500, endpoint: LOCATIONS });

    const error = await failure(h.client.getStockLocations());

    expect(error).toBeInstanceOf(RetryableUpstreamError);
    expect((error as RetryableUpstreamError).code).toBe('LINNWORKS_UNAVAILABLE');
    expect(h.emulator.control.callCounts()[LOCATIONS]).toBe(3);
  });

  it('when Linnworks is slower than the timeout, then the call times out as retryable', async () => {
    const client = h.makeClient({
      timeoutMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    h.emulator.control.injectFault({ kind: 'latency', latencyMs: 400, endpoint: LOCATIONS });

    const error = await failure(client.getStockLocations());

    expect(error).toBeInstanceOf(RetryableUpstreamError);
    expect((error as RetryableUpstreamError).code).toBe('LINNWORKS_TIMEOUT');
  });

  it('when the connection is dropped, then the error is a retryable network failure', async () => {
    h.emulator.control.injectFault({ kind: 'drop', endpoint: LOCATIONS });

    const error = await failure(h.client.getStockLocations());

    expect(error).toBeInstanceOf(RetryableUpstreamError);
    expect((error as RetryableUpstreamError).code).toBe('LINNWORKS_NETWORK');
  });

  it("when Linnworks refuses a request with 400, then it fails permanently at once with Linnworks' message", async () => {
    const error = await failure(h.client.getOrderDetailsByReferenceId({ referenceId: '' }));

    expect(error).toBeInstanceOf(PermanentUpstreamError);
    expect((error as PermanentUpstreamError).code).toBe('LINNWORKS_REJECTED');
    expect((error as Error).message).toContain('The request is invalid.');
    expect(h.emulator.control.callCounts()['Orders/GetOrderDetailsByReferenceId']).toBe(1);
  });

  it('when the quota message comes on a non-429 status, then it is still treated as rate limiting', async () => {
    h.emulator.control.injectFault({
      kind: 'status',
      status: 400,
      message: 'API calls quota exceeded! Maximum admitted 150 per Minute.',
      endpoint: LOCATIONS,
      times: 1,
    });

    await expect(h.client.getStockLocations()).resolves.toHaveLength(1);
  });

  it('when the client runs without a budget past the documented limit, then the emulator answers 429 and the client retries', async () => {
    const clock = fakeClock();
    const limited = await startHarness({ now: clock.date }, { clock, rateBudget: undefined });
    try {
      const client = limited.makeClient({
        rateBudget: { acquire: () => Promise.resolve() },
        rateLimitFallbackMs: 60_000,
      });
      for (let i = 0; i < 150; i++) await client.getStockLocations();
      await client.getStockLocations();

      const counts = limited.emulator.control.callCounts();
      expect(counts[LOCATIONS]).toBe(152);
      expect(clock.sleeps.some((ms) => ms >= 60_000)).toBe(true);
    } finally {
      await limited.emulator.close();
    }
  });

  it('when the client uses its rate budget, then 400 calls in a burst never provoke a 429', async () => {
    const clock = fakeClock();
    const limited = await startHarness({ now: clock.date });
    try {
      const client = limited.makeClient({
        clock,
        rateBudget: new SlidingWindowRateBudget({ clock }),
      });
      for (let i = 0; i < 400; i++) await client.getStockLocations();

      expect(limited.emulator.control.callCounts()[LOCATIONS]).toBe(400);
      expect(clock.now() - Date.parse('2025-05-01T12:00:00Z')).toBeGreaterThanOrEqual(120_000);
    } finally {
      await limited.emulator.close();
    }
  });
});
