import { ctTestUrl } from 'shared/testing';

import { type CtFront, startCtFront, writeKey } from '../../src/stack/ct-front';
import { scopeGate } from '../../src/stack/ct-scope-gate';

const connector = { clientId: 'connector', clientSecret: 'connector-secret' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function token(front: CtFront, scope: string): Promise<string> {
  const res = await fetch(
    `${front.url}/oauth/token?grant_type=client_credentials&scope=${encodeURIComponent(scope)}`,
    {
      method: 'POST',
      headers: { authorization: basic('operator', 'x') },
    },
  );

  return ((await res.json()) as { access_token: string }).access_token;
}

async function introspect(
  front: CtFront,
  tokenValue: string,
  auth = basic(connector.clientId, connector.clientSecret),
) {
  const res = await fetch(`${front.url}/oauth/introspect`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${encodeURIComponent(tokenValue)}`,
  });

  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('ct front (introspection and faults in front of the commercetools test server)', () => {
  let front: CtFront;

  beforeAll(async () => {
    front = await startCtFront({ upstream: ctTestUrl(), port: 0, introspectors: [connector] });
  });
  afterAll(() => front.close());

  it('when a token issued through the front is introspected by the connector, then it is active with its scope until revoked', async () => {
    const t = await token(front, 'manage_orders:shop-a');

    expect((await introspect(front, t)).body).toMatchObject({
      active: true,
      scope: 'manage_orders:shop-a',
      client_id: 'operator',
    });
    front.revoke(t);
    expect((await introspect(front, t)).body).toEqual({ active: false });
    expect((await introspect(front, 'never-issued')).body).toEqual({ active: false });
  });

  it('when another client introspects, then it is refused with 401', async () => {
    const t = await token(front, 'manage_orders:shop-a');

    expect((await introspect(front, t, basic('someone', 'else'))).status).toBe(401);
  });

  it('when a 409 fault matches a write, then that write gets a ConcurrentModification body and is counted, others pass through', async () => {
    const t = await token(front, 'manage_project:shop-b');
    front.injectFault({ match: /^POST \/shop-b\/custom-objects/, status: 409, times: 1 });
    const post = () =>
      fetch(`${front.url}/shop-b/custom-objects`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ container: 'c', key: 'k', value: { a: 1 } }),
      });

    const first = await post();
    const body = (await first.json()) as { errors: Array<{ code: string }> };
    expect(first.status).toBe(409);
    expect(body.errors[0]?.code).toBe('ConcurrentModification');
    expect((await post()).status).toBe(201);
    expect(front.stats().faulted[409]).toBe(1);
    expect(front.writes()['POST custom-objects']).toBe(1);
  });

  it('when a write URL is keyed, then the project and ids are dropped', () => {
    expect(writeKey('POST', '/p/inventory/abc?expand=x')).toBe('POST inventory/:id');
    expect(writeKey('POST', '/p/inventory')).toBe('POST inventory');
  });
});

describe('ct front with commercetools scope rules', () => {
  let front: CtFront;
  const get = async (path: string, scope: string) => {
    const res = await fetch(`${front.url}${path}`, {
      headers: { authorization: `Bearer ${await token(front, scope)}` },
    });

    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    front = await startCtFront({
      upstream: ctTestUrl(),
      port: 0,
      introspectors: [connector],
      enforceScopes: true,
    });
  });
  afterAll(() => front.close());

  it('when a client asks for its scopes in the form body (as the SDK does), then the token carries them', async () => {
    const res = await fetch(`${front.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: basic('operator', 'x'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=view_orders:shop-s manage_states:shop-s',
    });
    const issued = (await res.json()) as { access_token: string; scope: string };
    expect(issued.scope).toBe('view_orders:shop-s manage_states:shop-s');
    expect((await introspect(front, issued.access_token)).body).toMatchObject({
      scope: 'view_orders:shop-s manage_states:shop-s',
    });
  });

  it('when the token lacks the endpoint’s scope, then 403 insufficient_scope names the scopes that would do', async () => {
    const denied = await get('/shop-s/inventory', 'manage_orders:shop-s');
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      error: 'insufficient_scope',
      message: 'Insufficient scope. One of the following scopes is missing: view_products',
    });
    expect((await get('/shop-s/inventory', 'manage_products:shop-s')).status).toBe(200);
  });

  it('when a manage scope is granted, then its view scope is too; manage_project grants all; another project’s scopes none', async () => {
    expect((await get('/shop-s/states', 'manage_states:shop-s')).status).toBe(200);
    expect((await get('/shop-s/states', 'manage_project:shop-s')).status).toBe(200);
    expect((await get('/shop-s/states', 'manage_states:shop-t')).status).toBe(403);
    expect((await get('/shop-s/states', 'view_orders:shop-s')).status).toBe(403);
  });

  it('when a subscription is read, then only manage_subscriptions will do (commercetools has no view scope for it)', async () => {
    expect((await get('/shop-s/subscriptions', 'manage_orders:shop-s')).status).toBe(403);
    expect((await get('/shop-s/subscriptions', 'manage_subscriptions:shop-s')).status).toBe(200);
  });

  it('when an endpoint accepts an older, broader scope as well, then that scope is enough too', async () => {
    expect((await get('/shop-s/channels', 'view_products:shop-s')).status).toBe(200);
    expect((await get('/shop-s/channels', 'view_channels:shop-s')).status).toBe(200);
    expect((await get('/shop-s/custom-objects/c', 'manage_orders:shop-s')).status).toBe(200);
    expect(
      (await get('/shop-s/product-projections?staged=true', 'view_published_products:shop-s'))
        .status,
    ).toBe(403);
  });

  it('when an order read expands payments the token may not view, then the payments come back unexpanded', () => {
    const scopes: Record<string, string> = {
      a: 'view_orders:p',
      b: 'view_orders:p manage_payments:p',
    };
    const gate = scopeGate((t) => scopes[t]);
    const order = {
      id: 'o',
      paymentInfo: { payments: [{ typeId: 'payment', id: 'pay', obj: { id: 'pay' } }] },
    };
    const body = Buffer.from(JSON.stringify({ results: [order] }));
    const url = '/p/orders?expand=paymentInfo.payments%5B*%5D';
    const seen = (t: string) =>
      (JSON.parse(gate.filter('GET', url, t, body).toString()) as { results: [typeof order] })
        .results[0].paymentInfo.payments[0];
    expect(seen('a')).toEqual({ typeId: 'payment', id: 'pay' });
    expect(seen('b')).toEqual(order.paymentInfo.payments[0]);
    expect(gate.filter('GET', '/p/orders/o', 'a', body)).toBe(body);
  });
});
