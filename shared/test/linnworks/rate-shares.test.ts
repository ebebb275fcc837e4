import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { linnworksEnvShape } from '../../src/config/common.config';
import { z } from '../../src/config/env';
import { LINNWORKS_RATE_LIMITS } from '../../src/linnworks/rate-budget';
import {
  defaultRateShare,
  LINNWORKS_APPS,
  rateShareOf,
  rateSharesFor,
} from '../../src/linnworks/rate-shares';

/** The endpoints the client calls (every path in the request modules), read from the source. */
const linnworksDir = path.join(__dirname, '../../src/linnworks');
const calledEndpoints = [
  ...new Set(
    readdirSync(linnworksDir)
      .filter((f) => f.endsWith('.requests.ts'))
      .flatMap(
        (f) =>
          readFileSync(path.join(linnworksDir, f), 'utf8').match(
            /'[A-Z][A-Za-z]+\/[A-Z][A-Za-z_]+'/g,
          ) ?? [],
      )
      .map((e) => e.slice(1, -1)),
  ),
];

const sharesEnv = z.object({ LINNWORKS_RATE_SHARES: linnworksEnvShape.LINNWORKS_RATE_SHARES });

describe('the Linnworks budget shared by the apps of one tenant', () => {
  it('when every app keeps to its default share, then the apps together stay within the documented limit of every endpoint in the limit table', () => {
    for (const [endpoint, limit] of Object.entries(LINNWORKS_RATE_LIMITS)) {
      const sum = LINNWORKS_APPS.reduce((t, app) => t + defaultRateShare(app, endpoint), 0);
      expect({ endpoint, withinLimit: sum <= limit }).toEqual({ endpoint, withinLimit: true });
    }
  });

  it('when the client calls an endpoint, then the limit table knows it, and every app has at least one call a minute of it', () => {
    expect(calledEndpoints.length).toBeGreaterThan(20);
    for (const endpoint of calledEndpoints) {
      expect({ endpoint, known: endpoint in LINNWORKS_RATE_LIMITS }).toEqual({
        endpoint,
        known: true,
      });
      for (const app of LINNWORKS_APPS)
        expect(defaultRateShare(app, endpoint)).toBeGreaterThanOrEqual(1);
    }
  });

  it('when an app calls an endpoint in normal running, then it gets most of that endpoint', () => {
    expect(defaultRateShare('stock-sync', 'Stock/GetStockItemsFull')).toBeGreaterThanOrEqual(120);
    expect(defaultRateShare('stock-sync', 'Stock/GetStockLevel_Batch')).toBeGreaterThan(
      (250 * 2) / 3,
    );
    expect(defaultRateShare('order-sync', 'Orders/CreateOrders')).toBeGreaterThanOrEqual(100);
    expect(
      defaultRateShare('fulfillment-sync', 'ProcessedOrders/SearchProcessedOrders'),
    ).toBeGreaterThanOrEqual(120);
  });

  it('when the operator moves budget from one app to another, then that app uses it and start-up accepts it', () => {
    const value =
      '{"stock-sync":{"Stock/GetStockItemsFull":130},"sync-admin":{"Stock/GetStockItemsFull":5}}';
    const parsed = sharesEnv.parse({ LINNWORKS_RATE_SHARES: value }).LINNWORKS_RATE_SHARES;

    expect(rateSharesFor('stock-sync', parsed).limits['Stock/GetStockItemsFull']).toBe(130);
    expect(rateShareOf('order-sync', 'Stock/GetStockItemsFull', parsed)).toBe(
      defaultRateShare('order-sync', 'Stock/GetStockItemsFull'),
    );
  });

  it('when the shares of an endpoint would add up to more than its limit, then start-up refuses them, naming the endpoint and the sum', () => {
    const result = sharesEnv.safeParse({
      LINNWORKS_RATE_SHARES:
        '{"stock-sync":{"Stock/GetStockItemsFull":150},"order-sync":{"Nope":1}}',
    });

    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain(
      'LINNWORKS_RATE_SHARES.order-sync.Nope: invalid key: must be an endpoint like Stock/GetStockItemsFull, or *',
    );
    const sum = sharesEnv.safeParse({
      LINNWORKS_RATE_SHARES: '{"stock-sync":{"Stock/GetStockItemsFull":150}}',
    });
    expect(sum.error?.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^Stock\/GetStockItemsFull: the apps' shares add up to 1\d\d calls a minute, above its limit of 150$/,
      ),
    ]);
  });
});
