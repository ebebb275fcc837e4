import { ConfigError } from 'shared';

import { loadConfig } from '../src/config';

const base = {
  CTP_PROJECT_KEY: 'p',
  CTP_CLIENT_ID: 'id',
  CTP_CLIENT_SECRET: 'secret',
  CTP_REGION: 'europe-west1.gcp',
  LINNWORKS_APPLICATION_ID: 'a',
  LINNWORKS_APPLICATION_SECRET: 'b',
  LINNWORKS_INSTALLATION_TOKEN: 'c',
};

describe('stock-sync configuration', () => {
  it('when the location mapping is missing, then start-up fails naming the key', () => {
    expect(() => loadConfig(base)).toThrow(ConfigError);
    try {
      loadConfig(base);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'STOCK_LOCATION_MAPPING: is required for stock-sync (which Linnworks location feeds which supply channel)',
      ]);
    }
  });

  it('when mapping, budget and dry run are set, then they reach the run settings with SKU matching defaults', () => {
    const config = loadConfig({
      ...base,
      STOCK_LOCATION_MAPPING:
        '{"locations":[{"location":"Default","channel":"wh-main","safetyBuffer":2}]}',
      JOB_TIME_BUDGET_SECONDS: '600',
      DRY_RUN: 'true',
    });

    expect(config.settings.job).toEqual({ timeBudgetMs: 600_000, dryRunByDefault: true });
    expect(config.settings.mapping.locations[0]).toMatchObject({
      channel: 'wh-main',
      safetyBuffer: 2,
    });
    expect(config.settings.skuMatching).toEqual({ trim: false, case: 'preserve' });
  });
});
