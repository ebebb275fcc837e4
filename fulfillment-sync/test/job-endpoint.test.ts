import { captureLogger } from 'shared/testing';
import request from 'supertest';

import { createApp } from '../src/app';

describe('POST /job', () => {
  it('when the cron triggers a run, then the run executes and its report names the flow', async () => {
    let runs = 0;
    const app = createApp({
      logger: captureLogger().logger,
      run: async (r) => {
        runs++;

        return {
          flow: 'fulfillment-sync',
          status: 'completed',
          dryRun: r.dryRun ?? false,
          startedAt: '',
          finishedAt: '',
          durationMs: 0,
          counts: {},
        };
      },
    });
    const res = await request(app).post('/job');
    expect(res.status).toBe(200);
    expect(res.body.flow).toBe('fulfillment-sync');
    expect(runs).toBe(1);
  });
});
