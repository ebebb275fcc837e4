import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';

import type { Order, OrderEdit, StagedOrderUpdateAction, State } from '@commercetools/platform-sdk';

import { createCtApi, type CtApi } from '../src/commercetools/client';

// Test support of the connector: builders, stand-ins, the commercetools test-server helpers.
// Never exported by production code, never imported by any `src` (lint enforces both).
export { buildCtOrder, type LineSpec, type OrderSpec, taxed } from './builders/ct-order.builder';
export { addChargedPayment, importOrder, seedCatalogue } from './builders/ct-seed';
export { testOrderSyncSettings } from './builders/order-sync-settings';
export { configProblems } from './config-problems';
export { toPubSubPush, type PubSubPush } from './pubsub-push';
export { unlimitedRateBudget } from './rate-budget';
export { InMemoryStateStore } from './stand-ins/in-memory-state-store';
export {
  type IntrospectionStandIn,
  type IssuedToken,
  startIntrospectionStandIn,
} from './stand-ins/introspection-stand-in';
export { detailsFrom, FakeLinnworks, processedRow } from './stand-ins/linnworks-fulfillment.fake';
export { DEFAULT_LOCATION, FakeCtStock, FakeLinnworksStock } from './stand-ins/stock-sync.fakes';
export { StockSnapshot } from '../src/flows/stock-sync/stock-snapshot';
import type { CtConfig } from '../src/config/common.config';
import { createLogger, type Logger } from '../src/logging/logger';

/** URL of the commercetools test server started by Jest's global setup. */
export function ctTestUrl(): string {
  const url = process.env.CT_TEST_URL;
  if (!url) throw new Error('CT_TEST_URL is not set: is the Jest global setup configured?');

  return url;
}

/** A project of its own on the test server (data is kept per project key). */
export function ctTestConfig(projectKey = `test-${randomUUID().slice(0, 8)}`): CtConfig {
  const url = ctTestUrl();

  return {
    projectKey,
    clientId: 'test-client-id',
    clientSecret: 'test-client-secret',
    scopes: undefined,
    apiUrl: url,
    authUrl: url,
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ctMockProcess = require('./ct-mock-process.cjs') as {
  seedCtResource(
    url: string,
    projectKey: string,
    typeId: string,
    resource: object,
  ): Promise<unknown>;
};

/**
 * Stores a resource on the test server exactly as given (its seeding route, not a commercetools
 * route), for what the server cannot build through the API, e.g. an order in Multiple
 * ShippingMode. An order's line items without a State get their quantity in `Initial`.
 */
export async function ctTestSeed<T>(
  config: CtConfig,
  typeId: string,
  resource: object,
): Promise<T> {
  return (await ctMockProcess.seedCtResource(
    config.apiUrl,
    config.projectKey,
    typeId,
    resource,
  )) as T;
}

export function ctTestApi(config: CtConfig = ctTestConfig()): CtApi {
  return createCtApi(config, { timeoutMs: 10_000, maxRetries: 0 });
}

/** Sets a state's transitions to the states with these keys, as a merchant does by hand. */
export async function setStateTransitions(api: CtApi, key: string, to: string[]): Promise<State> {
  const state = (await api.states().withKey({ key }).get().execute()).body;
  const transitions = to.map((k) => ({ typeId: 'state' as const, key: k }));

  return (
    await api
      .states()
      .withId({ ID: state.id })
      .post({
        body: { version: state.version, actions: [{ action: 'setTransitions', transitions }] },
      })
      .execute()
  ).body;
}

/**
 * Edits an order as a merchant does after it was placed: creates an Order Edit with these staged
 * actions and applies it to the order's current version. The test server recalculates the changed
 * lines and the order's totals and stores the edit's OrderEditApplied result (docs/testing.md).
 * The test server produces no messages: a test builds the OrderEditApplied delivery itself.
 */
export async function applyOrderEdit(
  api: CtApi,
  orderId: string,
  stagedActions: StagedOrderUpdateAction[],
): Promise<{ edit: OrderEdit; order: Order }> {
  const order = (await api.orders().withId({ ID: orderId }).get().execute()).body;
  const created = (
    await api
      .orders()
      .edits()
      .post({ body: { resource: { typeId: 'order', id: orderId }, stagedActions } })
      .execute()
  ).body;
  const edit = (
    await api
      .orders()
      .edits()
      .withId({ ID: created.id })
      .apply()
      .post({ body: { editVersion: created.version, resourceVersion: order.version } })
      .execute()
  ).body;

  return { edit, order: (await api.orders().withId({ ID: orderId }).get().execute()).body };
}

/** Environment variables pointing an app at the test server. */
export function ctTestEnv(config: CtConfig): Record<string, string> {
  return {
    CTP_PROJECT_KEY: config.projectKey,
    CTP_CLIENT_ID: config.clientId,
    CTP_CLIENT_SECRET: config.clientSecret,
    CTP_API_URL: config.apiUrl,
    CTP_AUTH_URL: config.authUrl,
  };
}

/** A logger whose lines are kept in memory, parsed, for assertions on what was logged. */
export function captureLogger(level = 'debug'): {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
} {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });

  return {
    logger,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => raw.join('\n'),
  };
}
export * from './mc-tokens';
