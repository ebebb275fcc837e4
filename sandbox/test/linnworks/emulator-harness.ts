import { LinnworksClient, type LinnworksClientOptions, type LinnworksConfig } from 'shared';
import { unlimitedRateBudget } from 'shared/testing';

import {
  type EmulatorOptions,
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';

export interface Harness {
  emulator: RunningLinnworksEmulator;
  config: LinnworksConfig;
  client: LinnworksClient;
  /** A client with other options against the same emulator. */
  makeClient(options?: Partial<LinnworksClientOptions>): LinnworksClient;
  /** Raw HTTP call to the emulator (fetch): auth paths to the auth host, others to the data host. */
  raw(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; text: string; json: unknown; headers: Headers }>;
  /** A valid session token obtained the documented way. */
  sessionToken(): Promise<string>;
  /**
   * A raw API call on the data host under one session: JSON body, or the parameters in the query
   * string with GET. Nothing of the client is involved.
   */
  api(
    endpoint: string,
    params?: Record<string, unknown>,
    method?: 'GET' | 'POST',
  ): Promise<{ status: number; json: unknown }>;
}

/** Starts an emulator on 127.0.0.1:0 and a client with fast retries against it. */
export async function startHarness(
  options: Partial<EmulatorOptions> = {},
  clientOptions: Partial<LinnworksClientOptions> = {},
): Promise<Harness> {
  const emulator = await startLinnworksEmulator({ options });
  const c = emulator.credentials;
  const config: LinnworksConfig = {
    applicationId: c.applicationId,
    applicationSecret: c.applicationSecret,
    installationToken: c.installationToken,
    authUrl: emulator.authUrl,
  };
  const makeClient = (extra: Partial<LinnworksClientOptions> = {}): LinnworksClient =>
    new LinnworksClient({
      config,
      timeoutMs: 2_000,
      rateBudget: unlimitedRateBudget,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      rateLimitFallbackMs: 5,
      ...clientOptions,
      ...extra,
    });
  const raw: Harness['raw'] = async (path, init) => {
    // Auth lives on its own host (unless `separateAuthHost: false`), data calls on `Server`.
    const host = /\/api\/auth\//i.test(path) ? emulator.authUrl : emulator.url;
    const res = await fetch(`${host}${path}`, { method: 'POST', ...init });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }

    return { status: res.status, text, json, headers: res.headers };
  };
  const sessionToken = async (): Promise<string> => {
    const res = await raw('/api/Auth/AuthorizeByApplication', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ApplicationId: c.applicationId,
        ApplicationSecret: c.applicationSecret,
        Token: c.installationToken,
      }),
    });

    return (res.json as { Token: string }).Token;
  };

  let token: string | undefined;
  const api: Harness['api'] = async (endpoint, params = {}, method = 'POST') => {
    token ??= await sessionToken();
    const query = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    );
    const res = await raw(
      method === 'GET' ? `/api/${endpoint}?${query.toString()}` : `/api/${endpoint}`,
      method === 'GET'
        ? { method, headers: { authorization: token } }
        : {
            headers: { authorization: token, 'content-type': 'application/json' },
            body: JSON.stringify(params),
          },
    );

    return { status: res.status, json: res.json };
  };

  return { emulator, config, client: makeClient(), makeClient, raw, sessionToken, api };
}

/** A ChannelOrder as the connector sends it, with overrides. */
export function channelOrder(overrides: Record<string, unknown> = {}) {
  return {
    Source: 'COMMERCETOOLS',
    SubSource: 'ct-store-uk',
    ReferenceNumber: 'CT-1001',
    ExternalReference: 'ct-order-id-1001',
    ReceivedDate: '2025-05-01T10:15:00Z',
    DispatchBy: '2025-05-02T17:00:00Z',
    PaidOn: '2025-05-01T10:15:05Z',
    PaymentStatus: 'Paid' as const,
    Currency: 'GBP',
    MatchPostalServiceTag: 'Royal Mail 24',
    PostalServiceName: 'Royal Mail 24',
    PostalServiceCost: 3.99,
    PostalServiceTaxRate: 20,
    UseChannelTax: true,
    AutomaticallyLinkBySKU: true,
    OrderItems: [
      {
        ItemNumber: 'SKU-1',
        ChannelSKU: 'SKU-1',
        ItemTitle: 'Blue mug',
        Qty: 2,
        PricePerUnit: 12,
        TaxRate: 20,
        TaxCostInclusive: true,
        UseChannelTax: true,
        LineDiscount: 0,
        IsService: false,
      },
    ],
    ...overrides,
  };
}

/** Sleeps of a fake clock: time moves only when someone sleeps. */
export function fakeClock(start = Date.parse('2025-05-01T12:00:00Z')) {
  let now = start;
  const sleeps: number[] = [];

  return {
    sleeps,
    now: () => now,
    date: () => new Date(now),
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;

      return Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
