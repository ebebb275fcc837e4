import { createMcKeySet, type JwksServer, startJwksServer } from 'shared/testing';
import request from 'supertest';

import { adminAuthMiddleware } from '../src/auth/admin-auth.middleware';
import { type IntrospectionStandIn, startIntrospectionStandIn } from 'shared/testing';
import { testApp } from './support/test-app';

const PROJECT = 'shop-eu';
const connector = { clientId: 'connector-id', clientSecret: 'connector-secret' };

const routes: Array<[string, (agent: request.Agent | ReturnType<typeof request>) => request.Test]> =
  [
    ['GET /status', (r) => (r as ReturnType<typeof request>).get('/service/status')],
    ['GET /failures', (r) => (r as ReturnType<typeof request>).get('/service/failures')],
    ['GET /failures/:id', (r) => (r as ReturnType<typeof request>).get('/service/failures/x')],
    [
      'POST /replay',
      (r) => (r as ReturnType<typeof request>).post('/service/replay').send({ all: true }),
    ],
    [
      'POST /reconcile',
      (r) => (r as ReturnType<typeof request>).post('/service/reconcile').send({ stock: {} }),
    ],
    [
      'GET /orders/by-id/:id',
      (r) => (r as ReturnType<typeof request>).get('/service/orders/by-id/o-1'),
    ],
    [
      'POST /failures/:id/discard',
      (r) =>
        (r as ReturnType<typeof request>)
          .post('/service/failures/x/discard')
          .send({ reason: 'will never succeed' }),
    ],
  ];

describe('admin authentication (token introspection)', () => {
  let idp: IntrospectionStandIn;
  let jwks: JwksServer;
  let app: ReturnType<typeof testApp>;

  beforeAll(async () => {
    idp = await startIntrospectionStandIn({
      ...connector,
      scope: `introspect_oauth_tokens:${PROJECT} manage_orders:${PROJECT}`,
    });
    // Merchant Center tokens are accepted too: every probe below must hold all the same.
    jwks = await startJwksServer(createMcKeySet());
  });
  afterAll(async () => {
    await idp.close();
    await jwks.close();
  });
  beforeEach(() => {
    app = testApp({
      auth: adminAuthMiddleware({
        projectKey: PROJECT,
        ...connector,
        authUrl: idp.url,
        requiredScope: 'manage_orders',
        logger: testApp().logs.logger,
        timeoutMs: 2000,
        merchantCenter: {
          issuer: jwks.url,
          audience: 'https://sync-admin.example.test',
          projectKey: PROJECT,
        },
      }),
    });
  });

  const refusals: Array<[string, () => string | undefined, number]> = [
    ['no Authorization header', () => undefined, 401],
    ['a malformed header (Basic)', () => 'Basic abc', 401],
    ['a malformed header (Bearer without token)', () => 'Bearer', 401],
    ['an unknown token', () => 'Bearer not-a-token', 401],
    [
      'a revoked (inactive) token',
      () => {
        const t = idp.issue(`manage_orders:${PROJECT}`);
        idp.revoke(t);

        return `Bearer ${t}`;
      },
      401,
    ],
    [
      'an expired token',
      () => `Bearer ${idp.issue(`manage_orders:${PROJECT}`, { expiresInSeconds: -5 })}`,
      401,
    ],
    ['an under-scoped token', () => `Bearer ${idp.issue(`view_orders:${PROJECT}`)}`, 403],
    ['a token of another project', () => `Bearer ${idp.issue('manage_orders:other-project')}`, 403],
    [
      'a customer token of this project',
      () => `Bearer ${idp.issue(`manage_orders:${PROJECT} customer_id:c-1`)}`,
      403,
    ],
  ];

  describe.each(routes)('%s', (_name, call) => {
    it.each(refusals)(
      'when the caller sends %s, then it is refused without detail',
      async (_case, header, status) => {
        const req = call(request(app.app));
        const value = header();
        const res = await (value ? req.set('Authorization', value) : req);
        expect(res.status).toBe(status);
        expect(Object.keys(res.body).sort()).toEqual(['correlationId', 'error']);
        expect(res.body.error).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      },
    );

    it('when the token is active and carries the scope for this project, then the route answers', async () => {
      const res = await call(request(app.app)).set(
        'Authorization',
        `Bearer ${idp.issue(`manage_orders:${PROJECT}`)}`,
      );
      expect([401, 403, 503]).not.toContain(res.status);
    });
  });

  it('when the token carries manage_project for this project, then it is accepted', async () => {
    const res = await request(app.app)
      .get('/service/failures')
      .set('Authorization', `Bearer ${idp.issue(`manage_project:${PROJECT}`)}`);
    expect(res.status).toBe(200);
  });

  it('when /health is called, then introspection is not asked at all', async () => {
    const before = idp.calls();
    expect((await request(app.app).get('/service/health')).status).toBe(200);
    expect(idp.calls()).toBe(before);
  });

  it('when introspection fails upstream, then the caller gets 503 and the token is not trusted', async () => {
    idp.failWith(500);
    try {
      const res = await request(app.app)
        .get('/service/failures')
        .set('Authorization', `Bearer ${idp.issue(`manage_orders:${PROJECT}`)}`);
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('unavailable');
    } finally {
      idp.failWith(undefined);
    }
  });

  it('when the connector client lacks introspect_oauth_tokens, then nobody gets in (503, not 200)', async () => {
    const weak = await startIntrospectionStandIn({
      ...connector,
      scope: `manage_orders:${PROJECT}`,
    });
    try {
      const guarded = testApp({
        auth: adminAuthMiddleware({
          projectKey: PROJECT,
          ...connector,
          authUrl: weak.url,
          requiredScope: 'manage_orders',
          logger: testApp().logs.logger,
        }),
      });
      const res = await request(guarded.app)
        .get('/service/failures')
        .set('Authorization', `Bearer ${weak.issue(`manage_orders:${PROJECT}`)}`);
      expect(res.status).toBe(503);
    } finally {
      await weak.close();
    }
  });

  it('when a request is refused, then the log names the reason but never the token', async () => {
    const capture = testApp().logs;
    const guarded = testApp({
      auth: adminAuthMiddleware({
        projectKey: PROJECT,
        ...connector,
        authUrl: idp.url,
        requiredScope: 'manage_orders',
        logger: capture.logger,
      }),
    });
    const token = idp.issue('manage_orders:other-project');
    await request(guarded.app).get('/service/failures').set('Authorization', `Bearer ${token}`);
    expect(capture.text()).toContain('scope-or-project');
    expect(capture.text()).not.toContain(token);
    expect(capture.text()).not.toContain(connector.clientSecret);
  });
});
