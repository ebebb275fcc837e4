import type { ConnectorClients } from '../clients/connector-clients';
import type { CtApi } from '../commercetools/client';
import { ctStatus } from '../commercetools/ct-errors';
import { describeError } from '../errors/errors';
import type { LinnworksApi } from '../linnworks/linnworks-api.port';
import type { ConnectorAlerts } from './connector-alerts';

/** What one watch run saw. */
export interface AlertWatchReport {
  subscription: string;
  linnworks: 'authorised' | string;
}

/** A task of the scheduler app: `{ name, everyMinutes, run }`. */
export interface AlertWatchTask {
  name: 'alert-watch';
  everyMinutes: number;
  run(): Promise<AlertWatchReport>;
}

async function subscriptionStatus(ct: CtApi, key: string): Promise<string> {
  try {
    return (await ct.subscriptions().withKey({ key }).get().execute()).body.status;
  } catch (error) {
    return ctStatus(error) === 404 ? 'NotFound' : `Unreadable (${describeError(error).code})`;
  }
}

async function linnworksAuth(linnworks: LinnworksApi): Promise<string> {
  try {
    await linnworks.getStockLocations();

    return 'authorised';
  } catch (error) {
    return describeError(error).code;
  }
}

async function watch(alerts: ConnectorAlerts, clients: ConnectorClients, subscriptionKey: string) {
  const subscription = await subscriptionStatus(clients.ct, subscriptionKey);
  await alerts.alerter.observe('subscription-unhealthy', 'either', async () => ({
    key: 'subscription-unhealthy',
    kind: 'subscription-unhealthy',
    firing: subscription !== 'Healthy',
    flow: 'order-sync',
    reasonCode: subscription,
    title: `The order Subscription ${subscriptionKey} is ${subscription}: orders may not arrive`,
    count: subscription === 'Healthy' ? 0 : 1,
    route: '/status',
  }));
  const linnworks = await linnworksAuth(clients.linnworks);
  const refused = linnworks === 'LINNWORKS_UNAUTHORIZED' || linnworks === 'LINNWORKS_REJECTED';
  if (refused || linnworks === 'authorised') {
    await alerts.alerter.observe('linnworks-auth.jobs', 'either', async () => ({
      key: 'linnworks-auth.jobs',
      kind: 'linnworks-auth',
      firing: refused,
      reasonCode: 'LINNWORKS_UNAUTHORIZED',
      title: `Linnworks authorisation fails (${linnworks})`,
      count: refused ? 1 : 0,
      route: '/status',
    }));
  }
  await alerts.jobs.lateJobs();
  await alerts.sweep();
  await alerts.settled();

  return { subscription, linnworks };
}

/**
 * The conditions nothing else sees: an unhealthy order Subscription (no messages arrive to
 * tell), Linnworks refusing the connector, jobs that stopped running, and the failure queue as
 * a whole. For the scheduler app, every few minutes (default 5).
 */
export function createAlertWatchTask(
  clients: ConnectorClients,
  settings: { subscriptionKey: string; everyMinutes?: number },
): AlertWatchTask {
  return {
    name: 'alert-watch',
    everyMinutes: settings.everyMinutes ?? 5,
    async run() {
      if (!clients.alerts) return { subscription: 'not watched', linnworks: 'not watched' };

      return watch(clients.alerts, clients, settings.subscriptionKey);
    },
  };
}
