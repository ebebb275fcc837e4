import { ConfigError } from 'shared';

import { loadConfig } from '../src/config';

const base = {
  CTP_PROJECT_KEY: 'shop-eu',
  CTP_REGION: 'europe-west1.gcp',
  CTP_CLIENT_ID: 'client-id',
  CTP_CLIENT_SECRET: 'client-secret',
  LINNWORKS_APPLICATION_ID: 'app',
  LINNWORKS_APPLICATION_SECRET: 'secret',
  LINNWORKS_INSTALLATION_TOKEN: 'token',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }

  return [];
}

describe('sync-admin configuration: Merchant Center tokens', () => {
  it('when neither key is set, then Merchant Center tokens are off', () => {
    expect(loadConfig(base).merchantCenter).toBeUndefined();
  });

  it('when a cloud identifier and the public URL are set, then tokens must name that origin and this project', () => {
    const config = loadConfig({
      ...base,
      MC_CLOUD_IDENTIFIER: 'gcp-eu',
      ADMIN_PUBLIC_URL: 'https://sync-admin.example.test/service',
    });
    expect(config.merchantCenter).toEqual({
      issuer: 'gcp-eu',
      audience: 'https://sync-admin.example.test',
      projectKey: 'shop-eu',
    });
  });

  it('when the issuer is the Merchant Center API URL itself, then it is accepted as the issuer', () => {
    const config = loadConfig({
      ...base,
      MC_CLOUD_IDENTIFIER: 'https://mc-api.europe-west1.gcp.commercetools.com',
      ADMIN_PUBLIC_URL: 'https://sync-admin.example.test',
    });
    expect(config.merchantCenter?.issuer).toBe('https://mc-api.europe-west1.gcp.commercetools.com');
  });

  it('when the cloud identifier is set without the public URL, then start-up names the missing key', () => {
    expect(problemsOf({ ...base, MC_CLOUD_IDENTIFIER: 'gcp-eu' })).toEqual([
      'ADMIN_PUBLIC_URL: is required when MC_CLOUD_IDENTIFIER is set',
    ]);
  });

  it('when both values are malformed, then both are named at once', () => {
    const problems = problemsOf({
      ...base,
      MC_CLOUD_IDENTIFIER: 'gcp-mars',
      ADMIN_PUBLIC_URL: 'ftp://x',
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^MC_CLOUD_IDENTIFIER: must be one of gcp-eu, gcp-us/);
    expect(problems[1]).toBe('ADMIN_PUBLIC_URL: must be an http(s) URL');
  });
});
