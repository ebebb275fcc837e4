import { jobEnvShape } from '../../src/config/common.config';
import { type Env, parseEnv } from '../../src/config/env';
import { editDistance, nearestName } from '../../src/config/nearest-name';
import { connectorEnvShape } from '../../src/flows/connector-env';
import { configProblems } from '../../testing';

const shape = { ...connectorEnvShape, ...jobEnvShape };

const credentials: Env = {
  CTP_CLIENT_ID: 'client-id',
  CTP_CLIENT_SECRET: 'client-secret',
  CTP_PROJECT_KEY: 'my-project',
  CTP_REGION: 'europe-west1.gcp',
  LINNWORKS_APPLICATION_ID: 'app-id',
  LINNWORKS_APPLICATION_SECRET: 'app-secret',
  LINNWORKS_INSTALLATION_TOKEN: 'install-token',
};

function problemsOf(env: Env): string[] {
  return configProblems(() => parseEnv(shape, { ...credentials, ...env }));
}

describe('JSON settings are strict', () => {
  it('when a store mapping field is misspelt, then the error names the full path and the field meant', () => {
    expect(
      problemsOf({ ORDER_STORE_MAPPING: '{"_none":{"subSource":"web","locaton":"Leeds"}}' }),
    ).toEqual(['`ORDER_STORE_MAPPING: _none.locaton`: unknown field; did you mean `location`?']);
  });

  it.each([
    [
      'ORDER_SHIPPING_METHOD_MAPPING',
      '{"standard":{"postalService":"Royal Mail 24","tagg":"rm24"}}',
      '`ORDER_SHIPPING_METHOD_MAPPING: standard.tagg`: unknown field; did you mean `tag`?',
    ],
    [
      'STOCK_LOCATION_MAPPING',
      '{"locations":[{"location":"Default","chanel":"lw-default"},{"location":"B","channel":"lw-b"}]}',
      '`STOCK_LOCATION_MAPPING: locations.0.chanel`: unknown field; did you mean `channel`?',
    ],
    [
      'STOCK_LOCATION_MAPPING',
      '{"locations":[{"location":"A","channel":"lw-a"}],"aggregate":{"safetybufer":1}}',
      '`STOCK_LOCATION_MAPPING: aggregate.safetybufer`: unknown field; did you mean `safetyBuffer`?',
    ],
    [
      'STOCK_LOCATION_MAPPING',
      '{"location":[{"location":"A","channel":"lw-a"}]}',
      '`STOCK_LOCATION_MAPPING: location`: unknown field; did you mean `locations`?',
    ],
    [
      'STOCK_SKU_MATCHING',
      '{"trim":true,"barcodeAtribute":"ean"}',
      '`STOCK_SKU_MATCHING: barcodeAtribute`: unknown field; did you mean `barcodeAttribute`?',
    ],
    [
      'FULFILLMENT_PROGRESS_RULES',
      '[{"flag":"LabelPrinted","state":"lw-packed","shipmentstate":"Ready"}]',
      '`FULFILLMENT_PROGRESS_RULES: 0.shipmentstate`: unknown field; did you mean `shipmentState`?',
    ],
    [
      'LINNWORKS_RATE_SHARES',
      '{"stock-synk":{"Stock/GetStockItemsFull":120}}',
      '`LINNWORKS_RATE_SHARES: stock-synk`: unknown field; did you mean `stock-sync`?',
    ],
  ])(
    'when %s holds an unknown field, then it is rejected with the nearest known one',
    (key, value, problem) => {
      // A misspelt required field is also missing: that problem is listed too.
      expect(problemsOf({ [key]: value })).toContain(problem);
    },
  );

  it('when an unknown field is near no known one, then the error lists the known fields', () => {
    expect(problemsOf({ STOCK_SKU_MATCHING: '{"normalise":true}' })).toEqual([
      '`STOCK_SKU_MATCHING: normalise`: unknown field; known fields: `trim`, `case`, `barcodeAttribute`',
    ]);
  });

  it('when values have the wrong type or range, then each is named by its path', () => {
    const problems = problemsOf({
      ORDER_STORE_MAPPING: '{"uk":{"location":"Leeds"},"x":{"subSource":"web"}}',
      ORDER_COUNTRY_LOCATIONS: '{"gb":"Leeds"}',
      STOCK_LOCATION_MAPPING: '{"locations":[{"location":"A","channel":"lw-a","safetyBuffer":-1}]}',
      ORDER_SUPPORTED_CURRENCIES: '["EUR","euro"]',
      ORDER_TITLE_LOCALE: 'English',
      ORDER_SYNC_STORES: 'uk,us store',
      JOB_TIME_BUDGET_SECONDS: '3600',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '`ORDER_STORE_MAPPING: uk.subSource`: is required',
        '`ORDER_STORE_MAPPING: x`: invalid key: must be a commercetools store key',
        '`ORDER_COUNTRY_LOCATIONS: gb`: invalid key: must be an ISO 3166-1 alpha-2 country code, like GB',
        expect.stringMatching(/^`STOCK_LOCATION_MAPPING: locations\.0\.safetyBuffer`: Too small/),
        '`ORDER_SUPPORTED_CURRENCIES: 1`: must be an ISO 4217 currency code, like EUR',
        'ORDER_TITLE_LOCALE: must be a locale like en or en-GB',
        '`ORDER_SYNC_STORES: 1`: must be a commercetools store key',
        expect.stringMatching(/^JOB_TIME_BUDGET_SECONDS: Too big/),
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it('when several settings are wrong at once, then one error lists every problem', () => {
    const problems = problemsOf({
      CTP_CLIENT_SECRET: '',
      ORDER_STORE_MAPPING: '{"_none":{"subSource":"web","locaton":"Leeds"}}',
      STOCK_SKU_MATCHING: '{"case":"title"}',
      FULFILLMENT_PROGRESS_RULES: 'not json',
      LOG_LEVEL: 'loud',
    });
    expect(problems.map((p) => p.replace(/`/g, '').split(':')[0]).sort()).toEqual([
      'CTP_CLIENT_SECRET',
      'FULFILLMENT_PROGRESS_RULES',
      'LOG_LEVEL',
      'ORDER_STORE_MAPPING',
      'STOCK_SKU_MATCHING',
    ]);
  });

  it('when secured settings hold bad values, then no error repeats a value', () => {
    const secrets = {
      ALERT_WEBHOOK_SECRET: 'SEKRIT-4711',
      ALERT_WEBHOOK_URL: 'ftp://hooks.example/SEKRIT-4712',
      CTP_CLIENT_SECRET: ' ',
    };
    const message = problemsOf({
      ...secrets,
      ORDER_STORE_MAPPING: '{"_none":{"subSource":"SEKRIT-4713","locaton":"SEKRIT-4714"}}',
    }).join('\n');
    expect(message).toContain('ALERT_WEBHOOK_SECRET: must be at least 16 characters');
    expect(message).toContain('ALERT_WEBHOOK_URL: must be an http(s) URL');
    expect(message).toContain('CTP_CLIENT_SECRET: is required');
    expect(message).toContain('`ORDER_STORE_MAPPING: _none.locaton`');
    expect(message).not.toMatch(/SEKRIT|hooks\.example/);
  });
});

describe('nearest known name', () => {
  it('counts edits, ignoring case', () => {
    expect(editDistance('locaton', 'location')).toBe(1);
    expect(editDistance('SubSource', 'subSource')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only a plausible slip, the first listed on a tie', () => {
    expect(nearestName('chanel', ['location', 'channel', 'quantity'])).toBe('channel');
    expect(nearestName('colour', ['trim', 'case'])).toBeUndefined();
    expect(nearestName('ab', ['ax', 'ay'])).toBe('ax');
    expect(nearestName('x', [])).toBeUndefined();
  });
});
