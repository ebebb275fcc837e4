import type { Order } from '@commercetools/platform-sdk';
import type { Express } from 'express';
import { createApp, loadConfig, wireOrderSync } from 'order-sync';
import {
  type CtApi,
  createCtApi,
  CtStateStore,
  FailureQueue,
  LeaseLock,
  OrderStateRepo,
} from 'shared';
import { captureLogger, ctTestConfig, ctTestEnv } from 'shared/testing';
import request from 'supertest';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';
import { workedExample } from '../repo/worked-example';
import { type LwOrderView, orderMessage, seedProducts } from './order-sync.harness';

/**
 * Two deployments of the connector in one commercetools project (docs/configuration.md, "Two
 * deployments in one project"), configured as the doc's worked example says: `uk` sends the uk
 * store's orders to one Linnworks account (emulator 1, location Leeds), `eu` the eu store's to
 * another (emulator 2, location Berlin). Both receive every order message, as both
 * Subscriptions would deliver them.
 */
interface Deployment {
  key: 'uk' | 'eu';
  emulator: RunningLinnworksEmulator;
  app: Express;
  locationId: string;
  store: CtStateStore;
}

const SKU = 'MUG-1';

async function startDeployment(
  key: Deployment['key'],
  ctEnv: Record<string, string>,
  api: CtApi,
  location: string,
): Promise<Deployment> {
  const emulator = await startLinnworksEmulator({ options: { rateLimits: false } });
  const [seeded] = emulator.control.seedLocations([{ name: location }]);
  emulator.control.seedItems([{ sku: SKU, title: SKU, stock: { [location]: 50 } }]);
  const example = workedExample();
  const c = emulator.credentials;
  const config = loadConfig({
    ...ctEnv,
    LINNWORKS_APPLICATION_ID: c.applicationId,
    LINNWORKS_APPLICATION_SECRET: c.applicationSecret,
    LINNWORKS_INSTALLATION_TOKEN: c.installationToken,
    LINNWORKS_AUTH_URL: emulator.authUrl,
    ...example.setup,
    ...example.deployments[key],
  });
  // The event app exactly as Connect runs it: its own wiring over real clients.
  const app = createApp(wireOrderSync(config, captureLogger().logger));

  return { key, emulator, app, locationId: seeded!.id, store: new CtStateStore(api, key) };
}

interface Spec {
  store: 'uk' | 'eu';
  currency: 'GBP' | 'EUR';
  country: string;
  paid: boolean;
}

/** Imports an order of a store (tax included); the test server computes its taxedPrice. */
async function importOrder(api: CtApi, spec: Spec): Promise<Order> {
  const address = {
    country: spec.country,
    firstName: 'Erika',
    lastName: 'Mustermann',
    streetName: 'High St',
    streetNumber: '1',
    postalCode: '12345',
    city: 'Town',
    email: 'erika@example.com',
  };
  const price = { currencyCode: spec.currency, centAmount: 1200 };
  const res = await api
    .orders()
    .importOrder()
    .post({
      body: {
        store: { typeId: 'store', key: spec.store },
        customerEmail: 'erika@example.com',
        totalPrice: price,
        paymentState: spec.paid ? 'Paid' : 'BalanceDue',
        orderState: 'Open',
        shippingAddress: address,
        billingAddress: address,
        lineItems: [
          {
            variant: { sku: SKU },
            name: { en: 'Mug', de: 'Becher' },
            price: { value: price },
            quantity: 1,
            taxRate: { name: 'vat', amount: 0.2, includedInPrice: true, country: spec.country },
          },
        ],
      },
    })
    .execute();

  return res.body;
}

function ordersIn(d: Deployment): LwOrderView[] {
  return d.emulator.control.listOrders() as unknown as LwOrderView[];
}

describe('two deployments in one project, one Linnworks account each', () => {
  const ctConfig = ctTestConfig();
  const api = createCtApi(ctConfig, { maxRetries: 0 });
  let uk: Deployment;
  let eu: Deployment;
  const orders: Record<string, Order> = {};
  const answers: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    for (const key of ['uk', 'eu'])
      await api
        .stores()
        .post({ body: { key, name: { en: key } } })
        .execute();
    await seedProducts(api, [SKU]);
    uk = await startDeployment('uk', ctTestEnv(ctConfig), api, 'Leeds');
    eu = await startDeployment('eu', ctTestEnv(ctConfig), api, 'Berlin');
    const specs: Record<string, Spec> = {
      ukPaid: { store: 'uk', currency: 'GBP', country: 'GB', paid: true },
      ukUnpaid: { store: 'uk', currency: 'GBP', country: 'GB', paid: false },
      euPaid: { store: 'eu', currency: 'EUR', country: 'IE', paid: true },
      euUnpaid: { store: 'eu', currency: 'EUR', country: 'DE', paid: false },
      euGbp: { store: 'eu', currency: 'GBP', country: 'DE', paid: true },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const order = await importOrder(api, spec);
      orders[name] = order;
      answers[name] = {};
      // Each deployment's Subscription delivers every order message of the project.
      for (const d of [uk, eu]) {
        const res = await request(d.app).post('/event').send(orderMessage(order));
        answers[name]![d.key] = res.status;
      }
    }
  }, 60_000);
  afterAll(async () => {
    await uk?.emulator.close();
    await eu?.emulator.close();
  });

  it("when both receive every order, then each Linnworks account holds only its own stores' orders", () => {
    const refs = (d: Deployment) => ordersIn(d).map((o) => o.GeneralInfo.SecondaryReference);
    expect(refs(uk).sort()).toEqual([orders.ukPaid!.id, orders.ukUnpaid!.id].sort());
    expect(refs(eu)).toEqual([orders.euPaid!.id]);
    for (const o of ordersIn(uk))
      expect(o.GeneralInfo).toMatchObject({ Source: 'COMMERCETOOLS-UK', SubSource: 'uk-web' });
    expect(ordersIn(eu)[0]?.GeneralInfo).toMatchObject({
      Source: 'COMMERCETOOLS-EU',
      SubSource: 'eu-web',
    });
    // No deployment fails an order of the other's stores: it ignores it (2xx, no retry).
    for (const status of Object.values(answers).flatMap((a) => Object.values(a)))
      expect(status).toBeLessThan(300);
  });

  it("when each store's rules apply, then locations, paid-only and currencies follow its entry", async () => {
    const at = (d: Deployment) =>
      (d.emulator.control.listOrders() as unknown as Array<{ FulfilmentLocationId: string }>).map(
        (o) => o.FulfilmentLocationId,
      );
    expect(at(uk)).toEqual([uk.locationId, uk.locationId]);
    // euPaid ships to Ireland: the eu store's own IE route (Berlin) applies.
    expect(at(eu)).toEqual([eu.locationId]);
    // eu is paid-only: its unpaid order waits; uk is not: its unpaid order is in Linnworks.
    expect(await new OrderStateRepo(eu.store).get(orders.euUnpaid!.id)).toBeUndefined();
    const euFailures = await new FailureQueue(eu.store).list();
    expect(euFailures.items.map((f) => [f.ref.id, f.reasonCode])).toEqual([
      [orders.euGbp!.id, 'CURRENCY_UNSUPPORTED'],
    ]);
  });

  it("when each keeps state, then order state, failures and locks are the deployment's own", async () => {
    const ukStates = new OrderStateRepo(uk.store);
    const euStates = new OrderStateRepo(eu.store);
    expect((await ukStates.get(orders.ukPaid!.id))?.value.status).toBe('created');
    expect(await euStates.get(orders.ukPaid!.id)).toBeUndefined();
    expect((await euStates.get(orders.euPaid!.id))?.value.status).toBe('created');
    expect(await ukStates.get(orders.euPaid!.id)).toBeUndefined();
    expect((await new FailureQueue(uk.store).list()).total).toBe(0);

    const ukLock = await new LeaseLock(uk.store).acquire('stock-sync', 60_000, 'uk-run');
    const euLock = await new LeaseLock(eu.store).acquire('stock-sync', 60_000, 'eu-run');
    const ukAgain = await new LeaseLock(uk.store).acquire('stock-sync', 60_000, 'uk-run-2');
    expect([ukLock.acquired, euLock.acquired, ukAgain.acquired]).toEqual([true, true, false]);
  });

  it('when the project is listed, then every custom object and sync info is in a namespace', async () => {
    const all = await api
      .customObjects()
      .get({ queryArgs: { limit: 500 } })
      .execute();
    const containers = [...new Set(all.body.results.map((o) => o.container))].sort();
    expect(containers.length).toBeGreaterThan(0);
    expect(containers.filter((c) => !/--(uk|eu)$/.test(c))).toEqual([]);

    const synced = await api
      .orders()
      .withId({ ID: orders.ukPaid!.id })
      .get({ queryArgs: { expand: ['syncInfo[*].channel'] } })
      .execute();
    expect(synced.body.syncInfo.map((s) => s.channel.obj?.key)).toEqual(['linnworks--uk']);
  });
});
