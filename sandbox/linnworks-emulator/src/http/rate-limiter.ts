import { EMULATED_RATE_LIMITS, type EmulatorOptions } from '../emulator-options';

const WINDOW_MS = 60_000;

export interface RateDecision {
  admitted: boolean;
  limit: number;
  /** Seconds until a slot frees up (for the optional Retry-After). */
  retryAfterSeconds: number;
}

/** Sliding 60-second window per endpoint for the one emulated tenant (reference §10.3). */
export class EmulatorRateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly options: Pick<EmulatorOptions, 'defaultRateLimit'>) {}

  limitFor(endpoint: string): number {
    return EMULATED_RATE_LIMITS[endpoint.toLowerCase()] ?? this.options.defaultRateLimit;
  }

  check(endpoint: string, nowMs: number): RateDecision {
    const key = endpoint.toLowerCase();
    const limit = this.limitFor(key);
    const window = this.windows.get(key) ?? [];
    this.windows.set(key, window);
    while (window.length > 0 && (window[0] ?? 0) <= nowMs - WINDOW_MS) window.shift();
    if (window.length >= limit) {
      const wait = (window[0] ?? nowMs) + WINDOW_MS - nowMs;

      return { admitted: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    }
    window.push(nowMs);

    return { admitted: true, limit, retryAfterSeconds: 0 };
  }

  clear(): void {
    this.windows.clear();
  }
}

/** The over-limit text of Linnworks' throttling middleware (reference §7). */
export function quotaMessage(limit: number): string {
  return `API calls quota exceeded! Maximum admitted ${limit} per Minute.`;
}
