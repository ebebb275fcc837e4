import type { Order, OrderImportDraft } from '@commercetools/platform-sdk';
import type { Express } from 'express';
import { createApp, type OrderSyncConfig, orderSyncClientOptions } from 'order-sync';
import {
  type CtApi,
  type CtConfig,
  createCtApi,
  createOrderSync,
  CtStateStore,
  FailureQueue,
  LinnworksClient,
  type OrderSync,
  OrderStateRepo,
  type OrderSyncSettings,
  toAlertSettings,
  toOrderSyncSettings,
} from 'shared';
import { captureLogger, ctTestConfig, toPubSubPush, unlimitedRateBudget } from 'shared/testing';
import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';
import { type CountingProxy, startCountingProxy } from './counting-proxy';

export const TEST_SETTINGS: OrderSyncSettings = toOrderSyncSettings({
  LINNWORKS_ORDER_SOURCE: 'COMMERCETOOLS',
  ORDER_STORE_MAPPING: { _none: { subSource: 'web', location: 'Default' } },
  ORDER_SHIPPING_METHOD_MAPPING: {},
  ORDER_COUNTRY_LOCATIONS: {},
  ORDER_SYNC_PAID_ONLY: false,
  ORDER_PAID_WHEN: 'paymentState',
  ORDER_PAYMENT_METHOD_MAPPING: {},
  ORDER_SYNC_STORES: [],
  ORDER_UNKNOWN_SKU_POLICY: 'reject',
  ORDER_SUPPORTED_CURRENCIES: ['EUR', 'GBP'],
  ORDER_POSTCODE_COUNTRIES: ['DE', 'GB'],
  ORDER_TITLE_LOCALE: 'en',
  ORDER_DISPATCH_WITHIN_HOURS: 48,
  // Batching on, with a short window so one-at-a-time tests stay quick.
  ORDER_BATCH_WINDOW_MS: 20,
  ORDER_BATCH_MAX_SIZE: 20,
});

/** A decimal amount Linnworks returns, in minor units (for comparing totals to the cent). */
export function toMinor(value: number, fractionDigits: number): number {
  return Math.round(value * 10 ** fractionDigits);
}

export interface OrderSyncWorld {
  ctConfig: CtConfig;
  /** Direct API (not counted). */
  api: CtApi;
  proxy: CountingProxy;
  emulator: RunningLinnworksEmulator;
  /** The flow's face, over the clients the app would use (commercetools behind the proxy). */
  orderSync: OrderSync;
  linnworks: LinnworksClient;
  app: Express;
  logs: ReturnType<typeof captureLogger>;
  failures: FailureQueue;
  states: OrderStateRepo;
  config: OrderSyncConfig;
  close(): Promise<void>;
}

/** A fresh commercetools project (behind a counting proxy), a Linnworks emulator and the app. */
export async function startWorld(
  settings: Partial<OrderSyncSettings> = {},
): Promise<OrderSyncWorld> {
  const ctConfig = ctTestConfig();
  const proxy = await startCountingProxy(ctConfig.apiUrl);
  const emulator = await startLinnworksEmulator({ options: { rateLimits: false } });
  const c = emulator.credentials;
  const config: OrderSyncConfig = {
    ct: { ...ctConfig, apiUrl: proxy.url, authUrl: proxy.url },
    linnworks: {
      applicationId: c.applicationId,
      applicationSecret: c.applicationSecret,
      installationToken: c.installationToken,
      authUrl: emulator.authUrl,
    },
    logLevel: 'debug',
    // No webhook: alerting state is kept, nothing is sent (alerts have tests of their own).
    alerts: toAlertSettings({
      CTP_PROJECT_KEY: ctConfig.projectKey,
      ALERT_WEBHOOK_FORMAT: 'json',
      ALERT_MIN_INTERVAL_MINUTES: 60,
      ALERT_FAILURE_QUEUE_THRESHOLD: 100,
      ALERT_JOB_LATE_MINUTES: 30,
    }),
    subscriptionKey: 'orders',
    settings: { ...TEST_SETTINGS, ...settings },
  };
  const logs = captureLogger();
  const api = createCtApi(ctConfig, { maxRetries: 0 });
  // The event app's own client timing, with the rate budget off and fast retries.
  const linnworks = new LinnworksClient({
    config: config.linnworks,
    logger: logs.logger,
    ...orderSyncClientOptions.linnworks,
    rateBudget: unlimitedRateBudget,
    retry: { maxAttempts: 2, baseDelayMs: 1 },
  });
  const clients = {
    ct: createCtApi(config.ct, orderSyncClientOptions.ct),
    linnworks,
    logger: logs.logger,
  };
  const orderSync = createOrderSync(clients, config.settings);
  const app = createApp({ logger: logs.logger, handleMessage: orderSync.handle });

  return {
    ctConfig,
    api,
    proxy,
    emulator,
    orderSync,
    linnworks,
    app,
    logs,
    failures: new FailureQueue(new CtStateStore(api)),
    states: new OrderStateRepo(new CtStateStore(api)),
    config,
    close: async () => {
      await proxy.close();
      await emulator.close();
    },
  };
}

/** Products with these SKUs: the test server's orders/import needs them. */
export async function seedProducts(api: CtApi, skus: string[], typeName = `pt-${skus.join('-')}`) {
  const type = await api
    .productTypes()
    .post({ body: { name: typeName, description: 'test' } })
    .execute();
  for (const sku of skus) {
    await api
      .products()
      .post({
        body: {
          productType: { typeId: 'product-type', id: type.body.id },
          name: { en: sku },
          slug: { en: sku.toLowerCase() },
          masterVariant: { sku },
          publish: true,
        },
      })
      .execute();
  }
}

/** Products with these SKUs in commercetools, and Linnworks items. */
export async function seedSkus(world: OrderSyncWorld, skus: string[], inLinnworks = skus) {
  await seedProducts(world.api, skus);
  world.emulator.control.seedItems(
    inLinnworks.map((sku) => ({ sku, title: sku, stock: { Default: 100 } })),
  );
}

/** Fixes an order's data the way a merchant would: a new postcode on its shipping address. */
export async function setPostalCode(world: OrderSyncWorld, orderId: string, postalCode: string) {
  const current = await world.api.orders().withId({ ID: orderId }).get().execute();
  await world.api
    .orders()
    .withId({ ID: orderId })
    .post({
      body: {
        version: current.body.version,
        actions: [
          {
            action: 'setShippingAddress',
            address: { ...current.body.shippingAddress!, postalCode },
          },
        ],
      },
    })
    .execute();
}

export interface SimpleOrder {
  orderNumber?: string;
  paymentState?: 'Paid' | 'BalanceDue';
  lines: Array<{ sku: string; quantity: number; unitCents: number; ratePercent?: number }>;
  storeKey?: string;
  address?: Partial<OrderImportDraft['shippingAddress']>;
}

/** Imports an order (tax-included, EUR); the test server computes its taxedPrice. */
export async function importOrder(world: OrderSyncWorld, spec: SimpleOrder): Promise<Order> {
  const total = spec.lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0);
  const address = {
    country: 'DE',
    firstName: 'Erika',
    lastName: 'Mustermann',
    streetName: 'Heidestr.',
    streetNumber: '17',
    postalCode: '51147',
    city: 'Köln',
    email: 'erika@example.com',
    ...spec.address,
  };
  const res = await world.api
    .orders()
    .importOrder()
    .post({
      body: {
        ...(spec.orderNumber ? { orderNumber: spec.orderNumber } : {}),
        customerEmail: 'erika@example.com',
        totalPrice: { currencyCode: 'EUR', centAmount: total },
        paymentState: spec.paymentState ?? 'Paid',
        orderState: 'Open',
        shippingAddress: address,
        billingAddress: address,
        lineItems: spec.lines.map((l) => ({
          variant: { sku: l.sku },
          name: { en: `Name of ${l.sku}` },
          price: { value: { currencyCode: 'EUR', centAmount: l.unitCents } },
          quantity: l.quantity,
          taxRate: {
            name: 'vat',
            amount: (l.ratePercent ?? 19) / 100,
            includedInPrice: true,
            country: 'DE',
          },
        })),
      },
    })
    .execute();

  return res.body;
}

let messageSeq = 0;

/** The Pub/Sub push Connect would deliver for an order message. */
export function orderMessage(
  order: Pick<Order, 'id' | 'version'>,
  type = 'OrderCreated',
  messageId?: string,
) {
  messageSeq++;
  const payload = {
    notificationType: 'Message',
    projectKey: 'p',
    id: `msg-${messageSeq}`,
    version: 1,
    sequenceNumber: messageSeq,
    resource: { typeId: 'order', id: order.id },
    resourceVersion: order.version,
    type,
    createdAt: new Date().toISOString(),
    lastModifiedAt: new Date().toISOString(),
  };

  return toPubSubPush(payload, messageId ?? `pubsub-${messageSeq}`);
}

/** The parts of the emulator's OrderDetails view the tests read. */
export interface LwOrderView {
  OrderId: string;
  Processed: boolean;
  GeneralInfo: {
    ReferenceNum: string;
    SecondaryReference: string;
    Source: string;
    SubSource: string;
    Status: number;
    HoldOrCancel: boolean;
    IsParked: boolean;
  };
  Items: Array<{ ItemNumber: string; ChannelSKU: string; Quantity: number }>;
  ExtendedProperties: Array<{ Name: string; Value: string }>;
  TotalsInfo: { TotalCharge: number; Tax: number; Subtotal: number; PostageCostExTax: number };
}

/** The emulator's orders for one commercetools order (by its id as secondary reference). */
export function linnworksOrdersFor(world: OrderSyncWorld, ctOrderId: string): LwOrderView[] {
  return (world.emulator.control.listOrders() as unknown as LwOrderView[]).filter(
    (o) => o.GeneralInfo.SecondaryReference === ctOrderId,
  );
}
