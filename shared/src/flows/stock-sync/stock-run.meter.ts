import { callsSince } from '../../commercetools/call-counts';
import type { StockSyncDeps } from './stock-sync.deps';

/** The call counters of a run report, from the adapters' own counters. */
export interface StockRunCalls {
  linnworksCalls: number;
  ctCalls: number;
  ctReads: number;
  /** Inventory writes only (`written` + `created` + conflict retries), never state objects. */
  ctInventoryWrites: number;
  /** Custom-object writes: snapshot buckets, checkpoint, report, lock, failures. */
  ctStateWrites: number;
}

/**
 * Reads the adapters' counters when a run starts; the returned function gives the calls made
 * since. The adapters count (`LinnworksClient`, `CtStockSyncAdapter`, `CtStateStore`); nothing
 * else in the flow does.
 */
export function meterStockRun(
  deps: Pick<StockSyncDeps, 'linnworks' | 'ct' | 'store'>,
): () => StockRunCalls {
  const linnworks = deps.linnworks.callCount;
  const ct = { ...deps.ct.calls };
  const store = { ...deps.store.calls };

  return () => {
    const inventory = callsSince(ct, deps.ct.calls);
    const state = callsSince(store, deps.store.calls);
    const ctReads = inventory.reads + state.reads;

    return {
      linnworksCalls: deps.linnworks.callCount - linnworks,
      ctReads,
      ctInventoryWrites: inventory.writes,
      ctStateWrites: state.writes,
      ctCalls: ctReads + inventory.writes + state.writes,
    };
  };
}
