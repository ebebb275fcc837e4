import { describeError, VersionConflictError } from '../errors/errors';
import type { Logger } from '../logging/logger';
import type { StateStore, StoredObject } from '../state/state-store';
import { toObjectKey } from '../state/state-store';
import type { AlertSettings } from './alert.settings';
import { ALERT_CONTAINER, type AlertState, decide, type Decision } from './alert-state';
import type { Alert, AlertObservation, AlertStatus } from './alert.types';
import type { AlertDelivery } from './alert-webhook';

/** What the caller expects, so the alerter can skip the measuring when it cannot matter. */
export type Expectation = 'firing' | 'clear' | 'either';

export interface AlerterDeps {
  store: StateStore;
  settings: AlertSettings;
  deliver: AlertDelivery;
  logger: Logger;
  now?: () => Date;
}

const MAX_ATTEMPTS = 5;

/**
 * Raises and resolves alerts, throttled and de-duplicated through custom objects: the one
 * writer that moves a condition's state is the one that sends. Never throws: alerting must not
 * fail the sync that raised it.
 */
export class Alerter {
  /** Conditions this process knows are firing and announced, with when: skips the state read. */
  private readonly firingSeen = new Map<string, number>();
  private readonly now: () => Date;

  constructor(private readonly deps: AlerterDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  get settings(): AlertSettings {
    return this.deps.settings;
  }

  /** Observes a condition: `measure` is called only when the observation can change something. */
  async observe(
    key: string,
    expect: Expectation,
    measure: () => Promise<AlertObservation>,
  ): Promise<AlertStatus | undefined> {
    try {
      return await this.observeOrThrow(toObjectKey(key), expect, measure);
    } catch (error) {
      this.deps.logger.warn({ err: describeError(error), alert: key }, 'alert not evaluated');

      return undefined;
    }
  }

  private quiet(key: string, expect: Expectation, state: AlertState | undefined): boolean {
    if (expect === 'clear') return state?.status !== 'firing' && (state?.streak ?? 0) === 0;
    if (expect !== 'firing' || state?.status !== 'firing' || !state.lastSentAt) return false;
    const since = Date.parse(state.lastSentAt ?? '');
    if (this.now().getTime() - since >= this.deps.settings.minIntervalMs) return false;
    this.firingSeen.set(key, since);

    return true;
  }

  private async observeOrThrow(
    key: string,
    expect: Expectation,
    measure: () => Promise<AlertObservation>,
  ): Promise<AlertStatus | undefined> {
    const seen = this.firingSeen.get(key);
    if (
      expect === 'firing' &&
      seen &&
      this.now().getTime() - seen < this.deps.settings.minIntervalMs
    )
      return undefined;
    this.firingSeen.delete(key);
    let observation: AlertObservation | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.deps.store.get<AlertState>(ALERT_CONTAINER, key);
      if (this.quiet(key, expect, current?.value)) return undefined;
      observation ??= { ...(await measure()), key };
      const now = this.now();
      const decision = decide(current?.value, observation, now, this.deps.settings.minIntervalMs);
      const { next, send } = decision;
      if (!next) return undefined;
      if (!(await this.write(key, current, next))) continue;

      return send ? this.send(key, observation, { next, send }, current?.value) : undefined;
    }

    return undefined;
  }

  /** Compare-and-set; false when another writer moved first (the caller re-reads). */
  private async write(
    key: string,
    current: StoredObject<AlertState> | undefined,
    next: AlertState,
  ) {
    try {
      if (current) {
        await this.deps.store.put(ALERT_CONTAINER, key, next, current.version);

        return true;
      }
      const created = await this.deps.store.create(ALERT_CONTAINER, key, next);
      if (created.outcome === 'exists') return false;
      // The server refuses "create only" (commercetools-connect.md §11): a plain write, which
      // counts only for the writer that made version 1; a racer that replaced it re-reads.
      if (created.outcome === 'unsupported')
        return (await this.deps.store.put(ALERT_CONTAINER, key, next)).version === 1;

      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  private async send(
    key: string,
    obs: AlertObservation,
    decision: Required<Decision>,
    previous: AlertState | undefined,
  ): Promise<AlertStatus | undefined> {
    const { next, send } = decision;
    const alert = this.toAlert(obs, next, send);
    try {
      await this.deps.deliver(alert);
      this.deps.logger.info({ alert: key, status: send, count: obs.count }, 'alert sent');
      if (send !== 'resolved') this.firingSeen.set(key, Date.parse(alert.sentAt));

      return send;
    } catch (error) {
      this.deps.logger.error(
        { err: describeError(error), alert: key, status: send },
        'alert not delivered',
      );
      // Undo the claim, so the next observation tries again instead of waiting an interval.
      await this.deps.store
        .update<AlertState>(ALERT_CONTAINER, key, (v) =>
          v && v.lastSentAt === next.lastSentAt
            ? { ...v, sent: v.sent - 1, ...restore(previous) }
            : undefined,
        )
        .catch(() => undefined);

      return undefined;
    }
  }

  private toAlert(obs: AlertObservation, state: AlertState, status: AlertStatus): Alert {
    const { adminUrl, deployment } = this.deps.settings;
    const sentAt = state.lastSentAt ?? this.now().toISOString();

    return {
      schema: 'ct-linnworks-connector.alert/1',
      id: `${obs.key}@${sentAt}`,
      condition: obs.key,
      kind: obs.kind,
      status,
      deployment,
      ...(obs.flow ? { flow: obs.flow } : {}),
      ...(obs.reasonCode ? { reasonCode: obs.reasonCode } : {}),
      title: obs.title,
      count: obs.count,
      ...(obs.counts ? { counts: obs.counts } : {}),
      correlationIds: (obs.correlationIds ?? []).slice(0, 5),
      link: {
        route: `/service${obs.route}`,
        ...(adminUrl ? { url: `${adminUrl}/service${obs.route}` } : {}),
      },
      firstSeenAt: state.firstSeenAt,
      sentAt,
    };
  }
}

/** The fields of the state before a claim whose delivery failed. */
function restore(previous: AlertState | undefined): Partial<AlertState> {
  return {
    lastSentAt: previous?.lastSentAt as string,
    lastSentStatus: previous?.lastSentStatus as AlertStatus,
    lastCount: previous?.lastCount as number,
  };
}
