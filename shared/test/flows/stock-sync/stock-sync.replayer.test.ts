import type { FailureRecord } from '../../../src/state/failure-queue';
import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';
import { createStockSyncReplayer } from '../../../src/flows/stock-sync/stock-sync.replayer';
import type { StockSyncDeps } from '../../../src/flows/stock-sync/stock-sync.deps';
import { captureLogger } from '../../../testing';
import {
  DEFAULT_LOCATION,
  FakeCtStock,
  FakeLinnworksStock,
} from '../../../testing/stand-ins/stock-sync.fakes';

function setup() {
  const linnworks = new FakeLinnworksStock();
  linnworks.addLocation('Default', DEFAULT_LOCATION);
  const ct = new FakeCtStock();
  ct.addChannel('wh-main');
  for (let i = 1; i <= 4; i++) {
    linnworks.addItem(`SKU-${i}`, { [DEFAULT_LOCATION]: i });
    ct.addVariant(`SKU-${i}`);
  }
  const deps: StockSyncDeps = {
    linnworks,
    ct,
    store: new InMemoryStateStore(),
    logger: captureLogger().logger,
    mapping: {
      locations: [
        {
          location: 'Default',
          channel: 'wh-main',
          quantity: 'available',
          safetyBuffer: 0,
          enabled: true,
        },
      ],
    },
    skuMatching: { trim: false, case: 'preserve' },
    timeBudgetMs: 60_000,
    pageSize: 2,
  };

  return { linnworks, ct, replay: createStockSyncReplayer(deps) };
}

function failure(ref: FailureRecord['ref'], flow = 'stock-sync'): FailureRecord {
  return {
    id: `${flow}.${ref.type}.${ref.id}`,
    flow,
    reasonCode: 'CT_UNAVAILABLE',
    message: 'commercetools answered 503',
    retryable: true,
    ref,
    correlationId: 'c-1',
    correlationIds: ['c-1'],
    attempts: 1,
    firstFailedAt: '2026-11-26T10:00:00Z',
    lastFailedAt: '2026-11-26T10:00:00Z',
    status: 'pending',
  };
}

const skusFailure = failure({ type: 'stock-skus', id: 'page-1', page: 1, skus: 'SKU-2\nSKU-4' });

describe('createStockSyncReplayer', () => {
  it('when the failed SKUs are replayed, then exactly those SKUs are written from fresh Linnworks levels', async () => {
    const t = setup();

    const result = await t.replay(skusFailure, { dryRun: false });

    expect(result.outcome).toBe('resolved');
    expect(t.ct.writes).toEqual([
      { sku: 'SKU-2', channelKey: 'wh-main', quantity: 2 },
      { sku: 'SKU-4', channelKey: 'wh-main', quantity: 4 },
    ]);
  });

  it('when the same failure is replayed twice, then the second replay writes nothing', async () => {
    const t = setup();
    await t.replay(skusFailure, { dryRun: false });
    t.ct.writes.length = 0;

    const again = await t.replay(skusFailure, { dryRun: false });

    expect(again.outcome).toBe('resolved');
    expect(t.ct.writes).toEqual([]);
  });

  it('when a failed page is replayed as a dry run, then it says what it would write and writes nothing', async () => {
    const t = setup();

    const result = await t.replay(failure({ type: 'stock-page', id: 'page-2', page: 2 }), {
      dryRun: true,
    });

    expect(result).toEqual({
      outcome: 'resolved',
      message: '2 items: would write 2 pairs, 0 already in sync, 0 unknown SKUs',
    });
    expect(t.ct.writes).toEqual([]);
  });

  it('when commercetools still refuses the writes, then the replay reports still-failing with the reason', async () => {
    const t = setup();
    t.ct.failingSkus.add('SKU-4');

    const result = await t.replay(skusFailure, { dryRun: false });

    expect(result).toMatchObject({ outcome: 'still-failing', reasonCode: 'CT_UNAVAILABLE' });
  });

  it('when the failure belongs to another flow, then it is skipped', async () => {
    const t = setup();

    const result = await t.replay(failure({ type: 'order', id: 'o-1' }, 'order-sync'), {
      dryRun: false,
    });

    expect(result.outcome).toBe('skipped');
  });
});
