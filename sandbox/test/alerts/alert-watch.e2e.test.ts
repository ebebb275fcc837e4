import {
  type Alert,
  type AlertSettings,
  createAlertWatchTask,
  createConnectorAlerts,
  createCtApi,
  LinnworksClient,
} from 'shared';
import { unlimitedRateBudget } from 'shared/testing';

import { startWebhookReceiver, type WebhookReceiver } from '../../src/alerts/webhook-receiver';
import { type OrderSyncWorld, startWorld } from '../order-sync/order-sync.harness';

const KEY = 'linnworks-connector-orders';

describe('the alert watch task (subscription health, Linnworks authorisation; test server, emulator)', () => {
  let world: OrderSyncWorld;
  let receiver: WebhookReceiver;
  let settings: AlertSettings;

  beforeAll(async () => {
    world = await startWorld();
    receiver = await startWebhookReceiver();
    settings = {
      webhookUrl: receiver.url,
      format: 'json',
      secret: undefined,
      minIntervalMs: 3_600_000,
      failureQueueThreshold: 100,
      jobLateMs: 1_800_000,
      deployment: 'sandbox',
      adminUrl: undefined,
    };
  });
  afterAll(async () => {
    await receiver.close();
    await world.close();
  });

  function task(installationToken?: string) {
    const ct = createCtApi(world.config.ct, { maxRetries: 0 });
    const logger = world.logs.logger;
    const linnworks = installationToken
      ? new LinnworksClient({
          config: { ...world.config.linnworks, installationToken },
          logger,
          rateBudget: unlimitedRateBudget,
          retry: { maxAttempts: 1, baseDelayMs: 1 },
        })
      : world.linnworks;
    const alerts = createConnectorAlerts({ ct, logger }, settings);

    return createAlertWatchTask({ ct, linnworks, logger, alerts }, { subscriptionKey: KEY });
  }
  const seen = () =>
    receiver.alerts().map((a: Alert) => `${a.status} ${a.kind} ${a.reasonCode ?? ''}`.trim());

  it('when the order Subscription is missing, then the watch raises subscription-unhealthy once; once it exists and is healthy, resolved', async () => {
    const watch = task();
    expect(watch).toMatchObject({ name: 'alert-watch', everyMinutes: 5 });
    expect(await watch.run()).toEqual({ subscription: 'NotFound', linnworks: 'authorised' });
    await watch.run();
    expect(seen()).toEqual(['firing subscription-unhealthy NotFound']);
    await world.api
      .subscriptions()
      .post({
        body: {
          key: KEY,
          destination: { type: 'GoogleCloudPubSub', projectId: 'p', topic: 't' },
          messages: [{ resourceTypeId: 'order', types: ['OrderCreated'] }],
        },
      })
      .execute();
    expect((await watch.run()).subscription).toBe('Healthy');
    expect(seen()).toEqual([
      'firing subscription-unhealthy NotFound',
      'resolved subscription-unhealthy Healthy',
    ]);
  });

  it('when Linnworks refuses the installation token, then the Linnworks authorisation alert fires; a good token resolves it', async () => {
    const refused = await task('0000000000000000000000000000dead').run();
    expect(refused.linnworks).toMatch(/^LINNWORKS_/);
    await task().run();
    expect(seen().slice(-2)).toEqual([
      'firing linnworks-auth LINNWORKS_UNAUTHORIZED',
      'resolved linnworks-auth LINNWORKS_UNAUTHORIZED',
    ]);
  });
});
