import { parseDotEnv } from '../../src/stack/real-stack';

describe('parseDotEnv', () => {
  it('when a .env has comments, quotes, export and JSON values, then each key gets its raw value', () => {
    const env = parseDotEnv(
      [
        '# real credentials',
        'CTP_PROJECT_KEY=shop-eu',
        'export CTP_REGION="europe-west1.gcp"',
        `ORDER_STORE_MAPPING='{"uk":{"subSource":"uk"}}'`,
        'EMPTY=',
        'not a line',
      ].join('\n'),
    );

    expect(env).toEqual({
      CTP_PROJECT_KEY: 'shop-eu',
      CTP_REGION: 'europe-west1.gcp',
      ORDER_STORE_MAPPING: '{"uk":{"subSource":"uk"}}',
      EMPTY: '',
    });
  });
});
