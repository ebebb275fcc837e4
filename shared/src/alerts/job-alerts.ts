import { describeError } from '../errors/errors';
import type { StateStore } from '../state/state-store';
import { toObjectKey } from '../state/state-store';
import { ALERT_CONTAINER } from './alert-state';
import type { AlertObservation } from './alert.types';
import type { Alerter } from './alerter';

/** How a job run ended, as the job framework sees it. */
export type JobRunOutcome =
  { report: { status: string; reason?: string; problems?: string[] } } | { error: unknown };

/** When each job last finished, so any job run can tell that another one is late. */
interface Heartbeat {
  kind: 'heartbeat';
  flow: string;
  finishedAt: string;
  lateAfterMs: number;
}

const AUTH_CODE = 'LINNWORKS_UNAUTHORIZED';

function isLinnworksAuthFailure(outcome: JobRunOutcome): boolean {
  if ('error' in outcome) {
    const err = describeError(outcome.error);
    const endpoint = (outcome.error as { details?: { endpoint?: unknown } })?.details?.endpoint;

    return err.code === AUTH_CODE || (typeof endpoint === 'string' && endpoint.startsWith('Auth/'));
  }

  return (outcome.report.problems ?? []).some((p) => p.includes(AUTH_CODE));
}

function observation(
  kind: AlertObservation['kind'],
  flow: string,
  firing: boolean,
  title: string,
  extra: Partial<AlertObservation> = {},
): AlertObservation {
  return {
    key: `${kind}.${flow}`,
    kind,
    firing,
    flow,
    title,
    count: firing ? 1 : 0,
    route: '/status',
    ...extra,
  };
}

/**
 * Job alerts, evaluated at the end of every run: the run failed, was cut short twice in a row,
 * Linnworks refused the connector's authorisation; and any job (this or another) is late.
 */
export class JobAlerts {
  constructor(
    private readonly alerter: Alerter,
    private readonly store: StateStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async afterRun(flow: string, outcome: JobRunOutcome, lateAfterMs?: number): Promise<void> {
    const status = 'error' in outcome ? 'failed' : outcome.report.status;
    if (status === 'skipped') return;
    const code = 'error' in outcome ? describeError(outcome.error).code : outcome.report.reason;
    const failed = status === 'failed';
    await this.alerter.observe(`job-failed.${flow}`, 'either', async () =>
      observation('job-failed', flow, failed, `${flow} run failed${code ? ` (${code})` : ''}`, {
        ...(failed && code ? { reasonCode: code } : {}),
      }),
    );
    await this.alerter.observe(`job-cut-short.${flow}`, 'either', async () =>
      observation(
        'job-cut-short',
        flow,
        status === 'partial',
        `${flow} runs were cut short twice in a row`,
        {
          streakToFire: 2,
          ...(outcome && 'report' in outcome && outcome.report.reason
            ? { reasonCode: outcome.report.reason }
            : {}),
        },
      ),
    );
    const authFailed = isLinnworksAuthFailure(outcome);
    if (authFailed || status === 'completed') {
      await this.alerter.observe('linnworks-auth.jobs', 'either', async () => ({
        ...observation(
          'linnworks-auth',
          flow,
          authFailed,
          `Linnworks authorisation fails (${flow})`,
        ),
        key: 'linnworks-auth.jobs',
        reasonCode: AUTH_CODE,
      }));
    }
    await this.beat(flow, lateAfterMs ?? this.alerter.settings.jobLateMs);
    await this.lateJobs();
  }

  private async beat(flow: string, lateAfterMs: number): Promise<void> {
    const value: Heartbeat = {
      kind: 'heartbeat',
      flow,
      finishedAt: this.now().toISOString(),
      lateAfterMs,
    };
    await this.store.put(ALERT_CONTAINER, toObjectKey('heartbeat', flow), value);
  }

  /** Every job whose last run finished longer ago than its limit is late; the others are not. */
  async lateJobs(): Promise<void> {
    const beats = await this.store.query<Heartbeat>(ALERT_CONTAINER, {
      where: 'value(kind="heartbeat")',
      limit: 100,
    });
    for (const { value } of beats.results) {
      const lagMs = this.now().getTime() - Date.parse(value.finishedAt);
      const late = lagMs > value.lateAfterMs;
      const minutes = Math.round(lagMs / 60_000);
      await this.alerter.observe(`job-late.${value.flow}`, late ? 'either' : 'clear', async () =>
        observation(
          'job-late',
          value.flow,
          late,
          `${value.flow} is late: last run ${minutes} min ago`,
          {
            count: late ? minutes : 0,
          },
        ),
      );
    }
  }
}
