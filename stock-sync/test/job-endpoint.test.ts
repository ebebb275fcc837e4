import { type JobRunRequest, type StockSyncReport, ValidationError } from 'shared';
import { captureLogger } from 'shared/testing';
import request from 'supertest';

import { createApp } from '../src/app';

function report(over: Partial<StockSyncReport> = {}): StockSyncReport {
  return {
    flow: 'stock-sync',
    status: 'completed',
    dryRun: false,
    startedAt: '2026-11-26T10:00:00.000Z',
    finishedAt: '2026-11-26T10:00:01.000Z',
    durationMs: 1000,
    counts: {} as StockSyncReport['counts'],
    unknownSkus: [],
    unmappedLocations: [],
    ...over,
  };
}

function appWith(run: (r: JobRunRequest) => Promise<StockSyncReport>) {
  const seen: JobRunRequest[] = [];
  const log = captureLogger();
  const app = createApp({
    logger: log.logger,
    run: async (r) => {
      seen.push(r);

      return run(r);
    },
  });

  return { app, seen, log };
}

describe('POST /job', () => {
  it('when the cron triggers a run, then the run executes once and its report is returned and logged', async () => {
    const { app, seen, log } = appWith(async () => report());

    const res = await request(app).post('/job');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ flow: 'stock-sync', status: 'completed' });
    expect(seen).toEqual([{ dryRun: undefined }]);
    expect(log.lines().some((l) => l.message === 'stock-sync run completed')).toBe(true);
  });

  it('when the request asks for ?dryRun=true, then the run is a dry run even if config says otherwise', async () => {
    const { app, seen } = appWith(async (r) => report({ dryRun: r.dryRun ?? false }));

    const res = await request(app).post('/job?dryRun=true');

    expect(res.body.dryRun).toBe(true);
    expect(seen).toEqual([{ dryRun: true }]);
  });

  it('when another run holds the lock, then the answer is 200 with a report saying so', async () => {
    const { app } = appWith(async () => report({ status: 'skipped', reason: 'lock-held' }));

    const res = await request(app).post('/job');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'skipped', reason: 'lock-held' });
  });

  it('when the mapping names a missing supply channel, then the run fails with 500 and the message', async () => {
    const { app } = appWith(async () => {
      throw new ValidationError('STOCK_MAPPING_INVALID', 'supply channel "wh-x" does not exist');
    });

    const res = await request(app).post('/job');

    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ error: 'STOCK_MAPPING_INVALID' });
    expect(res.body.message).toContain('"wh-x"');
  });
});
