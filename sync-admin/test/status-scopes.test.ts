import { APP_SCOPES, CONNECTOR_APPS, CONNECTOR_SCOPES, PermanentUpstreamError } from 'shared';
import { captureLogger } from 'shared/testing';
import request from 'supertest';

import { coalesced, type CtScopeSource } from '../src/status/ct-token-source';
import { ctCredentialsCheck, ctScopesCheck } from '../src/status/status-checks';
import { createStatusService } from '../src/status/status.service';
import { testApp } from './support/test-app';

const P = 'shop';
/** A token source answering with these scopes, each for project `P` unless already suffixed. */
const tokenWith =
  (scopes: readonly string[]): CtScopeSource =>
  async () => ({ scope: scopes.map((s) => (s.includes(':') ? s : `${s}:${P}`)).join(' ') });
const without = (scopes: readonly string[], gone: string) => scopes.filter((s) => s !== gone);

/** sync-admin's status route with the checks wiring.ts builds from the token's scopes. */
function statusApp(source: CtScopeSource) {
  const checks = [
    ctCredentialsCheck(source),
    ...CONNECTOR_APPS.map((app) => ctScopesCheck(app, APP_SCOPES[app], P, source)),
  ];

  return testApp({ status: createStatusService({ checks, logger: captureLogger().logger }) }).app;
}

describe.each(CONNECTOR_APPS)('the scope check of %s', (app) => {
  const required = APP_SCOPES[app];

  it('when the client holds exactly the documented scopes, then the check is up', async () => {
    await expect(ctScopesCheck(app, required, P, tokenWith(required))()).resolves.toMatchObject({
      status: 'UP',
    });
  });

  it.each(required)(
    'when %s is removed, then the check is down and names exactly it',
    async (gone) => {
      const result = await ctScopesCheck(app, required, P, tokenWith(without(required, gone)))();
      expect(result).toMatchObject({
        status: 'DOWN',
        critical: false,
        message: `missing scopes: ${gone}`,
        details: { missing: [gone] },
      });
    },
  );
});

describe('what counts as holding a scope', () => {
  const viewScopes = [...new Set(Object.values(APP_SCOPES).flat())].filter((s) =>
    s.startsWith('view_'),
  );

  it.each(viewScopes)(
    'when %s is required and its manage scope is granted, then it is held',
    async (view) => {
      const manage = view.replace(/^view_/, 'manage_');
      await expect(ctScopesCheck('x', [view], P, tokenWith([manage]))()).resolves.toMatchObject({
        status: 'UP',
      });
    },
  );

  it('when manage_project is granted, then every app is up; a view scope never stands in for manage', async () => {
    for (const app of CONNECTOR_APPS) {
      const check = ctScopesCheck(app, APP_SCOPES[app], P, tokenWith(['manage_project']));
      await expect(check()).resolves.toMatchObject({ status: 'UP' });
    }
    await expect(
      ctScopesCheck('x', ['manage_orders'], P, tokenWith(['view_orders']))(),
    ).resolves.toMatchObject({ status: 'DOWN', details: { missing: ['manage_orders'] } });
  });

  it('when the scopes are for another project or one store only, then they do not count', async () => {
    const other = CONNECTOR_SCOPES.map((s) => `${s}:other-shop`);
    const storeOnly = ['manage_orders:shop:uk-store', `manage_project:other-shop`];
    for (const granted of [other, storeOnly]) {
      const result = await ctScopesCheck('x', ['manage_orders'], P, tokenWith(granted))();
      expect(result).toMatchObject({ status: 'DOWN', details: { missing: ['manage_orders'] } });
    }
  });

  it('when the token cannot be had, then the check is down with the error code, never thrown', async () => {
    const failing: CtScopeSource = async () => {
      throw new PermanentUpstreamError('CT_AUTH_REFUSED', 'commercetools auth answered 401');
    };
    await expect(ctScopesCheck('x', ['manage_orders'], P, failing)()).resolves.toMatchObject({
      status: 'DOWN',
      message: 'the token scopes could not be read',
      details: { error: 'CT_AUTH_REFUSED' },
    });
  });
});

describe('GET /service/status and the connector client’s scopes', () => {
  it('when the client holds the documented list, then every scope check is up and status is ok', async () => {
    const res = await request(statusApp(tokenWith(CONNECTOR_SCOPES))).get('/service/status');
    expect([res.status, res.body.status]).toEqual([200, 'ok']);
  });

  it.each(CONNECTOR_SCOPES)(
    'when %s is removed, then status is degraded and names it',
    async (gone) => {
      const res = await request(statusApp(tokenWith(without(CONNECTOR_SCOPES, gone)))).get(
        '/service/status',
      );
      expect([res.status, res.body.status]).toEqual([200, 'degraded']);
      const down = (res.body.checks as Array<{ status: string; details?: { missing?: string[] } }>)
        .filter((c) => c.status === 'DOWN')
        .flatMap((c) => c.details?.missing ?? []);
      // The apps that need it name it; an app needing only the view scope it covered names that.
      expect(down).toContain(gone);
      for (const name of down) expect([gone, gone.replace(/^manage_/, 'view_')]).toContain(name);
    },
  );

  it('when the checks run together, then the token is asked for once', async () => {
    let calls = 0;
    const source = coalesced(async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));

      return { scope: `manage_project:${P}` };
    });
    const res = await request(statusApp(source)).get('/service/status');
    expect(res.body.status).toBe('ok');
    expect(calls).toBe(1);
  });
});
