import { randomUUID } from 'node:crypto';

import type { Order } from '@commercetools/platform-sdk';
import { type CtApi } from 'shared';
import { toPubSubPush } from 'shared/testing';

import {
  type DeliveryOptions,
  deliveryPlan,
  messagesForOrder,
  type OrderMessage,
  type SeenOrder,
} from './order-messages';

export interface DeliveryEvent {
  type: string;
  orderNumber: string | undefined;
  target: string;
  status: number;
  attempt: number;
  outcome: string | undefined;
}

export interface EventPumpOptions {
  api: CtApi;
  projectKey: string;
  /** `POST /event` URLs of the order-sync processes; deliveries go round-robin. */
  targets: () => string[];
  intervalMs?: number;
  /** Only orders modified from this instant on (default: all). */
  since?: string;
  delivery?: DeliveryOptions & { parallel?: boolean };
  /** Redeliveries of a message answered with a non-2xx (Pub/Sub keeps retrying). */
  maxAttempts?: number;
  backoffMs?: number;
  random?: () => number;
  onDelivery?: (event: DeliveryEvent) => void;
}

export interface PumpStats {
  messages: number;
  deliveries: number;
  redeliveries: number;
  acked: number;
  undelivered: number;
}

const ACK = new Set([102, 200, 201, 202, 204]);

/**
 * Stands in for the commercetools Subscription + Pub/Sub push, which the test server lacks:
 * polls orders by `lastModifiedAt`, turns changes into order messages, wraps each in a Pub/Sub
 * push envelope and POSTs it to order-sync; redelivers until acknowledged (2xx), and on request
 * delivers duplicates, out of order, in parallel, across several processes.
 */
export class EventPump {
  private readonly seen = new Map<string, SeenOrder>();
  private cursor = '1970-01-01T00:00:00.000Z';
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<number> | undefined;
  private nextTarget = 0;
  private readonly counters: PumpStats = {
    messages: 0,
    deliveries: 0,
    redeliveries: 0,
    acked: 0,
    undelivered: 0,
  };
  delivery: DeliveryOptions & { parallel?: boolean };

  constructor(private readonly options: EventPumpOptions) {
    this.delivery = options.delivery ?? {};
    if (options.since) this.cursor = options.since;
  }

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => {
        this.poll()
          .catch(() => undefined)
          .finally(() => {
            if (this.timer) tick();
          });
      }, this.options.intervalMs ?? 1000);
    };
    tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  stats(): PumpStats {
    return { ...this.counters };
  }

  /** Reads what changed since the last poll and delivers its messages; one poll at a time. */
  async poll(): Promise<number> {
    while (this.polling) await this.polling.catch(() => undefined);
    this.polling = this.pollOnce();
    try {
      return await this.polling;
    } finally {
      this.polling = undefined;
    }
  }

  private async pollOnce(): Promise<number> {
    const messages: OrderMessage[] = [];
    for (;;) {
      const page = await this.options.api
        .orders()
        .get({
          queryArgs: {
            where: `lastModifiedAt >= "${this.cursor}"`,
            sort: 'lastModifiedAt asc',
            limit: 500,
          },
        })
        .execute();
      let fresh = 0;
      for (const order of page.body.results as Order[]) {
        const previous = this.seen.get(order.id);
        if (previous && order.version <= previous.version) continue;
        fresh += 1;
        const result = messagesForOrder(order, previous, this.options.projectKey, randomUUID);
        this.seen.set(order.id, result.seen);
        messages.push(...result.messages);
        if (order.lastModifiedAt > this.cursor) this.cursor = order.lastModifiedAt;
      }
      if (page.body.results.length < 500 || fresh === 0) break;
    }
    await this.deliverAll(messages);

    return messages.length;
  }

  /** Delivers payloads (also hand-made ones, e.g. for the drills) per the delivery options. */
  async deliverAll(messages: Array<OrderMessage | Record<string, unknown>>): Promise<void> {
    this.counters.messages += messages.length;
    const withIds = messages.map((payload) => ({ payload, messageId: randomUUID() }));
    const plan = deliveryPlan(withIds, this.delivery, this.options.random ?? Math.random);
    if (this.delivery.parallel) {
      await Promise.all(plan.map((m) => this.deliver(m.payload, m.messageId)));
    } else {
      for (const m of plan) await this.deliver(m.payload, m.messageId);
    }
  }

  private pickTarget(): string {
    const targets = this.options.targets();
    const target = targets[this.nextTarget % targets.length];
    this.nextTarget += 1;
    if (!target) throw new Error('the event pump has no order-sync target');

    return target;
  }

  private async deliver(
    payload: OrderMessage | Record<string, unknown>,
    messageId: string,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    const body = JSON.stringify(toPubSubPush(payload, messageId));
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const target = this.pickTarget();
      this.counters.deliveries += 1;
      if (attempt > 1) this.counters.redeliveries += 1;
      let status = 0;
      let outcome: string | undefined;
      try {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        status = res.status;
        const answer = (await res.json().catch(() => ({}))) as { outcome?: string };
        outcome = answer.outcome;
      } catch {
        status = 0;
      }
      const p = payload as {
        type?: string;
        resourceUserProvidedIdentifiers?: { orderNumber?: string };
      };
      this.options.onDelivery?.({
        type: p.type ?? 'unknown',
        orderNumber: p.resourceUserProvidedIdentifiers?.orderNumber,
        target,
        status,
        attempt,
        outcome,
      });
      if (ACK.has(status)) {
        this.counters.acked += 1;

        return;
      }
      const base = this.options.backoffMs ?? 250;
      await new Promise((r) => setTimeout(r, Math.min(5_000, base * 2 ** (attempt - 1))));
    }
    this.counters.undelivered += 1;
  }
}
