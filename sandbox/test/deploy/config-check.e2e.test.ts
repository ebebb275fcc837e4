import { checkConfiguration } from 'shared';
import { ctTestApi, ctTestConfig, ctTestEnv, ctTestUrl, seedCatalogue } from 'shared/testing';
import { configSpec } from 'stock-sync';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';
import { seedCommercetools } from '../../src/seed/ct-seed';
import { seedLinnworks } from '../../src/seed/linnworks-seed';
import { type CtFront, startCtFront } from '../../src/stack/ct-front';
import { connectorEnv, SANDBOX_CT_CLIENT } from '../../src/stack/stack-env';

// The whole configuration as post-deploy and config:check check it, against the commercetools
// test server and the Linnworks emulator: every problem at once, each naming its setting's path.
let emulator: RunningLinnworksEmulator;

beforeAll(async () => {
  emulator = await startLinnworksEmulator();
});
afterAll(() => emulator.close());

/** A project set up as the settings below expect; each test then breaks one thing. */
async function deployment() {
  const config = ctTestConfig();
  const api = ctTestApi(config);
  emulator.control.reset();
  emulator.control.seedLocations([{ name: 'Leeds' }]);
  emulator.control.seedPostalServices([{ name: 'Royal Mail 24', vendor: 'Royal Mail' }]);
  await seedCatalogue(api, ['SKU-1']); // shipping method key `standard`, name `Standard`
  await api
    .stores()
    .post({ body: { key: 'uk-store' } })
    .execute();
  await api
    .channels()
    .post({ body: { key: 'leeds', roles: ['InventorySupply'] } })
    .execute();
  const env: Record<string, string> = {
    ...ctTestEnv(config),
    LINNWORKS_APPLICATION_ID: emulator.credentials.applicationId,
    LINNWORKS_APPLICATION_SECRET: emulator.credentials.applicationSecret,
    LINNWORKS_INSTALLATION_TOKEN: emulator.credentials.installationToken,
    LINNWORKS_AUTH_URL: emulator.authUrl,
    ORDER_STORE_MAPPING: '{"uk-store":{"subSource":"uk","location":"Leeds"}}',
    ORDER_SHIPPING_METHOD_MAPPING:
      '{"standard":{"postalService":"Royal Mail 24"},"Standard":{"postalService":"Royal Mail 24"}}',
    ORDER_COUNTRY_LOCATIONS: '{"US":"Default"}',
    ORDER_SYNC_STORES: 'uk-store',
    STOCK_LOCATION_MAPPING: '{"locations":[{"location":"leeds","channel":"leeds"}]}',
  };

  return { api, env, config };
}

const check = (env: Record<string, string>) =>
  checkConfiguration(configSpec, env, { online: true });

describe('the configuration is checked whole at deploy, offline and online', () => {
  it('when every store, channel, method, state, location and service exists, then there is no problem', async () => {
    const { env } = await deployment();

    const report = await check(env);

    expect(report.problems).toEqual([]);
    expect(report.online).toEqual({ commercetools: 'checked', linnworks: 'checked' });
  });

  it('when a field is misspelt and a value has the wrong type, then both are named by path, and the online checks still run', async () => {
    const { env } = await deployment();

    const report = await check({
      ...env,
      ORDER_STORE_MAPPING: '{"uk-store":{"subSource":"uk","locaton":"Leeds"}}',
      ORDER_DISPATCH_WITHIN_HOURS: 'two days',
      STOCK_LOCATION_MAPPING:
        '{"locations":[{"location":"Leeds","channel":"leeds","safetyBuffer":"2"}]}',
    });

    expect(report.problems).toEqual([
      '`ORDER_STORE_MAPPING: uk-store.locaton`: unknown field; did you mean `location`?',
      'ORDER_DISPATCH_WITHIN_HOURS: must be a whole number',
      '`STOCK_LOCATION_MAPPING: locations.0.safetyBuffer`: Invalid input: expected number, received string',
    ]);
    expect(report.online).toEqual({ commercetools: 'checked', linnworks: 'checked' });
  });

  it('when the settings name a store, channel, shipping method, location or postal service that does not exist, then each is a problem naming its path', async () => {
    const { env, api } = await deployment();
    await api
      .channels()
      .post({ body: { key: 'web', roles: ['ProductDistribution'] } })
      .execute();

    const report = await check({
      ...env,
      ORDER_STORE_MAPPING:
        '{"uk-store":{"subSource":"uk","location":"Leeds"},"de-store":{"subSource":"de","location":"Berlin"},"_none":{"subSource":"web"}}',
      ORDER_SHIPPING_METHOD_MAPPING:
        '{"standard":{"postalService":"Royal Mail 48"},"express":{"postalService":"Royal Mail 24"}}',
      ORDER_COUNTRY_LOCATIONS: '{"US":"00000000-0000-0000-0000-000000000000"}',
      STOCK_LOCATION_MAPPING:
        '{"locations":[{"location":"Leeds","channel":"leeds-wh"},{"location":"Default","channel":"web"},{"location":"Glasgow","channel":"leeds"}]}',
    });

    expect(report.problems).toEqual([
      '`ORDER_STORE_MAPPING: de-store`: no store with key `de-store` in commercetools',
      '`STOCK_LOCATION_MAPPING: locations.0.channel`: no channel with key `leeds-wh` in commercetools',
      '`STOCK_LOCATION_MAPPING: locations.1.channel`: channel `web` lacks the InventorySupply role (it has ProductDistribution)',
      '`ORDER_SHIPPING_METHOD_MAPPING: express`: no shipping method with key or name `express` in commercetools',
      '`ORDER_STORE_MAPPING: de-store.location`: no Linnworks stock location named `Berlin`; known: `Default`, `Leeds`',
      '`ORDER_COUNTRY_LOCATIONS: US`: `00000000-0000-0000-0000-000000000000` is the id of Linnworks location `Default`; this setting takes its name',
      '`STOCK_LOCATION_MAPPING: locations.2.location`: no Linnworks stock location named `Glasgow`; known: `Default`, `Leeds`',
      '`ORDER_SHIPPING_METHOD_MAPPING: standard.postalService`: no Linnworks postal service named `Royal Mail 48`; did you mean `Royal Mail 24`? (names must match exactly)',
    ]);
  });

  it('when a state the settings name exists with another type, then it is a problem; a missing one is left for post-deploy to create', async () => {
    const { env, api } = await deployment();
    await api
      .states()
      .post({ body: { key: 'picking', type: 'LineItemState', initial: false } })
      .execute();

    const report = await check({
      ...env,
      FULFILLMENT_PROGRESS_RULES:
        '[{"flag":"PickListPrinted","state":"picking"},{"flag":"LabelPrinted","state":"lw-packed"}]',
    });

    expect(report.problems).toEqual([
      '`FULFILLMENT_PROGRESS_RULES: 0.state`: state `picking` is of type LineItemState; this setting needs one of type OrderState',
    ]);
  });

  it('when the credentials are wrong, then each system says its checks could not run, without any secret', async () => {
    const { env } = await deployment();

    const report = await check({
      ...env,
      LINNWORKS_INSTALLATION_TOKEN: 'not-the-token-3f9a',
    });

    expect(report.online.linnworks).toBe('failed');
    expect(report.problems).toEqual([
      expect.stringMatching(/^Linnworks: the online checks could not run \(/),
    ]);
    expect(report.problems.join('\n')).not.toContain('not-the-token-3f9a');
    expect(report.problems.join('\n')).not.toContain(emulator.credentials.applicationSecret);
  });
});

describe('the local stack’s own configuration, with the documented scopes', () => {
  let front: CtFront;

  beforeAll(async () => {
    front = await startCtFront({
      upstream: ctTestUrl(),
      port: 0,
      introspectors: [SANDBOX_CT_CLIENT],
      enforceScopes: true,
    });
  });
  afterAll(() => front.close());

  it('when the stack’s seeds and settings are checked, then there is no problem, and the stores the token may not read are a note', async () => {
    const projectKey = `stack-check-${Date.now()}`;
    const operator = ctTestApi(ctTestConfig(projectKey));
    emulator.control.reset();
    await seedCommercetools(operator);
    seedLinnworks(emulator.control);
    const env = connectorEnv({
      projectKey,
      ctApiUrl: front.url,
      ctAuthUrl: front.url,
      ctClient: SANDBOX_CT_CLIENT,
      linnworks: { authUrl: emulator.authUrl, ...emulator.credentials },
    });

    const report = await check(env);

    expect(report.problems).toEqual([]);
    expect(report.online).toEqual({ commercetools: 'checked', linnworks: 'checked' });
    // view_stores is not among the scopes the apps need to run: the check is left out, not failed.
    expect(report.notes).toEqual([expect.stringMatching(/^commercetools stores not checked: /)]);
  });
});
