import type { AlertKind, AlertObservation, AlertStatus } from './alert.types';
import { CONTAINERS } from '../state/connector-names';

export const ALERT_CONTAINER = CONTAINERS.alerts;

/** One condition's alerting state, kept in a custom object (key: the condition key). */
export interface AlertState {
  key: string;
  kind: AlertKind;
  status: 'firing' | 'resolved';
  firstSeenAt: string;
  /** Firing observations in a row (for conditions that need several, e.g. cut short twice). */
  streak: number;
  lastSentAt?: string;
  lastSentStatus?: AlertStatus;
  lastCount?: number;
  sent: number;
}

export interface Decision {
  /** The state to write; undefined: nothing changes (and nothing is sent). */
  next?: AlertState;
  send?: AlertStatus;
}

function elapsed(since: string | undefined, now: Date): number {
  return since ? now.getTime() - Date.parse(since) : Number.POSITIVE_INFINITY;
}

function sent(state: AlertState, status: AlertStatus, obs: AlertObservation, at: string) {
  return {
    next: {
      ...state,
      lastSentAt: at,
      lastSentStatus: status,
      lastCount: obs.count,
      sent: state.sent + 1,
    },
    send: status,
  };
}

function onFiring(
  current: AlertState | undefined,
  obs: AlertObservation,
  now: Date,
  intervalMs: number,
): Decision {
  const at = now.toISOString();
  if (current?.status === 'firing') {
    const announced = current.lastSentStatus === 'firing' || current.lastSentStatus === 'reminder';
    const changed = obs.count !== current.lastCount || !announced;
    const due = elapsed(current.lastSentAt, now) >= intervalMs && changed;

    return due ? sent(current, announced ? 'reminder' : 'firing', obs, at) : {};
  }
  const streak = (current?.streak ?? 0) + 1;
  const base: AlertState = {
    key: obs.key,
    kind: obs.kind,
    status: current?.status ?? 'resolved',
    firstSeenAt: current?.firstSeenAt ?? at,
    streak,
    sent: current?.sent ?? 0,
    ...(current?.lastSentAt ? { lastSentAt: current.lastSentAt } : {}),
    ...(current?.lastSentStatus ? { lastSentStatus: current.lastSentStatus } : {}),
  };
  if (streak < (obs.streakToFire ?? 1)) return { next: base };
  const firing: AlertState = { ...base, status: 'firing', firstSeenAt: at };
  // Flapping: fired and resolved within the interval; the reminder after it tells the rest.
  if (elapsed(current?.lastSentAt, now) < intervalMs) {
    return { next: { ...firing, lastSentStatus: 'resolved', lastCount: -1 } };
  }

  return sent(firing, 'firing', obs, at);
}

/**
 * Pure: what an observation does to a condition's state. One alert when it starts firing, a
 * reminder at most once per interval while it fires and its count changed, and a resolved
 * message when it clears (only if a firing message went out).
 */
export function decide(
  current: AlertState | undefined,
  obs: AlertObservation,
  now: Date,
  intervalMs: number,
): Decision {
  if (obs.firing) return onFiring(current, obs, now, intervalMs);
  if (!current || (current.status !== 'firing' && current.streak === 0)) return {};
  const cleared: AlertState = { ...current, status: 'resolved', streak: 0 };
  if (current.status !== 'firing') return { next: cleared };
  const announced = current.lastSentStatus === 'firing' || current.lastSentStatus === 'reminder';

  return announced ? sent(cleared, 'resolved', obs, now.toISOString()) : { next: cleared };
}
