import { ctTestUrl } from 'shared/testing';

import { type CtFront, startCtFront, writeKey } from '../../src/stack/ct-front';

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
        body: JSON.stringify({ container: 'c', key: 'k', value: { a: 1 }, version: 0 }),
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
