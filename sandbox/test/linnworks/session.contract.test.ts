import { PermanentUpstreamError, runWithContext } from 'shared';

import { type Harness, startHarness } from './emulator-harness';

describe('Linnworks client session against the emulator', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when the first call is made, then it authorises once, uses the returned Server and sends the raw token with the correlation ID', async () => {
    await runWithContext({ correlationId: 'corr-123' }, () => h.client.getStockLocations());
    await h.client.getStockLocations();

    const calls = h.emulator.control.recentCalls();
    expect(calls.map((c) => c.endpoint)).toEqual([
      'Auth/AuthorizeByApplication',
      'Inventory/GetStockLocations',
      'Inventory/GetStockLocations',
    ]);
    expect(calls[0]?.authorization).toBeUndefined();
    expect(calls[1]?.authorization).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1]?.correlationId).toBe('corr-123');
    expect(calls[2]?.authorization).toBe(calls[1]?.authorization);
  });

  it('when the token is sent with a Bearer prefix, then Linnworks answers 401', async () => {
    const token = await h.sessionToken();
    const res = await h.raw('/api/Inventory/GetStockLocations', {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(res.status).toBe(401);
    expect(res.json).toEqual({ Message: 'Authorization has been denied for this request.' });
  });

  it('when the session expires, then concurrent callers share one re-authorisation and each retries once', async () => {
    await h.client.getStockLocations();
    h.emulator.control.expireSessions();
    h.emulator.control.resetCallCounts();

    await Promise.all(Array.from({ length: 5 }, () => h.client.getStockLocations()));

    expect(h.emulator.control.callCounts()).toEqual({
      'Auth/AuthorizeByApplication': 1,
      'Inventory/GetStockLocations': 10,
    });
  });

  it('when the session is idle longer than 20 minutes, then the emulator refuses it and the client re-authorises', async () => {
    let now = Date.parse('2025-05-01T12:00:00Z');
    const idle = await startHarness({ now: () => new Date(now) }, { idleRefreshMs: 60 * 60_000 });
    try {
      await idle.client.getStockLocations();
      now += 21 * 60_000;
      await idle.client.getStockLocations();

      expect(idle.emulator.control.callCounts()).toEqual({
        'Auth/AuthorizeByApplication': 2,
        'Inventory/GetStockLocations': 3,
      });
    } finally {
      await idle.emulator.close();
    }
  });

  it('when a call is refused with 401 even after re-authorising, then it fails permanently without a third attempt', async () => {
    h.emulator.control.injectFault({
      kind: 'status',
      status: 401,
      message: 'Authorization has been denied for this request.',
      endpoint: 'Inventory/GetStockLocations',
      times: 2,
    });

    const error = await h.client.getStockLocations().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PermanentUpstreamError);
    expect((error as PermanentUpstreamError).code).toBe('LINNWORKS_UNAUTHORIZED');
    expect(h.emulator.control.callCounts()).toEqual({
      'Auth/AuthorizeByApplication': 2,
      'Inventory/GetStockLocations': 2,
    });
  });

  it('when the installation token is wrong, then authorisation fails permanently and the error holds no secret', async () => {
    const client = h.makeClient({
      config: { ...h.config, installationToken: '00000000000000000000000000000000' },
    });

    const error = await client.getStockLocations().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PermanentUpstreamError);
    expect((error as Error).message).toContain('Auth/AuthorizeByApplication');
    expect((error as Error).message).not.toContain(h.config.applicationSecret);
    expect(h.emulator.control.callCounts()).toEqual({ 'Auth/AuthorizeByApplication': 1 });
  });

  it('when the token is given with dashes, then it is accepted like the 32-hex form', async () => {
    const t = h.config.installationToken;
    const dashed = `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`;
    const client = h.makeClient({ config: { ...h.config, installationToken: dashed } });

    await expect(client.getStockLocations()).resolves.toHaveLength(1);
  });
});
