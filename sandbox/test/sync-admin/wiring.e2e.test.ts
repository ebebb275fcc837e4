import { randomUUID } from 'node:crypto';

import {
  type CtConfig,
  CtStateStore,
  FailureQueue,
  FULFILLMENT_SYNC_FLOW,
  fulfillmentFailureRef,
  createFulfillmentSync,
  InstanceMembership,
  LinnworksClient,
  ORDER_SYNC_FLOW,
  STOCK_SKUS_REF,
  STOCK_SYNC_FLOW,
} from 'shared';
import {
  captureLogger,
  ctTestApi,
  ctTestConfig,
  unlimitedRateBudget,
  type IntrospectionStandIn,
} from 'shared/testing';
import request from 'supertest';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';
import { buildSyncAdmin, startIntrospection, syncAdminEnv } from './sync-admin-world';

const STOCK_MAPPING = JSON.stringify({ locations: [{ location: 'Default', channel: 'wh-1' }] });

interface CheckView {
  name: string;
  status: 'UP' | 'DOWN';
  message?: string;
  details?: Record<string, unknown>;
}

describe('sync-admin wiring (commercetools test server, Linnworks emulator)', () => {
  let ct: CtConfig;
  let emulator: RunningLinnworksEmulator;
  let idp: IntrospectionStandIn;

  beforeAll(async () => {
    ct = ctTestConfig();
    emulator = await startLinnworksEmulator({ options: { rateLimits: false } });
    emulator.control.seedItems([{ sku: 'WIRE-1', stock: { Default: 4 } }]);
    idp = await startIntrospection(ct);
  });
  afterAll(async () => {
    await idp.close();
    await emulator.close();
  });

  it('when every flow is configured, then order-sync, stock-sync and fulfillment-sync failures each reach their own replayer', async () => {
    const failures = new FailureQueue(new CtStateStore(ctTestApi(ct)));
    const base = { message: 'seeded', retryable: false, correlationId: 'corr-seeded' };
    await failures.record({
      ...base,
      flow: ORDER_SYNC_FLOW,
      reasonCode: 'SKU_MISSING',
      ref: { type: 'order', id: randomUUID() },
    });
    await failures.record({
      ...base,
      flow: STOCK_SYNC_FLOW,
      reasonCode: 'CT_WRITE_FAILED',
      ref: { type: STOCK_SKUS_REF, id: 'page-0', page: 0, skus: 'WIRE-1' },
    });
    await failures.record({
      ...base,
      flow: FULFILLMENT_SYNC_FLOW,
      reasonCode: 'DELIVERY_REJECTED',
      ref: fulfillmentFailureRef('processed', { lwOrderId: randomUUID(), numOrderId: 7 }),
    });

    const admin = buildSyncAdmin(
      syncAdminEnv(ct, emulator, { STOCK_LOCATION_MAPPING: STOCK_MAPPING }),
      idp,
    );
    const res = await request(admin.app)
      .post('/service/replay')
      .set('Authorization', admin.bearer)
      .send({ all: true, dryRun: true });
    expect(res.status).toBe(200);
    const byFlow = Object.fromEntries(
      (res.body.items as Array<{ flow: string }>).map((item) => [item.flow, item]),
    );
    expect(Object.keys(byFlow).sort()).toEqual([
      FULFILLMENT_SYNC_FLOW,
      ORDER_SYNC_FLOW,
      STOCK_SYNC_FLOW,
    ]);
    expect(res.body.counts['no-replayer']).toBeUndefined();
    expect(res.body.counts.error).toBeUndefined();
    // The fulfillment replayer asked the emulator for the order and did not find it.
    expect(byFlow[FULFILLMENT_SYNC_FLOW]).toMatchObject({
      outcome: 'still-failing',
      reasonCode: 'LINNWORKS_ORDER_UNKNOWN',
    });
    expect(emulator.control.callCounts()['Orders/GetOrdersById']).toBeGreaterThan(0);

    // Without STOCK_LOCATION_MAPPING, stock-sync cannot replay; the others still can.
    const unmapped = buildSyncAdmin(syncAdminEnv(ct, emulator), idp);
    const partial = await request(unmapped.app)
      .post('/service/replay')
      .set('Authorization', unmapped.bearer)
      .send({ flow: STOCK_SYNC_FLOW, dryRun: true });
    expect(partial.body.items).toEqual([
      expect.objectContaining({ flow: STOCK_SYNC_FLOW, outcome: 'no-replayer' }),
    ]);
  });

  it('when fulfillment-sync has run, then /status reports its last run and lag next to stock-sync', async () => {
    const logs = captureLogger();
    const c = emulator.credentials;
    const linnworks = new LinnworksClient({
      config: { ...c, authUrl: emulator.authUrl },
      rateBudget: unlimitedRateBudget,
      logger: logs.logger,
    });
    const admin = buildSyncAdmin(syncAdminEnv(ct, emulator), idp);
    // fulfillment-sync's own job, with the flow settings sync-admin reads from the same keys.
    const fulfillmentSync = createFulfillmentSync(
      { ct: ctTestApi(ct), linnworks, logger: logs.logger },
      { ...admin.config.fulfillmentSync, job: { timeBudgetMs: 20_000 } },
    );
    const run = await fulfillmentSync.run({ dryRun: false });
    expect(run.status).toBe('completed');

    const res = await request(admin.app).get('/service/status').set('Authorization', admin.bearer);
    const checks = res.body.checks as CheckView[];
    const fulfillment = checks.find((check) => check.name === `last run: ${FULFILLMENT_SYNC_FLOW}`);
    expect(fulfillment).toMatchObject({
      status: 'UP',
      details: { status: 'completed', finishedAt: run.finishedAt, counts: run.counts },
    });
    expect(fulfillment!.details!.lagSeconds).toEqual(expect.any(Number));
    expect(fulfillment!.details!.lagSeconds as number).toBeLessThan(60);
    expect(checks.find((check) => check.name === `last run: ${STOCK_SYNC_FLOW}`)).toMatchObject({
      status: 'DOWN',
      message: 'no run recorded yet',
    });
    expect(checks.find((check) => check.name === 'linnworks authorisation')).toMatchObject({
      status: 'UP',
    });
  });

  it('when two order-sync instances beat, one of them still joining, then /status shows the share split between them', async () => {
    const store = new CtStateStore(ctTestApi(ct));
    const { logger } = captureLogger();
    const beat = (instanceId: string) =>
      new InstanceMembership({ store, app: 'order-sync', logger, instanceId }).beat();
    await beat('first');
    await beat('second');
    const admin = buildSyncAdmin(syncAdminEnv(ct, emulator), idp);

    const res = await request(admin.app).get('/service/status').set('Authorization', admin.bearer);

    const check = (res.body.checks as CheckView[]).find(
      (c) => c.name === 'Linnworks share by instance',
    );
    expect(check).toMatchObject({
      status: 'UP',
      details: { apps: { 'order-sync': { instances: 2, joining: 1 } } },
    });
  });
});
