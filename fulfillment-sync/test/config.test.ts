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

describe('fulfillment-sync config', () => {
  it('when only credentials are set, then the documented defaults apply', () => {
    const config = loadConfig(base);

    expect(config.settings).toMatchObject({
      shippedOrderState: 'Complete',
      refundPaymentState: undefined,
      returnPaymentState: 'Refunded',
      trackingUpdate: 'set-tracking',
      lateTrackingHours: 72,
      packageSplit: 'always',
    });
    expect(config.settings.progressRules.map((r) => r.state)).toEqual(['lw-picking', 'lw-packed']);
    expect(config.settings).toMatchObject({
      source: 'COMMERCETOOLS',
      job: { pageSize: 200, overlapMinutes: 10, initialLookbackHours: 24, timeBudgetMs: 1_500_000 },
    });
  });

  it('when several fulfillment keys are wrong, then every problem is named at once', () => {
    let error: unknown;
    try {
      loadConfig({
        ...base,
        FULFILLMENT_PROGRESS_RULES: '[{"flag":"Shipped","state":"x"}]',
        FULFILLMENT_PAGE_SIZE: '10',
        FULFILLMENT_TRACKING_UPDATE: 'email',
      });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('`FULFILLMENT_PROGRESS_RULES: 0.flag`: Invalid option');
    expect(problems).toContain('FULFILLMENT_PAGE_SIZE');
    expect(problems).toContain('FULFILLMENT_TRACKING_UPDATE');
  });
});
