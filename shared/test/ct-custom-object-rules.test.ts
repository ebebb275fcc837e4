import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

import { ctTestConfig, ctTestUrl } from 'shared/testing';

import { createCtApi } from '../src/commercetools/client';
import { CtStateStore } from '../src/state/ct-state-store';
import { InMemoryStateStore } from '../testing/stand-ins/in-memory-state-store';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCtMock, stopCtMock } = require('../testing/ct-mock-process.cjs') as {
  startCtMock(o: { cwd?: string; env?: Record<string, string> }): Promise<{
    child: ChildProcess;
    url: string;
  }>;
  stopCtMock(child: ChildProcess): Promise<void>;
};

/** Raw HTTP against the test server, so the rule is seen exactly as commercetools answers. */
function rawClient(url: string) {
  const project = ctTestConfig().projectKey;
  let token: string | undefined;
  const auth = async () => {
    token ??= (
      (await (
        await fetch(`${url}/oauth/token?grant_type=client_credentials`, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from('c:s').toString('base64')}` },
        })
      ).json()) as { access_token: string }
    ).access_token;

    return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  };

  return {
    async post(draft: Record<string, unknown>) {
      const res = await fetch(`${url}/${project}/custom-objects`, {
        method: 'POST',
        headers: await auth(),
        body: JSON.stringify({ container: 'c', key: 'k', value: { n: 1 }, ...draft }),
      });

      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async get() {
      const res = await fetch(`${url}/${project}/custom-objects/c/k`, { headers: await auth() });

      return res.status;
    },
  };
}

const storeOn = (url: string) =>
  new CtStateStore(
    createCtApi({ ...ctTestConfig(), apiUrl: url, authUrl: url }, { maxRetries: 0 }),
  );

describe('the test server’s custom-object version rule (commercetools-connect.md §11)', () => {
  it('when a draft’s version does not match the existing object, version 0 included, then 409 ConcurrentModification', async () => {
    const ct = rawClient(ctTestUrl());
    expect((await ct.post({})).status).toBe(201);
    for (const version of [0, 2, 7]) {
      const res = await ct.post({ version, value: { n: version } });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        errors: [{ code: 'ConcurrentModification', currentVersion: 1 }],
      });
    }
    const matching = await ct.post({ version: 1, value: { n: 2 } });
    expect(matching.body.version).toBe(2);
    const unversioned = await ct.post({ value: { n: 3 } });
    expect(unversioned.body.version).toBe(3);
  });

  it('when a draft carries a version for an object that does not exist, then by default it is refused (400) and nothing is created', async () => {
    const ct = rawClient(ctTestUrl());
    for (const version of [0, 1]) {
      const res = await ct.post({ version });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errors: [{ code: 'InvalidOperation' }] });
    }
    expect(await ct.get()).toBe(404);
  });

  it('when the server takes the other reading (CT_MOCK_VERSIONED_CREATE=accept-zero), then version 0 creates once and 409s after', async () => {
    const server = await startCtMock({
      cwd: path.join(__dirname, '..'),
      env: { CT_MOCK_VERSIONED_CREATE: 'accept-zero' },
    });
    try {
      const ct = rawClient(server.url);
      expect((await ct.post({ version: 0 })).status).toBe(201);
      expect((await ct.post({ version: 0 })).status).toBe(409);
    } finally {
      await stopCtMock(server.child);
    }
  });
});

describe('StateStore.create: only if absent, under both readings', () => {
  it('when versioned creates are refused, then a missing object is reported unsupported and not written; an existing one, exists', async () => {
    const store = storeOn(ctTestUrl());
    await expect(store.create('c', 'k', { a: 1 })).resolves.toEqual({ outcome: 'unsupported' });
    await expect(store.get('c', 'k')).resolves.toBeUndefined();
    await store.put('c', 'k', { a: 1 });
    await expect(store.create('c', 'k', { a: 2 })).resolves.toEqual({ outcome: 'exists' });
    await expect(store.get('c', 'k')).resolves.toMatchObject({ value: { a: 1 }, version: 1 });
  });

  it('when version 0 creates, then the first create wins and the second leaves it alone', async () => {
    const server = await startCtMock({
      cwd: path.join(__dirname, '..'),
      env: { CT_MOCK_VERSIONED_CREATE: 'accept-zero' },
    });
    try {
      const store = storeOn(server.url);
      await expect(store.create('c', 'k', { a: 1 })).resolves.toMatchObject({
        outcome: 'created',
        object: { version: 1, value: { a: 1 } },
      });
      await expect(store.create('c', 'k', { a: 2 })).resolves.toEqual({ outcome: 'exists' });
      await expect(store.get('c', 'k')).resolves.toMatchObject({ value: { a: 1 } });
    } finally {
      await stopCtMock(server.child);
    }
  });

  it('when the in-memory fake is asked, then it creates once and reports exists after', async () => {
    const store = new InMemoryStateStore();
    await expect(store.create('c', 'k', 1)).resolves.toMatchObject({ outcome: 'created' });
    await expect(store.create('c', 'k', 2)).resolves.toEqual({ outcome: 'exists' });
  });
});
