import { PermanentUpstreamError, RetryableUpstreamError } from '../src/errors/errors';
import { backoffDelay, retry } from '../src/errors/retry';
import { parseRetryAfter } from '../src/errors/retry-after';

const noSleep = { sleep: async () => undefined, random: () => 1 };

describe('retry', () => {
  it('when a call fails with retryable errors, then it is retried until it succeeds', async () => {
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 3) throw new RetryableUpstreamError('X', 'busy');

        return 'ok';
      },
      { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 100, ...noSleep },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('when the error is permanent, then it is not retried', async () => {
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new PermanentUpstreamError('BAD', 'rejected');
        },
        { maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 100, ...noSleep },
      ),
    ).rejects.toBeInstanceOf(PermanentUpstreamError);
    expect(calls).toBe(1);
  });

  it('when attempts run out, then the last error surfaces unchanged', async () => {
    const delays: number[] = [];
    await expect(
      retry(async () => Promise.reject(new RetryableUpstreamError('BUSY', 'busy')), {
        maxAttempts: 4,
        baseDelayMs: 100,
        maxDelayMs: 250,
        sleep: async (ms) => void delays.push(ms),
        random: () => 1,
      }),
    ).rejects.toMatchObject({ code: 'BUSY' });
    expect(delays).toEqual([100, 200, 250]);
  });

  it('when the upstream sent Retry-After, then the wait is at least that long', () => {
    const error = new RetryableUpstreamError('RATE', 'slow down', {}, { retryAfterMs: 7000 });
    expect(backoffDelay(1, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 }, error)).toBe(
      7000,
    );
  });

  it('when Retry-After is seconds or a date, then both parse to milliseconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
