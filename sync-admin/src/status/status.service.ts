import { statusHandler } from '@commercetools/connect-payments-sdk';
import type { Logger } from 'shared';

import { sdkLogger } from '../auth/sdk-logger';
import type { Check, CheckResult } from './status-checks';

export type OverallStatus = 'ok' | 'degraded' | 'down';

export interface StatusReport {
  status: OverallStatus;
  timestamp: string;
  checks: CheckResult[];
}

/** ok when every check is up; down when a critical check is down; degraded otherwise. */
export function overallStatus(checks: CheckResult[]): OverallStatus {
  if (checks.some((c) => c.status === 'DOWN' && c.critical)) return 'down';

  return checks.some((c) => c.status === 'DOWN') ? 'degraded' : 'ok';
}

function bounded(check: Check, index: number, timeoutMs: number): Check {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            name: `check ${index + 1}`,
            status: 'DOWN',
            critical: true,
            message: 'timed out',
          }),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([check(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The deep status: runs every check concurrently through the SDK's `statusHandler`, each bounded
 * by `checkTimeoutMs` (a timed-out check counts as critical and down), and folds the results
 * into ok / degraded / down.
 */
export function createStatusService(deps: {
  checks: Check[];
  logger: Logger;
  checkTimeoutMs?: number;
  now?: () => Date;
}): () => Promise<StatusReport> {
  const checkTimeoutMs = deps.checkTimeoutMs ?? 8000;
  const handler = statusHandler({
    timeout: checkTimeoutMs + 2000,
    checks: deps.checks.map((check, i) => {
      const run = bounded(check, i, checkTimeoutMs);

      return async () => {
        const result = await run();

        return { ...result, status: result.status } as never;
      };
    }),
    log: sdkLogger(deps.logger),
  });

  return async () => {
    const result = await handler();
    const checks = ((result.body as { checks?: unknown[] }).checks ?? []) as CheckResult[];
    const timestamp = (deps.now ?? (() => new Date()))().toISOString();
    if (checks.length === 0 && deps.checks.length > 0) {
      return {
        status: 'down',
        timestamp,
        checks: [{ name: 'status', status: 'DOWN', critical: true, message: 'timed out' }],
      };
    }

    return { status: overallStatus(checks), timestamp, checks };
  };
}
