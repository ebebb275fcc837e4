import {
  type CtApi,
  describeError,
  type FailureRecord,
  FAILURE_CONTAINER,
  type JobRunReport,
  type LinnworksApi,
  missingScopes,
  type StateStore,
} from 'shared';

import type { CtScopeSource } from './ct-token-source';

export interface CheckResult {
  name: string;
  status: 'UP' | 'DOWN';
  /** A critical check that is down makes the whole connector `down`; others make it `degraded`. */
  critical: boolean;
  message?: string;
  details?: Record<string, unknown>;
}

export type Check = () => Promise<CheckResult>;

/** Where the last run report of a job flow is read from, and how stale it may be. */
export interface JobReportSource {
  read: () => Promise<JobRunReport | undefined>;
  maxLagMs: number;
}

const down = (
  name: string,
  critical: boolean,
  message: string,
  details?: Record<string, unknown>,
): CheckResult => ({
  name,
  status: 'DOWN',
  critical,
  message,
  ...(details ? { details } : {}),
});

export function ctCredentialsCheck(scopes: CtScopeSource): Check {
  return async () => {
    try {
      await scopes();

      return { name: 'commercetools credentials', status: 'UP', critical: true };
    } catch (error) {
      return down(
        'commercetools credentials',
        true,
        'the connector cannot get a commercetools token',
        {
          error: describeError(error).code,
        },
      );
    }
  };
}

/**
 * One check per app: does the connector's client hold every scope that app needs? Replaces the
 * payments SDK's `healthCheckCommercetoolsPermissions`, which compares names exactly: here a
 * `manage_x` grant satisfies a `view_x` requirement, and `manage_project` satisfies all.
 */
export function ctScopesCheck(
  flow: string,
  required: readonly string[],
  projectKey: string,
  scopes: CtScopeSource,
): Check {
  const name = `commercetools scopes: ${flow}`;

  return async () => {
    let granted: string;
    try {
      granted = (await scopes()).scope;
    } catch (error) {
      return down(name, false, 'the token scopes could not be read', {
        error: describeError(error).code,
      });
    }
    const missing = missingScopes(granted, required, projectKey);
    if (missing.length === 0)
      return { name, status: 'UP', critical: false, details: { required: [...required] } };

    return down(name, false, `missing scopes: ${missing.join(' ')}`, {
      required: [...required],
      missing,
    });
  };
}

export function linnworksCheck(linnworks: LinnworksApi): Check {
  return async () => {
    try {
      const locations = await linnworks.getStockLocations();

      return {
        name: 'linnworks authorisation',
        status: 'UP',
        critical: true,
        details: { stockLocations: locations.length },
      };
    } catch (error) {
      return down('linnworks authorisation', true, 'Linnworks refused or did not answer', {
        error: describeError(error).code,
      });
    }
  };
}

export function subscriptionCheck(api: CtApi, key: string): Check {
  const name = 'order subscription';

  return async () => {
    try {
      const sub = (await api.subscriptions().withKey({ key }).get().execute()).body;
      if (sub.status === 'Healthy')
        return { name, status: 'UP', critical: false, details: { key, status: sub.status } };

      return down(name, false, `subscription is ${sub.status}`, { key, status: sub.status });
    } catch (error) {
      const code = describeError(error).code;
      const status =
        (error as { statusCode?: number; code?: number }).statusCode ??
        (error as { code?: number }).code;

      return down(
        name,
        false,
        status === 404 ? 'subscription not found' : 'subscription unreadable',
        { key, error: code },
      );
    }
  };
}

/**
 * stock-sync's sweep lag: how long ago, at most, the least recently read SKU was read (the
 * report's `sweep.oldestUnsweptAgeSeconds`, aged by the time since the report).
 */
function sweepLag(report: JobRunReport, lagMs: number): { sweepLagSeconds?: number | null } {
  const sweep = report.sweep as { oldestUnsweptAgeSeconds?: number | null } | undefined;
  if (!sweep || !('oldestUnsweptAgeSeconds' in sweep)) return {};
  const age = sweep.oldestUnsweptAgeSeconds;

  return {
    sweepLagSeconds: age === null || age === undefined ? null : age + Math.round(lagMs / 1000),
  };
}

export function jobReportCheck(flow: string, source: JobReportSource, now: () => Date): Check {
  const name = `last run: ${flow}`;

  return async () => {
    try {
      const report = await source.read();
      if (!report) return down(name, false, 'no run recorded yet');
      const lagMs = now().getTime() - Date.parse(report.finishedAt);
      const problems = Array.isArray(report.problems) ? report.problems : [];
      const details = {
        status: report.status,
        finishedAt: report.finishedAt,
        lagSeconds: Math.round(lagMs / 1000),
        counts: report.counts,
        ...sweepLag(report, lagMs),
        ...(problems.length > 0 ? { problems } : {}),
      };
      if (report.status === 'failed')
        return down(name, false, ['last run failed', ...problems].join(': '), details);
      if (problems.length > 0)
        return down(name, false, `last run incomplete: ${problems.join('; ')}`, details);
      if (report.status === 'partial')
        return down(
          name,
          false,
          `last run cut short (${String(report.reason ?? 'partial')})`,
          details,
        );
      const warnings = Array.isArray(report.warnings) ? report.warnings : [];
      if (warnings.length > 0)
        return down(name, false, `last run warns: ${warnings.join('; ')}`, {
          ...details,
          warnings,
        });
      if (lagMs > source.maxLagMs)
        return down(name, false, 'last run is older than expected', details);

      return { name, status: 'UP', critical: false, details };
    } catch (error) {
      return down(name, false, 'run report unreadable', { error: describeError(error).code });
    }
  };
}

/**
 * Pending failures by flow and reason, from a scan of the failure queue (bounded by `maxScanned`).
 * Any pending failure makes the connector `degraded`: it waits for a fix or a replay.
 */
export function failureQueueCheck(store: StateStore, maxScanned = 5000): Check {
  const name = 'failure queue';

  return async () => {
    try {
      const depth: Record<string, Record<string, number>> = {};
      let pending = 0;
      let truncated = false;
      for await (const page of store.scan<FailureRecord>(FAILURE_CONTAINER, {
        where: 'value(status="pending")',
        pageSize: 500,
      })) {
        for (const { value } of page) {
          const byReason = (depth[value.flow] ??= {});
          byReason[value.reasonCode] = (byReason[value.reasonCode] ?? 0) + 1;
          pending += 1;
        }
        if (pending >= maxScanned) {
          truncated = true;
          break;
        }
      }
      const details = { pending, byFlowAndReason: depth, ...(truncated ? { truncated } : {}) };

      return pending === 0
        ? { name, status: 'UP', critical: false, details }
        : down(name, false, `${pending}${truncated ? '+' : ''} failures pending`, details);
    } catch (error) {
      return down(name, false, 'failure queue unreadable', { error: describeError(error).code });
    }
  };
}
