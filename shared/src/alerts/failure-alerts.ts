import type { StateStore } from '../state/state-store';
import { FAILURE_CONTAINER, FailureQueue, type FailureRecord } from '../state/failure-queue';
import { ALERT_CONTAINER, type AlertState } from './alert-state';
import type { AlertObservation } from './alert.types';
import type { Alerter } from './alerter';

const DEPTH_KEY = 'failure-queue-depth';
const MAX_SWEPT = 5_000;

export function failureReasonKey(flow: string, reasonCode: string): string {
  return `failure-reason.${flow}.${reasonCode}`;
}

function reasonTitle(flow: string, reasonCode: string): string {
  return reasonCode === 'LINNWORKS_UNAUTHORIZED'
    ? `Linnworks authorisation fails in ${flow} (${reasonCode})`
    : `New failure reason ${reasonCode} in ${flow}`;
}

function reasonObservation(
  flow: string,
  reasonCode: string,
  pending: number,
  correlationIds: string[],
): AlertObservation {
  const query = new URLSearchParams({ flow, reasonCode, status: 'pending' });

  return {
    key: failureReasonKey(flow, reasonCode),
    kind: reasonCode === 'LINNWORKS_UNAUTHORIZED' ? 'linnworks-auth' : 'failure-reason',
    firing: pending > 0,
    flow,
    reasonCode,
    title: reasonTitle(flow, reasonCode),
    count: pending,
    counts: { pending },
    correlationIds,
    route: `/failures?${query.toString()}`,
  };
}

function depthObservation(pending: number, threshold: number): AlertObservation {
  return {
    key: DEPTH_KEY,
    kind: 'failure-queue-depth',
    firing: pending > threshold,
    title: `Failure queue holds ${pending} pending failures (threshold ${threshold})`,
    count: pending,
    counts: { pending, threshold },
    route: '/failures?status=pending',
  };
}

/**
 * Failure alerts as a failure queue sees them: a failure recorded raises its reason's alert
 * (once per interval, however many arrive), a failure closed resolves it when none of that
 * reason is left pending. The queue is measured only when the alert state says it matters.
 */
export class FailureAlerts {
  private readonly queue: FailureQueue;
  private lastDepthCheck = 0;

  constructor(
    private readonly alerter: Alerter,
    private readonly store: StateStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queue = new FailureQueue(store);
  }

  private async measureReason(flow: string, reasonCode: string): Promise<AlertObservation> {
    const page = await this.queue.list({ flow, reasonCode, status: 'pending', limit: 5 });
    const ids = page.items.map((f) => f.correlationId);

    return reasonObservation(flow, reasonCode, page.total, ids);
  }

  private async measureDepth(): Promise<AlertObservation> {
    const page = await this.queue.list({ status: 'pending', limit: 1 });

    return depthObservation(page.total, this.alerter.settings.failureQueueThreshold);
  }

  async recorded(record: FailureRecord): Promise<void> {
    const key = failureReasonKey(record.flow, record.reasonCode);
    await this.alerter.observe(key, 'firing', () =>
      this.measureReason(record.flow, record.reasonCode),
    );
    // The queue's depth at most once a minute per process.
    const now = this.now().getTime();
    if (now - this.lastDepthCheck < 60_000) return;
    this.lastDepthCheck = now;
    await this.alerter.observe(DEPTH_KEY, 'either', () => this.measureDepth());
  }

  async closed(record: FailureRecord): Promise<void> {
    const key = failureReasonKey(record.flow, record.reasonCode);
    await this.alerter.observe(key, 'clear', () =>
      this.measureReason(record.flow, record.reasonCode),
    );
    await this.alerter.observe(DEPTH_KEY, 'clear', () => this.measureDepth());
  }

  /**
   * Every failure condition at once (end of a job run, after an operator's replay or discard):
   * each pending reason raised, each alerted reason with nothing pending resolved, the depth.
   */
  async sweep(): Promise<void> {
    const groups = new Map<
      string,
      { flow: string; reasonCode: string; ids: string[]; n: number }
    >();
    let pending = 0;
    let truncated = false;
    for await (const page of this.store.scan<FailureRecord>(FAILURE_CONTAINER, {
      where: 'value(status="pending")',
    })) {
      for (const { value } of page) {
        const key = failureReasonKey(value.flow, value.reasonCode);
        const group = groups.get(key) ?? {
          flow: value.flow,
          reasonCode: value.reasonCode,
          ids: [],
          n: 0,
        };
        group.n += 1;
        if (group.ids.length < 5) group.ids.push(value.correlationId);
        groups.set(key, group);
        pending += 1;
      }
      if (pending >= MAX_SWEPT) {
        truncated = true;
        break;
      }
    }
    for (const [key, g] of groups) {
      await this.alerter.observe(key, 'firing', async () =>
        reasonObservation(g.flow, g.reasonCode, g.n, g.ids),
      );
    }
    // A reason not seen in a truncated scan may still be pending: resolve only after a full one.
    if (!truncated) await this.resolveCleared(groups);
    const threshold = this.alerter.settings.failureQueueThreshold;
    await this.alerter.observe(DEPTH_KEY, truncated ? 'firing' : 'either', async () =>
      depthObservation(pending, threshold),
    );
  }

  private async resolveCleared(groups: Map<string, unknown>): Promise<void> {
    const firing = await this.store.query<AlertState>(ALERT_CONTAINER, {
      where: 'value(status="firing")',
      limit: 500,
    });
    for (const { value } of firing.results) {
      if (!value.key.startsWith('failure-reason.') || groups.has(value.key)) continue;
      const [, flow = '', reasonCode = ''] = value.key.split('.');
      await this.alerter.observe(value.key, 'clear', async () =>
        reasonObservation(flow, reasonCode, 0, []),
      );
    }
  }
}
