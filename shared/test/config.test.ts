import {
  ctEnvShape,
  ctHostsCheck,
  jobEnvShape,
  linnworksEnvShape,
  toCtConfig,
} from '../src/config/common.config';
import { jsonString, parseEnv, z } from '../src/config/env';
import { ConfigError } from '../src/errors/errors';

const shape = {
  ...ctEnvShape,
  ...linnworksEnvShape,
  ...jobEnvShape,
  MAPPING: jsonString(z.record(z.string(), z.string())).optional(),
};

const valid = {
  CTP_CLIENT_ID: 'client-id',
  CTP_CLIENT_SECRET: 'super-secret-value',
  CTP_PROJECT_KEY: 'my-project',
  CTP_REGION: 'europe-west1.gcp',
  LINNWORKS_APPLICATION_ID: 'app-id',
  LINNWORKS_APPLICATION_SECRET: 'lw-secret-value',
  LINNWORKS_INSTALLATION_TOKEN: 'lw-install-token',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(shape, env, [ctHostsCheck]);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }

  return [];
}

describe('configuration', () => {
  it('when everything is set, then hosts come from the region and defaults apply', () => {
    const env = parseEnv(shape, valid, [ctHostsCheck]);
    expect(toCtConfig(env)).toMatchObject({
      apiUrl: 'https://api.europe-west1.gcp.commercetools.com',
      authUrl: 'https://auth.europe-west1.gcp.commercetools.com',
    });
    expect(env.LINNWORKS_AUTH_URL).toBe('https://api.linnworks.net');
    expect(env.JOB_TIME_BUDGET_SECONDS).toBe(1500);
    expect(env.DRY_RUN).toBe(false);
  });

  it('when explicit hosts are set, then they override the region', () => {
    const env = parseEnv(
      shape,
      {
        ...valid,
        CTP_REGION: undefined,
        CTP_API_URL: 'http://127.0.0.1:1/',
        CTP_AUTH_URL: 'http://127.0.0.1:2',
      },
      [ctHostsCheck],
    );
    expect(toCtConfig(env)).toMatchObject({
      apiUrl: 'http://127.0.0.1:1',
      authUrl: 'http://127.0.0.1:2',
    });
  });

  it('when several keys are wrong, then one error lists every problem by key', () => {
    const problems = problemsOf({
      ...valid,
      CTP_CLIENT_SECRET: '',
      LINNWORKS_INSTALLATION_TOKEN: undefined,
      CTP_REGION: undefined,
      DRY_RUN: 'maybe',
      MAPPING: '{"a":1}',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'CTP_CLIENT_SECRET: is required',
        'LINNWORKS_INSTALLATION_TOKEN: is required',
        'CTP_REGION: is required unless CTP_API_URL and CTP_AUTH_URL are set',
        expect.stringMatching(/^DRY_RUN: /),
        '`MAPPING: a`: Invalid input: expected string, received number',
      ]),
    );
  });

  it('when a value is invalid, then the error never repeats the value', () => {
    try {
      parseEnv(shape, {
        ...valid,
        CTP_PROJECT_KEY: 'Not A Key super-secret-value',
        MAPPING: 'not json lw-secret-value',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      expect(text).toContain('CTP_PROJECT_KEY');
      expect(text).toContain('MAPPING: must be valid JSON');
      expect(text).not.toContain('super-secret-value');
      expect(text).not.toContain('lw-secret-value');
    }
  });
});
