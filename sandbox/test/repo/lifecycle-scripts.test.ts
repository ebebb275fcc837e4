import { execFile } from 'node:child_process';
import path from 'node:path';

import { ctTestApi, ctTestConfig, ctTestEnv } from 'shared/testing';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';

const orderSync = path.join(__dirname, '..', '..', '..', 'order-sync');

/** Runs the script without blocking this process: post-deploy checks Linnworks (the emulator, here). */
function runScript(script: string, env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const args = ['--import', 'tsx', `src/connector/${script}.ts`];
    const options = {
      cwd: orderSync,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    };
    execFile(process.execPath, args, options, (error, stdout, stderr) => {
      resolve({
        status: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        stdout,
        stderr,
      });
    });
  });
}

let emulator: RunningLinnworksEmulator;
beforeAll(async () => {
  emulator = await startLinnworksEmulator();
});
afterAll(() => emulator.close());

describe('order-sync lifecycle scripts, as Connect runs them', () => {
  const config = ctTestConfig();
  const api = ctTestApi(config);
  const env = () => ({
    ...ctTestEnv(config),
    LINNWORKS_APPLICATION_ID: emulator.credentials.applicationId,
    LINNWORKS_APPLICATION_SECRET: emulator.credentials.applicationSecret,
    LINNWORKS_INSTALLATION_TOKEN: emulator.credentials.installationToken,
    LINNWORKS_AUTH_URL: emulator.authUrl,
    CONNECT_SUBSCRIPTION_DESTINATION: 'GoogleCloudPubSub',
    CONNECT_GCP_PROJECT_ID: 'gcp-project',
    CONNECT_GCP_TOPIC_NAME: 'orders-topic',
  });

  it('when post-deploy runs twice, then the subscription (order and payment messages) and the Linnworks channel exist once', async () => {
    for (let i = 0; i < 2; i++) {
      const run = await runScript('post-deploy', env());
      expect(run.status).toBe(0);
    }
    const subscription = await api
      .subscriptions()
      .withKey({ key: 'linnworks-connector-orders' })
      .get()
      .execute();
    expect(subscription.body.destination).toEqual({
      type: 'GoogleCloudPubSub',
      projectId: 'gcp-project',
      topic: 'orders-topic',
    });
    expect(subscription.body.messages).toEqual([
      {
        resourceTypeId: 'order',
        types: [
          'OrderCreated',
          'OrderImported',
          'OrderPaymentStateChanged',
          'OrderStateChanged',
          // Edits after export (docs/order-sync.md).
          'OrderShippingAddressSet',
          'OrderBillingAddressSet',
          'OrderCustomerEmailSet',
          'OrderShippingInfoSet',
          'OrderLineItemAdded',
          'OrderLineItemRemoved',
          'OrderCustomLineItemAdded',
          'OrderCustomLineItemRemoved',
          'OrderCustomLineItemQuantityChanged',
          'OrderEditApplied',
          // Units moved to the cancelled line-item state: a partial cancellation.
          'LineItemStateTransition',
        ],
      },
      // Refunds made in commercetools go to processed Linnworks orders (money paths, #16).
      {
        resourceTypeId: 'payment',
        types: ['PaymentTransactionAdded', 'PaymentTransactionStateChanged'],
      },
    ]);
    const channel = await api.channels().withKey({ key: 'linnworks' }).get().execute();
    expect(channel.body.roles).toContain('OrderExport');
  });

  it('when pre-undeploy runs, then the subscription is gone', async () => {
    const run = await runScript('pre-undeploy', env());
    expect(run.status).toBe(0);
    await expect(
      api.subscriptions().withKey({ key: 'linnworks-connector-orders' }).get().execute(),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('when the destination is missing, then post-deploy fails naming the variable and never prints a secret', async () => {
    const run = await runScript('post-deploy', {
      ...env(),
      CONNECT_SUBSCRIPTION_DESTINATION: '',
      CONNECT_GCP_TOPIC_NAME: '',
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('CONNECT_SUBSCRIPTION_DESTINATION');
    expect(run.stdout + run.stderr).not.toContain(config.clientSecret);
  });
});
