import { loadConfig as fulfillmentConfig } from 'fulfillment-sync';
import { ensureConnectorResources, loadConfig as orderSyncConfig } from 'order-sync';
import {
  APP_SCOPES,
  CONNECTOR_APPS,
  CONNECTOR_SCOPES,
  createCtApi,
  ensureFulfillmentStates,
  ensureSubscription,
  ORDER_MESSAGE_TYPES,
  removeSubscription,
  scopeParameter,
} from 'shared';
import { ctTestUrl } from 'shared/testing';
import { ctScopeSource, ctScopesCheck } from 'sync-admin';

import { type CtFront, startCtFront } from '../../src/stack/ct-front';
import { connectorEnv, SANDBOX_CT_CLIENT } from '../../src/stack/stack-env';

const PROJECT = 'stack-scopes';

/** The environment the local stack gives every app, pointed at an enforcing front. */
function stackEnv(front: CtFront, scope?: string): Record<string, string> {
  const env = connectorEnv({
    projectKey: PROJECT,
    ctApiUrl: front.url,
    ctAuthUrl: front.url,
    ctClient: SANDBOX_CT_CLIENT,
    linnworks: {
      authUrl: 'http://127.0.0.1:1',
      applicationId: 'app-id-0000',
      applicationSecret: 'app-secret-0000',
      installationToken: 'install-token-0000',
    },
  });

  return scope === undefined ? env : { ...env, CTP_SCOPE: scope };
}

/** What the lifecycle scripts do after a deploy and before an undeploy, with the apps' token. */
async function lifecycle(env: Record<string, string>): Promise<void> {
  const order = orderSyncConfig(env);
  const api = createCtApi(order.ct, { maxRetries: 0 });
  await ensureSubscription(api, {
    key: order.subscriptionKey,
    destination: { type: 'GoogleCloudPubSub', projectId: 'local', topic: 'order-sync' },
    messages: [{ resourceTypeId: 'order', types: [...ORDER_MESSAGE_TYPES] }],
  });
  await ensureConnectorResources(api);
  await ensureFulfillmentStates(api, fulfillmentConfig(env).settings);
  await removeSubscription(api, order.subscriptionKey);
}

describe('the local stack’s connector token (through the front’s scope rules)', () => {
  let front: CtFront;

  beforeAll(async () => {
    front = await startCtFront({
      upstream: ctTestUrl(),
      port: 0,
      introspectors: [SANDBOX_CT_CLIENT],
      enforceScopes: true,
    });
  });
  afterAll(() => front.close());

  it('when the apps ask for the stack’s CTP_SCOPE, then it is the documented list and every app’s scope check is up', async () => {
    const env = stackEnv(front);
    expect(env.CTP_SCOPE).toBe(scopeParameter(CONNECTOR_SCOPES, PROJECT));
    const source = ctScopeSource(orderSyncConfig(env).ct);
    for (const app of CONNECTOR_APPS) {
      await expect(ctScopesCheck(app, APP_SCOPES[app], PROJECT, source)()).resolves.toMatchObject({
        name: `commercetools scopes: ${app}`,
        status: 'UP',
      });
    }
  });

  it('when the lifecycle scripts run with that token, then commercetools’ scope rules let every call through', async () => {
    await expect(lifecycle(stackEnv(front))).resolves.toBeUndefined();
  });

  it.each(['manage_subscriptions', 'manage_states'])(
    'when %s is left out of the token, then the lifecycle scripts fail with 403 and status names it',
    async (gone) => {
      const scope = scopeParameter(
        CONNECTOR_SCOPES.filter((s) => s !== gone),
        PROJECT,
      );
      await expect(lifecycle(stackEnv(front, scope))).rejects.toMatchObject({
        details: { status: 403 },
      });
      const source = ctScopeSource(orderSyncConfig(stackEnv(front, scope)).ct);
      const checks = await Promise.all(
        CONNECTOR_APPS.map((app) => ctScopesCheck(app, APP_SCOPES[app], PROJECT, source)()),
      );
      expect(checks.flatMap((c) => (c.details?.missing as string[] | undefined) ?? [])).toContain(
        gone,
      );
    },
  );

  it('when manage_channels is left out but manage_products is held, then channel calls still pass (commercetools accepts either) and status still names manage_channels', async () => {
    const scope = scopeParameter(
      CONNECTOR_SCOPES.filter((s) => s !== 'manage_channels'),
      PROJECT,
    );
    await expect(lifecycle(stackEnv(front, scope))).resolves.toBeUndefined();
    const source = ctScopeSource(orderSyncConfig(stackEnv(front, scope)).ct);
    await expect(
      ctScopesCheck('order-sync', APP_SCOPES['order-sync'], PROJECT, source)(),
    ).resolves.toMatchObject({ status: 'DOWN', details: { missing: ['manage_channels'] } });
  });
});
