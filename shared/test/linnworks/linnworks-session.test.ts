import { LinnworksSession } from '../../src/linnworks/linnworks-session';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });

  return { promise, resolve };
}

describe('LinnworksSession', () => {
  it('when asked twice, then it authorises once and reuses the token', async () => {
    const authorize = jest
      .fn()
      .mockResolvedValue({ token: 't1', server: 'https://eu-ext.linnworks.net' });
    const session = new LinnworksSession({ authorize });

    await session.get();
    const second = await session.get();

    expect(second).toEqual({ token: 't1', server: 'https://eu-ext.linnworks.net' });
    expect(authorize).toHaveBeenCalledTimes(1);
  });

  it('when many callers ask before the first authorisation finishes, then they share it', async () => {
    const pending = deferred<{ token: string; server: string }>();
    const authorize = jest.fn().mockReturnValue(pending.promise);
    const session = new LinnworksSession({ authorize });

    const all = Promise.all([session.get(), session.get(), session.get()]);
    pending.resolve({ token: 't1', server: 's' });

    expect((await all).map((s) => s.token)).toEqual(['t1', 't1', 't1']);
    expect(authorize).toHaveBeenCalledTimes(1);
  });

  it('when concurrent 401s report the same refused token, then exactly one re-authorisation happens', async () => {
    const authorize = jest
      .fn()
      .mockResolvedValueOnce({ token: 't1', server: 's' })
      .mockResolvedValueOnce({ token: 't2', server: 's' });
    const session = new LinnworksSession({ authorize });
    await session.get();

    const fresh = await Promise.all([
      session.reauthorize('t1'),
      session.reauthorize('t1'),
      session.reauthorize('t1'),
    ]);

    expect(fresh.map((s) => s.token)).toEqual(['t2', 't2', 't2']);
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('when a 401 arrives for a token that was already replaced, then the newer token is returned without authorising', async () => {
    const authorize = jest
      .fn()
      .mockResolvedValueOnce({ token: 't1', server: 's' })
      .mockResolvedValueOnce({ token: 't2', server: 's' });
    const session = new LinnworksSession({ authorize });
    await session.get();
    await session.reauthorize('t1');

    const late = await session.reauthorize('t1');

    expect(late.token).toBe('t2');
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('when the session has been idle past the refresh time, then it re-authorises before the next call', async () => {
    let now = 0;
    const authorize = jest
      .fn()
      .mockResolvedValueOnce({ token: 't1', server: 's' })
      .mockResolvedValueOnce({ token: 't2', server: 's' });
    const session = new LinnworksSession({ authorize, now: () => now, idleRefreshMs: 15 * 60_000 });
    await session.get();
    now += 14 * 60_000;
    await session.get();
    now += 14 * 60_000;

    expect((await session.get()).token).toBe('t1');
    now += 15 * 60_000;
    expect((await session.get()).token).toBe('t2');
  });

  it('when authorisation fails, then the failure reaches every waiting caller and the next call tries again', async () => {
    const authorize = jest
      .fn()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce({ token: 't1', server: 's' });
    const session = new LinnworksSession({ authorize });

    await expect(Promise.all([session.get(), session.get()])).rejects.toThrow('down');
    await expect(session.get()).resolves.toEqual({ token: 't1', server: 's' });
    expect(authorize).toHaveBeenCalledTimes(2);
  });
});
