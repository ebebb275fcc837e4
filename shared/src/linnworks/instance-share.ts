/**
 * How several running instances of one app split that app's share of the tenant's Linnworks
 * limits (docs/configuration.md, "Several instances of one app"). Connect scales the event app
 * (order-sync) and the service app (sync-admin) with their load, so at peak there may be n
 * copies of order-sync, each counting its calls in its own window: with the whole share each,
 * they would reach the tenant's limit. So each instance announces itself in a custom object
 * (a heartbeat) and keeps to 1/n of the share, n being the instances whose calls can still be
 * in Linnworks' window. The rules below are pure; the heartbeat is `InstanceMembership`.
 * (sync-admin, a service app Connect also scales, keeps its whole share: its calls follow an
 * operator's requests; see `wireSyncAdmin`.)
 *
 * Why the totals hold (w = the 60 s window plus the share margin, h = the heartbeat):
 * - An instance that has run recently keeps counting for w + 3h after it was last seen: its
 *   calls stay in Linnworks' window for w after it stopped, so the others take its part back
 *   only once they are gone.
 * - A new instance that finds others counted waits `JOIN_WAIT_MS` before its first call: by
 *   then every other instance has read the new count (within h + a read's timeout) and its own
 *   window holds only calls made at its reduced share (w later). One that finds no one counted
 *   is alone: no one's calls are in the window.
 * - Two starting at once: each writes its heartbeat before it reads, so at least the later
 *   reader sees the other and waits.
 * - An instance that could not read the members for `STALE_AFTER_MS` no longer knows n: it
 *   makes no call until a read succeeds (stale + w < join wait, so a newcomer it missed is
 *   still safe).
 */

/** How often an instance writes its heartbeat and reads the others'. */
export const HEARTBEAT_MS = 10_000;
/** Linnworks' window (60 s) plus the share margin (`appRateBudget`: 1 s). */
const WINDOW_MS = 61_000;
/** An instance is counted until this long after its last heartbeat. */
export const COUNTED_FOR_MS = WINDOW_MS + 3 * HEARTBEAT_MS;
/** Without a successful read for this long an instance makes no call. */
export const STALE_AFTER_MS = 15_000;
/** A newcomer among counted instances waits this long: h + a read's timeout (5 s) + w + slack. */
export const JOIN_WAIT_MS = HEARTBEAT_MS + 5_000 + WINDOW_MS + 4_000;

/** One instance's heartbeat, as stored (container `CONTAINERS.rateMembers`, key `<app>.<instance id>`). */
export interface InstanceHeartbeat {
  app: string;
  instanceId: string;
  /** When this instance first wrote its heartbeat (its clock, ms since the epoch). */
  joinedAt: number;
  /** Its last heartbeat. */
  seenAt: number;
}

/** What the rate budget needs to know: how many share the app's part, and from when it may call. */
export interface InstanceGate {
  /** The number of instances the app's share is divided between (≥ 1). */
  divisor(): number;
  /** The earliest time this instance may make a call; `Infinity` while it cannot know. */
  readyAt(now: number): number;
  /** Settles once the instance knows the others (its first read), or gave up waiting for it. */
  readonly known: Promise<void>;
}

/** A fixed number of instances (`LINNWORKS_RATE_INSTANCES=<n>`): no heartbeat, always ready. */
export function fixedInstances(n: number): InstanceGate {
  return { divisor: () => Math.max(1, n), readyAt: () => 0, known: Promise.resolve() };
}

/** The instances whose calls may still be in the window at `now` (this one included). */
export function countedInstances(heartbeats: InstanceHeartbeat[], now: number): number {
  return heartbeats.filter((h) => now - h.seenAt <= COUNTED_FOR_MS).length;
}

/**
 * When a newcomer may make its first call: at once when it found no one else counted when it
 * first read the members, else `JOIN_WAIT_MS` after it joined.
 */
export function firstCallAt(joinedAt: number, othersAtJoin: number): number {
  return othersAtJoin > 0 ? joinedAt + JOIN_WAIT_MS : joinedAt;
}

/** An endpoint's calls a minute for one instance: its part of the app's share, at least 1. */
export function instanceLimit(appShare: number, divisor: number): number {
  return Math.max(1, Math.floor(appShare / Math.max(1, divisor)));
}
