import type * as CtServer from '../../src/stack/ct-server';

// Jest would resolve `ct-server` to the server script (.mjs) beside the module: name the module.
const { startCtServer } = jest.requireActual<typeof CtServer>('../../src/stack/ct-server.ts');

describe('the sandbox’s commercetools test server', () => {
  it('when it runs, then it applies the same real-API rules as the tests’ server (a stale custom-object version is a 409)', async () => {
    const server = await startCtServer(0);
    try {
      const token = (
        (await (
          await fetch(`${server.url}/oauth/token?grant_type=client_credentials`, {
            method: 'POST',
            headers: { authorization: `Basic ${Buffer.from('c:s').toString('base64')}` },
          })
        ).json()) as { access_token: string }
      ).access_token;
      const post = (draft: object) =>
        fetch(`${server.url}/sbx/custom-objects`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ container: 'c', key: 'k', value: { a: 1 }, ...draft }),
        });
      expect((await post({})).status).toBe(201);
      expect((await post({ version: 0 })).status).toBe(409);
    } finally {
      await server.close();
    }
  });
});
