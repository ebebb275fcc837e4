import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';
import { type StockSyncDeps } from '../../../src/flows/stock-sync/stock-sync.deps';
import { runStockSync } from '../../../src/flows/stock-sync/run-stock-sync.use-case';
import { captureLogger } from '../../../testing';
import {
  DEFAULT_LOCATION,
  FakeCtStock,
  FakeLinnworksStock,
} from '../../../testing/stand-ins/stock-sync.fakes';

/** A stock-sync run over the in-memory stand-ins: three Linnworks locations, two mapped. */
export const EAST = 'e0000000-0000-0000-0000-00000000000e';
export const DROP = 'd0000000-0000-0000-0000-00000000000d';

export function setup(over: Partial<StockSyncDeps> = {}) {
  const linnworks = new FakeLinnworksStock();
  linnworks.addLocation('Default', DEFAULT_LOCATION);
  linnworks.addLocation('East', EAST);
  linnworks.addLocation('Dropship', DROP);
  const ct = new FakeCtStock();
  ct.addChannel('wh-main');
  ct.addChannel('wh-east');
  const store = new InMemoryStateStore();
  const log = captureLogger();
  let clock = Date.parse('2026-11-26T10:00:00Z');
  const deps: StockSyncDeps = {
    linnworks,
    ct,
    store,
    logger: log.logger,
    mapping: {
      locations: [
        {
          location: 'Default',
          channel: 'wh-main',
          quantity: 'available',
          safetyBuffer: 0,
          enabled: true,
        },
        { location: EAST, channel: 'wh-east', quantity: 'onHand', safetyBuffer: 1, enabled: true },
      ],
    },
    skuMatching: { trim: false, case: 'preserve' },
    timeBudgetMs: 1_500_000,
    now: () => clock,
    pageSize: 2,
    ...over,
  };
  const advance = (ms: number) => {
    clock += ms;
  };

  return {
    linnworks,
    ct,
    store,
    log,
    deps,
    advance,
    sync: { run: (request: { dryRun: boolean }) => runStockSync(deps, request) },
  };
}

export function seed(t: ReturnType<typeof setup>, count: number): void {
  for (let i = 1; i <= count; i++) {
    const sku = `SKU-${i}`;
    t.linnworks.addItem(sku, { [DEFAULT_LOCATION]: 10 + i, [EAST]: 5 });
    t.ct.addVariant(sku);
  }
}
