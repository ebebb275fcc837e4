import type { AlertSettings } from '../alerts/alert.settings';
import { type ConnectorAlerts, createConnectorAlerts } from '../alerts/connector-alerts';
import { createCtApi, type CtApi, type CtClientOptions } from '../commercetools/client';
import type { CtConfig, LinnworksConfig } from '../config/common.config';
import type { LinnworksApi } from '../linnworks/linnworks-api.port';
import { LinnworksClient, type LinnworksClientOptions } from '../linnworks/linnworks.client';
import { fixedInstances, type InstanceGate } from '../linnworks/instance-share';
import { SlidingWindowRateBudget } from '../linnworks/rate-budget';
import { type LinnworksApp, rateSharesFor } from '../linnworks/rate-shares';
import type { Logger } from '../logging/logger';
import { CtStateStore } from '../state/ct-state-store';
import { InstanceMembership } from './instance-membership';

/**
 * What every flow's face is built from: one client per system, the logger, and the clock. An
 * app builds them once (`createConnectorClients`); tests and the sandbox pass their own.
 */
export interface ConnectorClients {
  ct: CtApi;
  linnworks: LinnworksApi;
  logger: Logger;
  /** The clock; tests and the sandbox inject one. Default: the system clock. */
  now?: () => Date;
  /** Where the app's alerts go; without it nothing is alerted (tests that do not look). */
  alerts?: ConnectorAlerts;
  /**
   * `CONNECTOR_INSTANCE_KEY`: the namespace of this deployment's state in the project
   * (connector-names.ts). Unset: today's names.
   */
  instanceKey?: string;
  /** Stops what the clients run in the background (the instance heartbeat), for shutdown. */
  stop?: () => void;
}

/**
 * Client options an app chooses for its own timing, e.g. order-sync's short Linnworks timeouts
 * (it must answer Pub/Sub within 10 s). Everything else keeps the clients' defaults.
 */
export interface ConnectorClientOptions {
  /** The app whose share of the tenant's Linnworks limits the client keeps to (all of them when unset). */
  app?: LinnworksApp;
  /**
   * Connect runs the app as as many instances as its load needs (event and service apps): they
   * split the app's share (`LINNWORKS_RATE_INSTANCES`, instance-share.ts). Job apps run one at
   * a time and keep the whole share.
   */
  scaled?: boolean;
  ct?: CtClientOptions;
  linnworks?: Omit<Partial<LinnworksClientOptions>, 'config' | 'logger'>;
}

/** The real clients of both systems from the connection settings every app reads. */
export function createConnectorClients(
  config: {
    ct: CtConfig;
    linnworks: LinnworksConfig;
    alerts?: AlertSettings;
    instanceKey?: string | undefined;
  },
  logger: Logger,
  options: ConnectorClientOptions = {},
): ConnectorClients {
  const ct = createCtApi(config.ct, options.ct);
  const instance = config.instanceKey ? { instanceKey: config.instanceKey } : {};
  const gate = options.app && options.scaled ? instanceGate(options.app, config, ct, logger) : {};

  return {
    ...instance,
    ct,
    linnworks: new LinnworksClient({
      config: config.linnworks,
      logger,
      ...(options.app
        ? { rateBudget: appRateBudget(options.app, config.linnworks, gate.instances) }
        : {}),
      ...options.linnworks,
    }),
    logger,
    ...(gate.stop ? { stop: gate.stop } : {}),
    ...(config.alerts
      ? { alerts: createConnectorAlerts({ ct, logger, ...instance }, config.alerts) }
      : {}),
  };
}

/** Calls stay a second longer in an app's window: a slow call must not let the next minute's in early. */
const RATE_SHARE_MARGIN_MS = 1_000;

/**
 * The app's share of each endpoint's per-minute limit (docs/configuration.md, "Linnworks rate
 * budget"); with `instances`, this instance's part of it.
 */
export function appRateBudget(
  app: LinnworksApp,
  config: LinnworksConfig,
  instances?: InstanceGate,
): SlidingWindowRateBudget {
  return new SlidingWindowRateBudget({
    ...rateSharesFor(app, config.rateShares),
    marginMs: RATE_SHARE_MARGIN_MS,
    ...(instances ? { instances } : {}),
  });
}

/** How a scaled app's instances split its share: by heartbeat (`auto`) or a fixed number. */
function instanceGate(
  app: LinnworksApp,
  config: { linnworks: LinnworksConfig; instanceKey?: string | undefined },
  ct: CtApi,
  logger: Logger,
): { instances?: InstanceGate; stop?: () => void } {
  const setting = config.linnworks.rateInstances ?? 'auto';
  if (setting !== 'auto') return { instances: fixedInstances(setting) };
  const store = new CtStateStore(ct, config.instanceKey);
  const membership = new InstanceMembership({ store, app, logger }).start();

  return { instances: membership, stop: () => membership.stop() };
}
