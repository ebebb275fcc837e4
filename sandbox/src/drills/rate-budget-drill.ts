// The four apps at once under one tenant's Linnworks limits: each app's client, built the way the
// app builds it (createConnectorClients with the app's name, so with its share of every limit),
// calls its heaviest endpoints as fast as its budget admits, all at the same time, against one
// emulator with its documented per-minute limits on. What must hold: no 429.
// A control round gives every app the whole limit (what each assumed before the shares) and
// must see 429s: the drill can tell the difference.
import {
  createConnectorClients,
  type LinnworksApi,
  type LinnworksApp,
  type LinnworksChannelOrder,
  type Logger,
  SlidingWindowRateBudget,
} from 'shared';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';

type Work = (lw: LinnworksApi, i: number) => Promise<unknown>;

const DAY = 86_400_000;
/** The drill calls Linnworks only; the clients' commercetools half points nowhere and is never used. */
const UNUSED_CT = {
  projectKey: 'drill',
  clientId: 'c',
  clientSecret: 's',
  scopes: undefined,
  apiUrl: 'http://127.0.0.1:9',
  authUrl: 'http://127.0.0.1:9',
};
const ITEMS = 1_000;

/** The last day, as the date-range reads take it. */
const lastDay = () => ({ from: new Date(Date.now() - DAY), to: new Date() });

/** What each app calls most, one loop per endpoint (order-sync's orders are tiny). */
function workloads(stockItemIds: string[], orderIds: string[]): Record<string, Work[]> {
  const sweep: Work = (lw, i) =>
    lw.getStockItemsFull({
      pageNumber: (i % 5) + 1,
      entriesPerPage: 200,
      dataRequirements: ['StockLevels'],
    });
  const levels: Work = (lw, i) =>
    lw.getStockLevelBatch({
      stockItemIds: stockItemIds.slice((i % 10) * 100, (i % 10) * 100 + 100),
    });
  const byId: Work = (lw) => lw.getOrdersById({ orderIds: orderIds.slice(0, 100) });
  const openOrders: Work = (lw) =>
    lw.getOpenOrders({
      fulfilmentCenter: '00000000-0000-0000-0000-000000000000',
      ...(({ from, to }) => ({ receivedFrom: from, receivedTo: to }))(lastDay()),
      pageNumber: 1,
      entriesPerPage: 200,
    });
  const processed: Work = (lw) =>
    lw.searchProcessedOrders({
      dateField: 'processed',
      ...lastDay(),
      pageNumber: 1,
      resultsPerPage: 200,
    });
  const create: Work = (lw, i) =>
    lw.createOrders({ location: 'Default', orders: [drillOrder(`D-${Date.now()}-${i}`)] });

  return {
    'stock-sync': [sweep, levels, openOrders],
    'sync-admin': [sweep, levels, byId],
    'fulfillment-sync': [processed, byId],
    'order-sync': [create, byId],
  };
}

function drillOrder(reference: string): LinnworksChannelOrder {
  return {
    Source: 'COMMERCETOOLS',
    SubSource: 'drill',
    ReferenceNumber: reference,
    ReceivedDate: new Date().toISOString(),
    DispatchBy: new Date(Date.now() + DAY).toISOString(),
    Currency: 'EUR',
    OrderItems: [
      {
        ItemNumber: 'li-1',
        ChannelSKU: 'DRILL-0',
        ItemTitle: 'Item',
        Qty: 1,
        PricePerUnit: 1,
        TaxRate: 0,
        TaxCostInclusive: true,
        UseChannelTax: false,
        LineDiscount: 0,
        IsService: false,
      },
    ],
  };
}

export interface RateDrillResult {
  mode: 'shares' | 'whole-limit';
  seconds: number;
  calls: number;
  rateLimited: Record<string, number>;
  callsPerEndpoint: Record<string, number>;
}

async function round(
  emulator: RunningLinnworksEmulator,
  mode: RateDrillResult['mode'],
  seconds: number,
  work: Record<string, Work[]>,
  logger: Logger,
): Promise<RateDrillResult> {
  emulator.control.resetCallCounts();
  const config = { ...emulator.credentials, authUrl: emulator.authUrl };
  const ct = UNUSED_CT;
  const deadline = Date.now() + seconds * 1000;
  let calls = 0;
  const loops = Object.entries(work).flatMap(([app, works]) => {
    const { linnworks } = createConnectorClients({ ct, linnworks: config }, logger, {
      app: app as LinnworksApp,
      // A 429 is counted by the emulator, not retried (a retry would only hide it).
      linnworks: {
        retry: { maxAttempts: 1 },
        ...(mode === 'whole-limit' ? { rateBudget: new SlidingWindowRateBudget() } : {}),
      },
    });

    return works.map(async (call) => {
      for (let i = 0; Date.now() < deadline; i++) {
        await call(linnworks, i).catch(() => undefined);
        calls++;
      }
    });
  });
  await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, (seconds + 5) * 1000))]);

  return {
    mode,
    seconds,
    calls,
    rateLimited: emulator.control.rateLimited(),
    callsPerEndpoint: emulator.control.callCounts(),
  };
}

/** Runs the drill: the shares round, then (unless `control` is false) the whole-limit round. */
export async function rateBudgetDrill(
  logger: Logger,
  options: { seconds: number; control: boolean },
): Promise<RateDrillResult[]> {
  const emulator = await startLinnworksEmulator({ options: { rateLimits: true } });
  try {
    const seeded = emulator.control.seedItems(
      Array.from({ length: ITEMS }, (_, i) => ({ sku: `DRILL-${i}`, stock: { Default: 10 } })),
    );
    emulator.control.setOptions({ rateLimits: false });
    const setup = createConnectorClients(
      {
        ct: UNUSED_CT,
        linnworks: { ...emulator.credentials, authUrl: emulator.authUrl },
      },
      logger,
    ).linnworks;
    const orderIds = await setup.createOrders({
      location: 'Default',
      orders: Array.from({ length: 20 }, (_, i) => drillOrder(`SEED-${i}`)),
    });
    emulator.control.setOptions({ rateLimits: true });
    const work = workloads(
      seeded.map((s) => s.stockItemId),
      orderIds,
    );
    const results = [await round(emulator, 'shares', options.seconds, work, logger)];
    if (options.control) {
      // A fresh minute: the shares round's calls must not count against the control round.
      await new Promise((r) => setTimeout(r, 61_000));
      results.push(await round(emulator, 'whole-limit', options.seconds, work, logger));
    }

    return results;
  } finally {
    await emulator.close();
  }
}
