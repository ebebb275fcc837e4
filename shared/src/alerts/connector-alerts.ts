import type { CtApi } from '../commercetools/client';
import type { Logger } from '../logging/logger';
import { CtStateStore } from '../state/ct-state-store';
import type { FailureObserver, FailureRecord } from '../state/failure-queue';
import type { StateStore } from '../state/state-store';
import type { AlertSettings } from './alert.settings';
import { type AlertDelivery, webhookDelivery } from './alert-webhook';
import { Alerter } from './alerter';
import { FailureAlerts } from './failure-alerts';
import { JobAlerts } from './job-alerts';

/**
 * An app's alerting: the alerter, the failure queue's observer (alerts raised in the
 * background, so a sync never waits for a webhook), the job-run hook, the sweep.
 */
export interface ConnectorAlerts {
  alerter: Alerter;
  /** Pass to a FailureQueue: raises and resolves failure-reason alerts as failures come and go. */
  failures: FailureObserver;
  /** Re-evaluates every failure condition (end of a job run, after a replay or discard). */
  sweep(): Promise<void>;
  jobs: JobAlerts;
  /** Resolves once every alert raised in the background so far has been evaluated and sent. */
  settled(): Promise<void>;
}

export interface ConnectorAlertsDeps {
  ct: CtApi;
  logger: Logger;
  now?: () => Date;
  /** Default: the webhook of the settings. Tests and the sandbox pass their own. */
  deliver?: AlertDelivery;
  store?: StateStore;
  /** The deployment's namespace for the alert state (connector-names.ts). */
  instanceKey?: string;
}

export function createConnectorAlerts(
  deps: ConnectorAlertsDeps,
  settings: AlertSettings,
): ConnectorAlerts {
  const store = deps.store ?? new CtStateStore(deps.ct, deps.instanceKey);
  const now = deps.now ?? (() => new Date());
  const alerter = new Alerter({
    store,
    settings,
    deliver: deps.deliver ?? webhookDelivery(settings),
    logger: deps.logger,
    now,
  });
  const failureAlerts = new FailureAlerts(alerter, store, now);
  const inFlight = new Set<Promise<void>>();
  const background = (work: Promise<void>) => {
    const tracked = work.catch(() => undefined).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  return {
    alerter,
    failures: {
      recorded: (record: FailureRecord) => background(failureAlerts.recorded(record)),
      closed: (record: FailureRecord) => background(failureAlerts.closed(record)),
    },
    sweep: () => failureAlerts.sweep(),
    jobs: new JobAlerts(alerter, store, now),
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
