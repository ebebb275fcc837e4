import request from 'supertest';

import { testApp } from './support/test-app';

describe('GET /service/health', () => {
  it('when called without credentials, then it answers ok (liveness needs no auth)', async () => {
    const refuseAll = testApp({
      auth: (_req, res) => void res.status(401).json({ error: 'unauthorized' }),
    });
    const res = await request(refuseAll.app).get('/service/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when a route does not exist, then it answers 404 after authentication', async () => {
    const res = await request(testApp().app).get('/service/nope');
    expect(res.status).toBe(404);
  });
});
