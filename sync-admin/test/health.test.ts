import { captureLogger } from 'shared/testing';
import request from 'supertest';

import { createApp } from '../src/app';

describe('GET /service/health', () => {
  it('when called without credentials, then it answers ok (liveness needs no auth)', async () => {
    const res = await request(createApp({ logger: captureLogger().logger })).get('/service/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
