import { createCtApi, type CtApi } from '../../commercetools/client';
import type { ConnectorApp } from '../../commercetools/scopes';
import { ConnectorError, describeError } from '../../errors/errors';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import { LinnworksClient } from '../../linnworks/linnworks.client';
import { SlidingWindowRateBudget } from '../../linnworks/rate-budget';
import { rateSharesFor } from '../../linnworks/rate-shares';
import type { Logger } from '../../logging/logger';
import { ctHostsCheck, toCtConfig, toLinnworksConfig } from '../common.config';
import { type CrossCheck, type Env, type EnvShape, parseEnvPartly } from '../env';
import { collectSettingRefs, type SettingRef } from '../setting-refs';
import { checkChannels } from './ct-channels.check';
import { checkShippingMethods } from './ct-shipping-methods.check';
import { checkStates } from './ct-states.check';
import { checkStores } from './ct-stores.check';
import { checkLocations } from './lw-locations.check';
import { checkPostalServices } from './lw-postal-services.check';
import type { SettingRefCheck } from './setting-ref-check';

/** What an app's configuration is: its keys (the app's `envShape`) and its rules across keys. */
export interface ConfigCheckSpec {
  app: ConnectorApp;
  envShape: EnvShape;
  crossChecks?: CrossCheck[];
}

type LinnworksLookups = Pick<LinnworksApi, 'getStockLocations' | 'getPostalServices'>;

export interface ConfigCheckOptions {
  /** Also check what the settings name in both systems (when their credentials are valid). */
  online: boolean;
  logger?: Logger;
  /** Clients in place of those built from the configuration (tests). */
  clients?: { ct?: CtApi; linnworks?: LinnworksLookups };
}

/** `checked`: every check of the system ran; `skipped`: no valid credentials; `failed`: a call failed. */
export type OnlineOutcome = 'checked' | 'skipped' | 'failed' | 'offline';

export interface ConfigCheckReport {
  /** Every problem, offline and online, each naming its key or path; never a value of a secret. */
  problems: string[];
  online: { commercetools: OnlineOutcome; linnworks: OnlineOutcome };
  /** Checks left out, and why (the API client may not read what they look up): not problems. */
  notes: string[];
}

type NamedChecks<C> = Record<string, SettingRefCheck<C>>;

const CT_CHECKS: NamedChecks<CtApi> = {
  stores: checkStores,
  channels: checkChannels,
  'shipping methods': checkShippingMethods,
  states: checkStates,
};
const LINNWORKS_CHECKS: NamedChecks<LinnworksLookups> = {
  'stock locations': checkLocations,
  'postal services': checkPostalServices,
};

/** commercetools answered 403: the API client's scopes do not cover this read. */
const forbidden = (error: unknown) =>
  error instanceof ConnectorError && error.details.status === 403;

const CT_KEYS = ['CTP_CLIENT_ID', 'CTP_CLIENT_SECRET', 'CTP_PROJECT_KEY'];
const LINNWORKS_KEYS = [
  'LINNWORKS_APPLICATION_ID',
  'LINNWORKS_APPLICATION_SECRET',
  'LINNWORKS_INSTALLATION_TOKEN',
  'LINNWORKS_AUTH_URL',
];

/**
 * Runs one system's checks; the first failed call stops them with one problem saying why. A read
 * the API client has no scope for (403) only skips its check, with a note: the scopes the apps
 * need at run time are all a deployment must grant (docs/configuration.md, "Checked at deploy").
 */
async function runChecks<C>(
  system: string,
  client: C,
  checks: NamedChecks<C>,
  refs: SettingRef[],
): Promise<{ problems: string[]; notes: string[]; outcome: OnlineOutcome }> {
  const problems: string[] = [];
  const notes: string[] = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      problems.push(...(await check(client, refs)));
    } catch (error) {
      const { message } = describeError(error);
      if (forbidden(error)) {
        notes.push(`${system} ${name} not checked: the API client may not read them (${message})`);
        continue;
      }
      problems.push(`${system}: the online checks could not run (${message})`);

      return { problems, notes, outcome: 'failed' };
    }
  }

  return { problems, notes, outcome: 'checked' };
}

/** The values of the keys that parsed, as their schemas typed them. */
type Values = Record<string, unknown>;

function ctClient(values: Values, env: Env): CtApi | undefined {
  if (!CT_KEYS.every((key) => key in values) || ctHostsCheck(env)) return undefined;

  return createCtApi(toCtConfig(values as unknown as Parameters<typeof toCtConfig>[0]), {
    timeoutMs: 10_000,
    maxRetries: 2,
  });
}

function linnworksClient(
  app: ConnectorApp,
  values: Values,
  logger: Logger | undefined,
): LinnworksLookups | undefined {
  if (!LINNWORKS_KEYS.every((key) => key in values)) return undefined;
  const config = toLinnworksConfig(values as unknown as Parameters<typeof toLinnworksConfig>[0]);

  return new LinnworksClient({
    config,
    timeoutMs: 10_000,
    retry: { maxAttempts: 2 },
    rateBudget: new SlidingWindowRateBudget(rateSharesFor(app, config.rateShares)),
    ...(logger ? { logger } : {}),
  });
}

/**
 * The whole configuration of one app, checked as post-deploy and `config:check` do: every key
 * offline (types, ranges, unknown fields, rules across keys), then, with `online`, every store,
 * channel, shipping method, state, Linnworks location and postal service the settings name.
 * Problems are collected, never thrown: the caller prints the complete list.
 */
export async function checkConfiguration(
  spec: ConfigCheckSpec,
  env: Env,
  options: ConfigCheckOptions,
): Promise<ConfigCheckReport> {
  const { values, problems } = parseEnvPartly(spec.envShape, env, spec.crossChecks);
  const report: ConfigCheckReport = {
    problems,
    online: { commercetools: 'offline', linnworks: 'offline' },
    notes: [],
  };
  if (!options.online) return report;
  const refs = collectSettingRefs(spec.envShape, values);
  const ct = options.clients?.ct ?? ctClient(values, env);
  const linnworks = options.clients?.linnworks ?? linnworksClient(spec.app, values, options.logger);
  const ctRun = ct ? await runChecks('commercetools', ct, CT_CHECKS, refs) : undefined;
  const lwRun = linnworks
    ? await runChecks('Linnworks', linnworks, LINNWORKS_CHECKS, refs)
    : undefined;
  problems.push(...(ctRun?.problems ?? []), ...(lwRun?.problems ?? []));
  report.notes.push(...(ctRun?.notes ?? []), ...(lwRun?.notes ?? []));
  report.online = {
    commercetools: ctRun?.outcome ?? 'skipped',
    linnworks: lwRun?.outcome ?? 'skipped',
  };

  return report;
}
