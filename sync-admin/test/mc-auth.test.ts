import { createMcKeySet, type JwksServer, signMcToken, startJwksServer } from 'shared/testing';
import request from 'supertest';

import { adminAuthMiddleware } from '../src/auth/admin-auth.middleware';
import type { MerchantCenterAuthOptions } from '../src/auth/mc-forward-to';
import { freePortUrl } from './support/free-port-url';
import { startIntrospectionStandIn } from 'shared/testing';
import { testApp } from './support/test-app';

const PROJECT = 'shop-eu';
const PUBLIC_URL = 'https://sync-admin.example.test';
const connector = { clientId: 'connector-id', clientSecret: 'connector-secret' };
const keys = createMcKeySet('mc-key-1');

/** The order panel's routes, with the permission each needs. */
const panelRoutes: Array<[string, string, string, object | undefined]> = [
  ['GET', '/service/orders/by-id/order-1', 'view', undefined],
  ['GET', '/service/failures/order-sync.order.order-1', 'view', undefined],
  ['POST', '/service/replay', 'manage', { ids: ['order-sync.order.order-1'], dryRun: true }],
  [
    'POST',
    '/service/failures/order-sync.order.order-1/discard',
    'manage',
    { reason: 'cancelled by the customer after shipping' },
  ],
];

describe('admin authentication with Merchant Center forward-to tokens', () => {
  let jwks: JwksServer;
  let idp: Awaited<ReturnType<typeof startIntrospectionStandIn>>;

  beforeAll(async () => {
    jwks = await startJwksServer(keys);
    idp = await startIntrospectionStandIn({
      ...connector,
      scope: `introspect_oauth_tokens:${PROJECT}`,
    });
  });
  afterAll(async () => {
    await jwks.close();
    await idp.close();
  });

  function appWith(mc: Partial<MerchantCenterAuthOptions> = {}) {
    const logger = testApp().logs.logger;

    return testApp({
      auth: adminAuthMiddleware({
        projectKey: PROJECT,
        ...connector,
        authUrl: idp.url,
        requiredScope: 'manage_orders',
        logger,
        timeoutMs: 2000,
        merchantCenter: { issuer: jwks.url, audience: PUBLIC_URL, projectKey: PROJECT, ...mc },
      }),
    });
  }

  /** A token as the MC API would sign it for this request, with overrides for probes. */
  function token(path: string, over: Partial<Parameters<typeof signMcToken>[1]> = {}) {
    return signMcToken(keys, {
      issuer: jwks.url,
      audience: `${PUBLIC_URL}${path}`,
      projectKey: PROJECT,
      permissions: ['view', 'manage'],
      ...over,
    });
  }

  function call(app: ReturnType<typeof testApp>, method: string, path: string, body?: object) {
    const agent = request(app.app);
    const req = method === 'GET' ? agent.get(path) : agent.post(path).send(body ?? {});

    return req.set('X-MC-API-Forward-To-Version', 'v2').set('X-MC-API-Cloud-Identifier', 'gcp-eu');
  }

  it.each(panelRoutes)(
    'when a Merchant Center user with view and manage calls %s %s, then the route answers',
    async (method, path, _needs, body) => {
      const res = await call(appWith(), method, path, body).set(
        'Authorization',
        `Bearer ${token(path)}`,
      );
      expect([401, 403, 503]).not.toContain(res.status);
    },
  );

  const probes: Array<[string, (path: string) => string, number]> = [
    [
      'a token signed with another key (forged)',
      (p) =>
        signMcToken(createMcKeySet('mc-key-1'), {
          issuer: jwks.url,
          audience: `${PUBLIC_URL}${p}`,
          projectKey: PROJECT,
          permissions: ['manage'],
        }),
      401,
    ],
    ['an expired token', (p) => token(p, { expiresInSeconds: -30 }), 401],
    [
      'a token for another URL (wrong audience)',
      (p) => token(p, { audience: `https://elsewhere.example.test${p}` }),
      401,
    ],
    [
      'a token for another path of this host',
      (p) => token(p, { audience: `${PUBLIC_URL}/service/status` }),
      401,
    ],
    [
      'a token from another issuer',
      (p) => token(p, { issuer: 'https://mc-api.example.test' }),
      401,
    ],
    [
      'a token with alg none',
      (p) =>
        `${token(p, { header: { alg: 'none' } })
          .split('.')
          .slice(0, 2)
          .join('.')}.`,
      401,
    ],
    ['a token of another project', (p) => token(p, { projectKey: 'other-project' }), 403],
    ['a token without permissions', (p) => token(p, { permissions: undefined }), 403],
    [
      "a token whose permissions are not the view's",
      (p) => token(p, { permissions: ['viewOrders'] }),
      403,
    ],
  ];

  describe.each(panelRoutes)('%s %s', (method, path, _needs, body) => {
    it.each(probes)(
      'when the caller sends %s, then it is refused without detail',
      async (_c, make, status) => {
        const res = await call(appWith(), method, path, body).set(
          'Authorization',
          `Bearer ${make(path)}`,
        );
        expect(res.status).toBe(status);
        expect(Object.keys(res.body).sort()).toEqual(['correlationId', 'error']);
      },
    );
  });

  it.each(panelRoutes.filter(([, , needs]) => needs === 'manage'))(
    'when a view-only user calls %s %s, then it is forbidden (manage is needed)',
    async (method, path, _needs, body) => {
      const res = await call(appWith(), method, path, body).set(
        'Authorization',
        `Bearer ${token(path, { permissions: ['view'] })}`,
      );
      expect(res.status).toBe(403);
    },
  );

  it.each([
    ['GET', '/service/status'],
    ['GET', '/service/failures'],
    ['POST', '/service/reconcile'],
  ])(
    'when a Merchant Center user calls %s %s (not the panel), then it is forbidden',
    async (method, path) => {
      const res = await call(appWith(), method, path, { stock: {} }).set(
        'Authorization',
        `Bearer ${token(path)}`,
      );
      expect(res.status).toBe(403);
    },
  );

  it('when the forwarded headers of the MC API are missing, then the token is refused', async () => {
    const path = '/service/orders/by-id/order-1';
    const res = await request(appWith().app)
      .get(path)
      .set('Authorization', `Bearer ${token(path)}`);
    expect(res.status).toBe(401);
  });

  it("when the issuer's key set cannot be read, then the caller gets 503, not access", async () => {
    const path = '/service/orders/by-id/order-1';
    const issuer = await freePortUrl();
    const res = await call(appWith({ issuer }), 'GET', path).set(
      'Authorization',
      `Bearer ${token(path, { issuer })}`,
    );
    expect(res.status).toBe(503);
  });

  it('when Merchant Center tokens are not configured, then a valid one is refused (401)', async () => {
    const path = '/service/orders/by-id/order-1';
    const plain = testApp({
      auth: adminAuthMiddleware({
        projectKey: PROJECT,
        ...connector,
        authUrl: idp.url,
        requiredScope: 'manage_orders',
        logger: testApp().logs.logger,
      }),
    });
    const res = await call(plain, 'GET', path).set('Authorization', `Bearer ${token(path)}`);
    expect(res.status).toBe(401);
  });

  it('when a Merchant Center user discards a failure, then the record names that user', async () => {
    const app = appWith();
    await app.failures.record({
      flow: 'order-sync',
      reasonCode: 'ORDER_CANCELLED_AFTER_SHIPPING',
      message: 'cancelled after shipping',
      retryable: false,
      ref: { type: 'order', id: 'order-1' },
    });
    const path = '/service/failures/order-sync.order.order-1/discard';
    const res = await call(app, 'POST', path, { reason: 'refunded by hand' }).set(
      'Authorization',
      `Bearer ${token(path, { userId: 'mc-user-42' })}`,
    );
    expect(res.status).toBe(200);
    expect(await app.failures.get('order-sync.order.order-1')).toMatchObject({
      status: 'discarded',
      resolution: 'refunded by hand',
      resolvedBy: 'mc-user:mc-user-42',
    });
  });
});
