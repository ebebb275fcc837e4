import { describeError, readInstances, type StateStore } from 'shared';

import type { Check } from './status-checks';

/**
 * How many instances of each scaled app share its Linnworks budget now, from their heartbeats
 * (docs/configuration.md, "Several instances of one app"): each keeps to 1/n of its app's
 * share, and one still `joining` makes no Linnworks call yet. Informational: it explains a
 * lower order throughput after a scale-out or a redeploy; never makes the connector degraded.
 */
export function instancesCheck(store: StateStore, now: () => Date = () => new Date()): Check {
  const name = 'Linnworks share by instance';

  return async () => {
    try {
      const apps = await readInstances(store, now().getTime());

      return { name, status: 'UP', critical: false, details: { apps } };
    } catch (error) {
      return {
        name,
        status: 'UP',
        critical: false,
        message: 'instance heartbeats unreadable',
        details: { error: describeError(error).code },
      };
    }
  };
}
