import { FailureQueue, type JobRunReport, type LinnworksApi, PermanentUpstreamError } from 'shared';
import { captureLogger, ctTestApi, ctTestConfig, InMemoryStateStore } from 'shared/testing';
import request from 'supertest';

import { ctScopeSource } from '../src/status/ct-token-source';
import {
  type Check,
  ctCredentialsCheck,
  ctScopesCheck,
  failureQueueCheck,
  jobReportCheck,
  linnworksCheck,
  subscriptionCheck,
} from '../src/status/status-checks';
import { createStatusService, overallStatus } from '../src/status/status.service';
import { testApp } from './support/test-app';

const now = () => new Date('2026-01-01T12:00:00.000Z');
const report = (
  finishedAt: string,
  status: JobRunReport['status'] = 'completed',
): JobRunReport => ({
  flow: 'stock-sync',
  status,
  dryRun: false,
  startedAt: finishedAt,
  finishedAt,
  durationMs: 1,
  counts: { written: 3 },
});
const linnworksOk = {
  getStockLocations: async () => [{ StockLocationId: 'x' }],
} as unknown as LinnworksApi;
const linnworksDown = {
  getStockLocations: async () => {
    throw new PermanentUpstreamError('LINNWORKS_AUTH_REFUSED', 'Invalid application');
  },
} as unknown as LinnworksApi;

describe('status checks against the commercetools test server', () => {
  it('when the client holds every scope, then credentials and scopes are up; missing scopes are named', async () => {
    const config = ctTestConfig();
    const p = config.projectKey;
    const scopes = ctScopeSource({
      ...config,
      scopes: [`manage_orders:${p}`, `manage_key_value_documents:${p}`],
    });
    expect(await ctCredentialsCheck(scopes)()).toMatchObject({ status: 'UP', critical: true });
    expect(
      await ctScopesCheck(
        'fulfillment',
        ['manage_orders', 'manage_key_value_documents'],
        p,
        scopes,
      )(),
    ).toMatchObject({ status: 'UP' });
    const missing = await ctScopesCheck(
      'stock-sync',
      ['manage_products', 'manage_key_value_documents'],
      p,
      scopes,
    )();
    expect(missing).toMatchObject({
      status: 'DOWN',
      critical: false,
      details: { missing: ['manage_products'] },
    });
  });

  it('when the auth host refuses or is unreachable, then credentials are down and critical', async () => {
    const config = ctTestConfig();
    const unreachable = ctScopeSource({ ...config, authUrl: 'http://127.0.0.1:1' }, 1000);
    const result = await ctCredentialsCheck(unreachable)();
    expect(result).toMatchObject({
      status: 'DOWN',
      critical: true,
      details: { error: 'CT_AUTH_UNREACHABLE' },
    });
    expect(JSON.stringify(result)).not.toContain(config.clientSecret);
  });

  it('when the order subscription is missing, then the check says not found; when healthy, up', async () => {
    const config = ctTestConfig();
    const api = ctTestApi(config);
    expect(await subscriptionCheck(api, 'orders-sub')()).toMatchObject({
      status: 'DOWN',
      message: 'subscription not found',
    });
    await api
      .subscriptions()
      .post({
        body: {
          key: 'orders-sub',
          destination: { type: 'GoogleCloudPubSub', projectId: 'p', topic: 't' },
          messages: [{ resourceTypeId: 'order', types: [] }],
        },
      })
      .execute();
    expect(await subscriptionCheck(api, 'orders-sub')()).toMatchObject({
      status: 'UP',
      details: { status: 'Healthy' },
    });
  });
});

describe('job, Linnworks and failure-queue checks', () => {
  it('when the last run was cut short, then the job is down (not healthy), naming why; stock-sync reports its sweep lag', async () => {
    const cut: JobRunReport = {
      ...report('2026-01-01T11:58:00.000Z', 'partial'),
      reason: 'time-budget',
      sweep: { finished: false, nextPage: 7, oldestUnsweptAgeSeconds: 1_200 },
    };
    const check = jobReportCheck(
      'stock-sync',
      { read: async () => cut, maxLagMs: 30 * 60_000 },
      now,
    );

    expect(await check()).toMatchObject({
      status: 'DOWN',
      message: 'last run cut short (time-budget)',
      details: { sweepLagSeconds: 1_200 + 120 },
    });
  });

  it('when the last run is recent, then up with its lag; stale, failed or absent, then down', async () => {
    const source = (r: JobRunReport | undefined) => ({
      read: async () => r,
      maxLagMs: 30 * 60_000,
    });
    expect(
      await jobReportCheck('stock-sync', source(report('2026-01-01T11:55:00.000Z')), now)(),
    ).toMatchObject({ status: 'UP', details: { lagSeconds: 300 } });
    expect(
      await jobReportCheck('stock-sync', source(report('2026-01-01T10:00:00.000Z')), now)(),
    ).toMatchObject({ status: 'DOWN', message: 'last run is older than expected' });
    expect(
      await jobReportCheck(
        'stock-sync',
        source(report('2026-01-01T11:59:00.000Z', 'failed')),
        now,
      )(),
    ).toMatchObject({ status: 'DOWN', message: 'last run failed' });
    expect(await jobReportCheck('stock-sync', source(undefined), now)()).toMatchObject({
      status: 'DOWN',
      message: 'no run recorded yet',
    });
  });

  it('when the last fulfillment run had a failed feed, then the check is down naming the feed and the connector is degraded, not ok', async () => {
    const partial: JobRunReport = {
      ...report('2026-01-01T11:59:00.000Z', 'partial'),
      flow: 'fulfillment-sync',
      reason: 'feed-failed',
      problems: ['refunds feed failed (LINNWORKS_UNEXPECTED_RESPONSE)'],
    };
    const check = await jobReportCheck(
      'fulfillment-sync',
      { read: async () => partial, maxLagMs: 30 * 60_000 },
      now,
    )();
    expect(check).toMatchObject({
      status: 'DOWN',
      critical: false,
      message: 'last run incomplete: refunds feed failed (LINNWORKS_UNEXPECTED_RESPONSE)',
      details: { status: 'partial', problems: partial.problems },
    });
    expect(overallStatus([check])).toBe('degraded');
  });

  it('when the last scheduler run found orders missing from Linnworks, then the check shows the warning and the connector is degraded', async () => {
    const warned: JobRunReport = {
      ...report('2026-01-01T11:59:00.000Z'),
      flow: 'sync-scheduler',
      counts: { 'order-backstop.missing': 2 },
      warnings: ['order backstop found 2 order(s) missing from Linnworks (2 exported, 0 rejected)'],
    };
    const check = await jobReportCheck(
      'sync-scheduler',
      { read: async () => warned, maxLagMs: 30 * 60_000 },
      now,
    )();
    expect(check).toMatchObject({
      status: 'DOWN',
      critical: false,
      message: `last run warns: ${warned.warnings![0]}`,
      details: { counts: { 'order-backstop.missing': 2 }, warnings: warned.warnings },
    });
    expect(overallStatus([check])).toBe('degraded');
  });

  it('when Linnworks refuses authorisation, then the check is down and critical with the code only', async () => {
    expect(await linnworksCheck(linnworksOk)()).toMatchObject({
      status: 'UP',
      details: { stockLocations: 1 },
    });
    expect(await linnworksCheck(linnworksDown)()).toMatchObject({
      status: 'DOWN',
      critical: true,
      details: { error: 'LINNWORKS_AUTH_REFUSED' },
    });
  });

  it('when failures are pending, then their depth by flow and reason is reported and status degrades', async () => {
    const store = new InMemoryStateStore();
    const queue = new FailureQueue(store);
    const rec = (flow: string, reasonCode: string, id: string) =>
      queue.record({
        flow,
        reasonCode,
        message: 'm',
        retryable: false,
        ref: { type: 'order', id },
      });
    await rec('order-sync', 'SKU_MISSING', 'a');
    await rec('order-sync', 'SKU_MISSING', 'b');
    const resolved = await rec('stock-sync', 'X', 'c');
    await queue.resolve(resolved.id, 'fixed');
    expect(await failureQueueCheck(store)()).toMatchObject({
      status: 'DOWN',
      critical: false,
      details: { pending: 2, byFlowAndReason: { 'order-sync': { SKU_MISSING: 2 } } },
    });
  });
});

describe('GET /service/status', () => {
  const up: Check = async () => ({ name: 'a', status: 'UP', critical: true });
  const softDown: Check = async () => ({ name: 'b', status: 'DOWN', critical: false });
  const hardDown: Check = async () => ({ name: 'c', status: 'DOWN', critical: true });
  const hangs: Check = () => new Promise(() => undefined);
  const statusOf = (checks: Check[]) =>
    testApp({
      status: createStatusService({ checks, logger: captureLogger().logger, checkTimeoutMs: 200 }),
    }).app;

  it('when every check is up, then ok (200); a non-critical check down, degraded (200); a critical one, down (503)', async () => {
    const ok = await request(statusOf([up, up])).get('/service/status');
    expect([ok.status, ok.body.status]).toEqual([200, 'ok']);
    const degraded = await request(statusOf([up, softDown])).get('/service/status');
    expect([degraded.status, degraded.body.status]).toEqual([200, 'degraded']);
    const down = await request(statusOf([up, softDown, hardDown])).get('/service/status');
    expect([down.status, down.body.status]).toEqual([503, 'down']);
    expect(down.body.checks.map((c: { name: string }) => c.name)).toEqual(['a', 'b', 'c']);
  });

  it('when a check hangs, then it is bounded and reported as timed out', async () => {
    const res = await request(statusOf([up, hangs])).get('/service/status');
    expect(res.status).toBe(503);
    expect(res.body.checks[1]).toMatchObject({ status: 'DOWN', message: 'timed out' });
  });
});
