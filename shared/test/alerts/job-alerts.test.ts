import {
  type Alert,
  type AlertSettings,
  createConnectorAlerts,
  PermanentUpstreamError,
} from '../../src/index';
import { captureLogger, InMemoryStateStore } from '../../testing';

const SETTINGS: AlertSettings = {
  webhookUrl: undefined,
  format: 'json',
  secret: undefined,
  minIntervalMs: 60 * 60_000,
  failureQueueThreshold: 100,
  jobLateMs: 30 * 60_000,
  deployment: 'shop-prod',
  adminUrl: undefined,
};

function world() {
  let now = new Date('2026-11-30T08:00:00.000Z');
  const sent: Alert[] = [];
  const alerts = createConnectorAlerts(
    {
      ct: undefined as never,
      logger: captureLogger().logger,
      store: new InMemoryStateStore(),
      now: () => now,
      deliver: async (a) => void sent.push(a),
    },
    SETTINGS,
  );
  const run = (flow: string, status: string, reason?: string) =>
    alerts.jobs.afterRun(flow, { report: { status, ...(reason ? { reason } : {}) } });

  return {
    sent,
    alerts,
    run,
    advance: (min: number) => (now = new Date(now.getTime() + min * 60_000)),
  };
}

const summary = (sent: Alert[]) => sent.map((a) => `${a.status} ${a.condition}`);

describe('job alerts at the end of each run', () => {
  it('when a run is cut short once, nothing; twice in a row, one alert; a completed run resolves it', async () => {
    const w = world();
    await w.run('fulfillment-sync', 'partial', 'time-budget');
    expect(w.sent).toEqual([]);
    await w.run('fulfillment-sync', 'partial', 'time-budget');
    await w.run('fulfillment-sync', 'partial', 'time-budget');
    await w.run('fulfillment-sync', 'completed');
    expect(summary(w.sent)).toEqual([
      'firing job-cut-short.fulfillment-sync',
      'resolved job-cut-short.fulfillment-sync',
    ]);
  });

  it('when a run throws because Linnworks refuses the authorisation, then the job-failed and Linnworks alerts fire, and resolve on the next good run', async () => {
    const w = world();
    const refused = new PermanentUpstreamError('LINNWORKS_UNAUTHORIZED', 'refused', {
      endpoint: 'Auth/AuthorizeByApplication',
    });
    await w.alerts.jobs.afterRun('stock-sync', { error: refused });
    await w.run('stock-sync', 'completed');
    expect(summary(w.sent)).toEqual([
      'firing job-failed.stock-sync',
      'firing linnworks-auth.jobs',
      'resolved job-failed.stock-sync',
      'resolved linnworks-auth.jobs',
    ]);
    expect(w.sent[0]).toMatchObject({
      reasonCode: 'LINNWORKS_UNAUTHORIZED',
      link: { route: '/service/status' },
    });
  });

  it('when another job has not finished a run for longer than the late limit, then the next run of any job raises job-late for it', async () => {
    const w = world();
    await w.run('stock-sync', 'completed');
    await w.run('fulfillment-sync', 'completed');
    w.advance(20);
    await w.run('fulfillment-sync', 'completed');
    expect(w.sent).toEqual([]);
    w.advance(20);
    await w.run('fulfillment-sync', 'completed');
    expect(summary(w.sent)).toEqual(['firing job-late.stock-sync']);
    await w.run('stock-sync', 'completed');
    expect(summary(w.sent)).toEqual(['firing job-late.stock-sync', 'resolved job-late.stock-sync']);
  });
});
