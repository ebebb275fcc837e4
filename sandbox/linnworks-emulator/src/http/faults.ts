/**
 * Fault injection for drills and tests. A rule applies to one endpoint (`Controller/Method`,
 * case-insensitive) or to all (`*`), with a probability, for a number of calls or until removed.
 */
export type FaultKind = 'latency' | 'status' | 'rate-limit' | 'drop' | 'expire-session';

export interface FaultRule {
  kind: FaultKind;
  /** `Controller/Method`; omitted or `*` for every endpoint (auth included). */
  endpoint?: string;
  /** 0..1, default 1. */
  probability?: number;
  /** How many calls it hits before it is spent; unlimited when omitted. */
  times?: number;
  /** `latency`: delay before the call is handled. */
  latencyMs?: number;
  /** `status`: HTTP status to answer (default 500). */
  status?: number;
  /** `status`: Message of the body (default "An error has occurred."). */
  message?: string;
  /** `rate-limit`: add a Retry-After header with this many seconds. */
  retryAfterSeconds?: number;
}

interface ActiveRule extends FaultRule {
  id: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number) {}

  add(rule: FaultRule): number {
    const id = this.nextId++;
    this.rules.push({ ...rule, id });

    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The rules that fire for this call, in the order they were added; spends their `times`. */
  fire(endpoint: string): FaultRule[] {
    const key = endpoint.toLowerCase();
    const fired: FaultRule[] = [];
    for (const rule of this.rules) {
      const target = rule.endpoint?.toLowerCase() ?? '*';
      if (target !== '*' && target !== key) continue;
      if (this.random() >= (rule.probability ?? 1)) continue;
      if (rule.times !== undefined) rule.times -= 1;
      fired.push(rule);
    }
    this.rules = this.rules.filter((r) => r.times === undefined || r.times > 0);

    return fired;
  }
}
