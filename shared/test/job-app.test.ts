import { type JobRunReport, RetryableUpstreamError } from '../src/index';
import { captureLogger } from 'shared/testing';
import request from 'supertest';

import { createJobApp } from '../src/http/job-app';

const report = (dryRun: boolean): JobRunReport => ({
  flow: 'stock-sync',
  status: 'completed',
  dryRun,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  durationMs: 1000,
  counts: { written: 0 },
});

describe('POST /job', () => {
  it('when the cron triggers a run, then the report comes back with a correlation ID', async () => {
    const app = createJobApp({
      flow: 'stock-sync',
      logger: captureLogger().logger,
      run: async (r) => report(r.dryRun ?? false),
    });
    const res = await request(app).post('/job');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ flow: 'stock-sync', status: 'completed', dryRun: false });
    expect(typeof res.body.correlationId).toBe('string');
  });

  it('when asked for a dry run, then the run is told so', async () => {
    const app = createJobApp({
      flow: 'stock-sync',
      logger: captureLogger().logger,
      run: async (r) => report(r.dryRun ?? false),
    });
    expect((await request(app).post('/job?dryRun=true')).body.dryRun).toBe(true);
  });

  it('when the run fails retryably, then the answer is 503 with the reason', async () => {
    const app = createJobApp({
      flow: 'stock-sync',
      logger: captureLogger().logger,
      run: async () => {
        throw new RetryableUpstreamError('LINNWORKS_UNAVAILABLE', 'Linnworks is down');
      },
    });
    const res = await request(app).post('/job');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'failed', error: 'LINNWORKS_UNAVAILABLE' });
  });
});
