import {
  createFulfillmentSync,
  lastFulfillmentSyncReport,
} from '../../src/flows/fulfillment-sync/fulfillment-sync.flow';
import { createStockSync, lastStockSyncReport } from '../../src/flows/stock-sync/stock-sync.flow';
import type { LinnworksApi } from '../../src/linnworks/linnworks-api.port';
import { captureLogger, ctTestApi } from '../../testing';
import { FakeLinnworks } from '../../testing/stand-ins/linnworks-fulfillment.fake';
import { DEFAULT_LOCATION, FakeLinnworksStock } from '../../testing/stand-ins/stock-sync.fakes';

// The job faces resolve a request that does not say `dryRun` from the job settings, and store
// the report of a real run where sync-admin's status reads it.

function stockWorld() {
  const api = ctTestApi();
  const linnworks = new FakeLinnworksStock();
  linnworks.addLocation('Default', DEFAULT_LOCATION);
  linnworks.addItem('SKU-1', { [DEFAULT_LOCATION]: 3 });
  // The stand-in implements the stock slice of the port, all the flow calls.
  const clients = {
    ct: api,
    linnworks: linnworks as unknown as LinnworksApi,
    logger: captureLogger().logger,
  };

  return { api, clients };
}

const mapping = {
  locations: [
    {
      location: 'Default',
      channel: 'wh-main',
      quantity: 'available' as const,
      safetyBuffer: 0,
      enabled: true,
    },
  ],
};

describe('the stock-sync face', () => {
  it('when DRY_RUN is set and the request says nothing, then the run is dry and stores no report; a real run stores one', async () => {
    const { api, clients } = stockWorld();
    await api
      .channels()
      .post({ body: { key: 'wh-main', roles: ['InventorySupply'] } })
      .execute();
    const stockSync = createStockSync(clients, {
      mapping,
      skuMatching: { trim: false, case: 'preserve' },
      job: { dryRunByDefault: true },
    });

    const dry = await stockSync.run({ dryRun: undefined });
    expect(dry).toMatchObject({ dryRun: true, status: 'completed' });
    await expect(lastStockSyncReport(clients)).resolves.toBeUndefined();

    const real = await stockSync.run({ dryRun: false });
    expect(real).toMatchObject({ dryRun: false, status: 'completed' });
    await expect(lastStockSyncReport(clients)).resolves.toMatchObject({
      dryRun: false,
      startedAt: real.startedAt,
    });
  });
});

describe('the fulfillment-sync face', () => {
  it('when DRY_RUN is set and the request says nothing, then the run is dry; a real run stores its report', async () => {
    const clients = {
      ct: ctTestApi(),
      linnworks: new FakeLinnworks() as unknown as LinnworksApi,
      logger: captureLogger().logger,
    };
    const fulfillmentSync = createFulfillmentSync(clients, {
      source: 'COMMERCETOOLS',
      progressRules: [],
      shippedOrderState: undefined,
      lineCancelledState: 'lw-line-cancelled',
      refundPaymentState: undefined,
      returnPaymentState: undefined,
      trackingUpdate: 'set-tracking',
      lateTrackingHours: 0,
      packageSplit: 'never',
      job: { dryRunByDefault: true, timeBudgetMs: 60_000 },
    });

    expect(await fulfillmentSync.run({ dryRun: undefined })).toMatchObject({ dryRun: true });
    await expect(lastFulfillmentSyncReport(clients)).resolves.toBeUndefined();
    const real = await fulfillmentSync.run({ dryRun: false });
    await expect(lastFulfillmentSyncReport(clients)).resolves.toMatchObject({
      dryRun: false,
      startedAt: real.startedAt,
    });
  });
});
