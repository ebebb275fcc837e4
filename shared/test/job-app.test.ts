import {
  type Alert,
  createConnectorAlerts,
  type JobRunReport,
  RetryableUpstreamError,
} from '../src/index';
import { captureLogger, InMemoryStateStore } from 'shared/testing';
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

describe('POST /job with alerts', () => {
  const settings = {
    webhookUrl: undefined,
    format: 'json' as const,
    secret: undefined,
    minIntervalMs: 3_600_000,
    failureQueueThreshold: 100,
    jobLateMs: 1_800_000,
    deployment: 'shop',
    adminUrl: undefined,
  };

  it('when a run fails and the webhook is down, then the answer is still the run failure and the next failing run delivers the alert', async () => {
    const delivered: Alert[] = [];
    let webhookUp = false;
    const alerts = createConnectorAlerts(
      {
        ct: undefined as never,
        logger: captureLogger().logger,
        store: new InMemoryStateStore(),
        deliver: async (alert) => {
          if (!webhookUp) throw new Error('webhook down');
          delivered.push(alert);
        },
      },
      settings,
    );
    const app = createJobApp({
      flow: 'fulfillment-sync',
      logger: captureLogger().logger,
      alerts,
      run: async () => {
        throw new RetryableUpstreamError('LINNWORKS_UNAVAILABLE', 'down');
      },
    });
    expect((await request(app).post('/job')).status).toBe(503);
    expect(delivered).toEqual([]);
    webhookUp = true;
    expect((await request(app).post('/job')).status).toBe(503);
    expect(delivered).toEqual([
      expect.objectContaining({
        status: 'firing',
        kind: 'job-failed',
        flow: 'fulfillment-sync',
        reasonCode: 'LINNWORKS_UNAVAILABLE',
      }),
    ]);
  });
});
