import { randomUUID } from 'node:crypto';

import {
  countedInstances,
  firstCallAt,
  HEARTBEAT_MS,
  type InstanceGate,
  type InstanceHeartbeat,
  STALE_AFTER_MS,
} from '../linnworks/instance-share';
import type { Logger } from '../logging/logger';
import { CONTAINERS } from '../state/connector-names';
import { type StateStore, toObjectKey } from '../state/state-store';

/** Heartbeats older than this are deleted by whichever instance reads them (a few per beat). */
const FORGET_AFTER_MS = 60 * 60_000;
const FORGET_PER_BEAT = 5;
/** The first read may take this long before calls go ahead as "not known" (they then wait). */
const FIRST_READ_WAIT_MS = 5_000;
/** More instances of one app than this are not expected; the read is one page. */
const MAX_INSTANCES = 500;

export interface InstanceMembershipOptions {
  store: StateStore;
  app: string;
  logger: Logger;
  now?: () => number;
  instanceId?: string;
}

/**
 * This instance's heartbeat among the app's instances (rules in instance-share.ts): every
 * `HEARTBEAT_MS` it writes its own heartbeat, then reads the app's, and answers the rate
 * budget's questions from the last read. Costs 1 write and 1 query per 10 s per instance.
 */
export class InstanceMembership implements InstanceGate {
  readonly instanceId: string;
  readonly known: Promise<void>;
  private readonly now: () => number;
  private joinedAt?: number;
  private callsFrom = Infinity;
  private count = 1;
  private lastReadAt = -Infinity;
  private timer?: NodeJS.Timeout;

  private settleKnown: () => void = () => undefined;

  constructor(private readonly options: InstanceMembershipOptions) {
    this.now = options.now ?? Date.now;
    this.instanceId = options.instanceId ?? randomUUID();
    this.known = new Promise<void>((resolve) => {
      this.settleKnown = resolve;
    });
  }

  /** Writes the first heartbeat and keeps beating; calls wait for the first read (≤ 5 s). */
  start(): this {
    if (this.timer) return this;
    setTimeout(this.settleKnown, FIRST_READ_WAIT_MS).unref();
    void this.beat().finally(this.settleKnown);
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();

    return this;
  }

  /** Stops writing; the last heartbeat stays, so the others count this instance's calls out. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  divisor(): number {
    return this.count;
  }

  readyAt(now: number): number {
    return now - this.lastReadAt > STALE_AFTER_MS ? Infinity : this.callsFrom;
  }

  /** Writes this instance's heartbeat, then reads the app's; never throws (logs instead). */
  async beat(): Promise<void> {
    const { store, app, logger } = this.options;
    const started = this.now();
    const joinedAt = (this.joinedAt ??= started);
    const own: InstanceHeartbeat = { app, instanceId: this.instanceId, joinedAt, seenAt: started };
    try {
      await store.put(CONTAINERS.rateMembers, this.key(), own);
      const { results } = await store.query<InstanceHeartbeat>(CONTAINERS.rateMembers, {
        where: `value(app="${app}")`,
        limit: MAX_INSTANCES,
      });
      const heartbeats = results.map((r) => r.value);
      const others = heartbeats.filter((h) => h.instanceId !== this.instanceId);
      const now = this.now();
      if (this.callsFrom === Infinity) {
        this.callsFrom = firstCallAt(joinedAt, countedInstances(others, now));
        logger.info(
          { instances: countedInstances(heartbeats, now), firstCallInMs: this.callsFrom - now },
          'Linnworks share: joined the instances of this app',
        );
      }
      const count = Math.max(1, countedInstances(others, now) + 1);
      if (count !== this.count) logger.info({ instances: count }, 'Linnworks share: instances');
      this.count = count;
      this.lastReadAt = started;
      await this.forget(heartbeats, now);
    } catch (error) {
      logger.warn({ err: String(error) }, 'Linnworks share: heartbeat failed');
    }
  }

  private key(): string {
    return toObjectKey(this.options.app, this.instanceId);
  }

  private async forget(heartbeats: InstanceHeartbeat[], now: number): Promise<void> {
    const old = heartbeats
      .filter((h) => now - h.seenAt > FORGET_AFTER_MS)
      .slice(0, FORGET_PER_BEAT);
    for (const h of old) {
      await this.options.store.delete(CONTAINERS.rateMembers, toObjectKey(h.app, h.instanceId));
    }
  }
}

/** Per app, its instances counted now and how many of them are still waiting out their join. */
export type InstancesByApp = Record<string, { instances: number; joining: number }>;

/** What the heartbeats say now (sync-admin's status shows it): counted instances per app. */
export async function readInstances(store: StateStore, now: number): Promise<InstancesByApp> {
  const { results } = await store.query<InstanceHeartbeat>(CONTAINERS.rateMembers, {
    limit: MAX_INSTANCES,
  });
  const byApp: InstancesByApp = {};
  const live = results.map((r) => r.value).filter((h) => countedInstances([h], now) === 1);
  for (const h of live) {
    const app = (byApp[h.app] ??= { instances: 0, joining: 0 });
    app.instances += 1;
    const others = live.filter((o) => o.app === h.app && o.instanceId !== h.instanceId);
    const joinedAmongOthers = others.some((o) => o.joinedAt < h.joinedAt);
    if (joinedAmongOthers && now < firstCallAt(h.joinedAt, 1)) app.joining += 1;
  }

  return byApp;
}
