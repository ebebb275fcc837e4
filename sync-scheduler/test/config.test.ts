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

describe('sync-scheduler config', () => {
  it('when only credentials are set, then the backstop runs every 15 minutes, 10 minutes behind, with no start date', () => {
    const config = loadConfig(base);

    expect(config.backstop).toEqual({ lagMinutes: 10, everyMinutes: 15, pageSize: 200 });
    expect(config.job).toEqual({ timeBudgetMs: 1_500_000, dryRunByDefault: false });
    expect(config.orderSync.source).toBe('COMMERCETOOLS');
  });

  it('when a start date is given, then it is read as an instant in UTC', () => {
    const config = loadConfig({ ...base, ORDER_BACKSTOP_SINCE: '2026-01-01T01:00:00+01:00' });

    expect(config.backstop.since).toBe('2026-01-01T00:00:00.000Z');
  });

  it('when several backstop keys are wrong, then every problem is named at once', () => {
    let error: unknown;
    try {
      loadConfig({
        ...base,
        ORDER_BACKSTOP_SINCE: 'last tuesday',
        ORDER_BACKSTOP_LAG_MINUTES: '-1',
        ORDER_BACKSTOP_EVERY_MINUTES: 'often',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/ORDER_BACKSTOP_SINCE/);
    expect(problems).toMatch(/ORDER_BACKSTOP_LAG_MINUTES/);
    expect(problems).toMatch(/ORDER_BACKSTOP_EVERY_MINUTES/);
  });
});
