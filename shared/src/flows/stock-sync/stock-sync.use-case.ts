import { ValidationError, describeError, isRetryable } from '../../errors/errors';
import type { Logger } from '../../logging/logger';
import { FailureQueue } from '../../state/failure-queue';
import { LeaseLock, type Lease } from '../../state/lease-lock';
import type { StateStore } from '../../state/state-store';
import { CountingStateStore, countLinnworksCalls } from './call-counters';
import type { CtStockSyncPort } from './ct-stock-sync.port';
import type { LinnworksStockSyncPort } from './linnworks-stock-sync.port';
import { mappedChannelKeys, resolveStockMapping } from './stock-location.resolver';
import type { SkuMatching, StockLocationMapping } from './stock-mapping.schema';
import { syncStockItems, type StockSyncContext } from './stock-items.sync';
import { recordPageFailure, resolveSweepFailures } from './stock-sync-failures';
import { StockSyncStateRepo } from './stock-sync-state.repo';
import { StockSnapshot } from './stock-snapshot.repo';
import {
  UNKNOWN_SKUS_LISTED,
  emptyCounts,
  type StockSyncCounts,
  type StockSyncReport,
} from './stock-run-report';

export const STOCK_SYNC_LOCK = 'stock-sync';
export const STOCK_PAGE_SIZE = 200;
const MAX_CONSECUTIVE_PAGE_FAILURES = 3;

export interface StockSyncDeps {
  linnworks: LinnworksStockSyncPort;
  ct: CtStockSyncPort;
  store: StateStore;
  logger: Logger;
  mapping: StockLocationMapping;
  skuMatching: SkuMatching;
  /** How long a run may work before it checkpoints (Connect's job limit is 30 minutes). */
  timeBudgetMs: number;
  /** Injectable clock (ms since epoch) for the time budget, the report and the lease. */
  now?: () => number;
  writeConcurrency?: number;
  pageSize?: number;
}

/** The setup every run and every replay shares: mapping resolved, channels checked, counters. */
export interface StockRunSetup {
  ctx: StockSyncContext;
  counts: StockSyncCounts;
  linnworks: LinnworksStockSyncPort;
  store: CountingStateStore;
  locationNames: Map<string, string>;
  finishCounts: () => StockSyncCounts;
}

/**
 * Resolves the mapping against Linnworks' locations and commercetools' channels. Throws a
 * ValidationError listing every problem (unknown location, missing supply channel).
 */
export async function prepareStockRun(
  deps: StockSyncDeps,
  options: { dryRun: boolean; snapshot: 'load' | 'empty'; store?: CountingStateStore },
): Promise<StockRunSetup> {
  const counts = emptyCounts();
  const lwCounter = { calls: 0 };
  const linnworks = countLinnworksCalls(deps.linnworks, lwCounter);
  const store = options.store ?? new CountingStateStore(deps.store);
  const ctBefore = { ...deps.ct.calls };
  const locations = await linnworks.getStockLocations();
  const { mapping, problems } = resolveStockMapping(deps.mapping, locations);
  const keys = mappedChannelKeys(mapping);
  const channelIds = await deps.ct.channelIdsByKey(keys);
  for (const key of keys) {
    if (!channelIds.has(key)) {
      problems.push(
        `STOCK_LOCATION_MAPPING: supply channel "${key}" does not exist in commercetools; create it (role InventorySupply) or fix the mapping`,
      );
    }
  }
  if (problems.length > 0) {
    throw new ValidationError('STOCK_MAPPING_INVALID', problems.join('; '), {
      field: 'STOCK_LOCATION_MAPPING',
    });
  }
  const snapshot =
    options.snapshot === 'load' ? await StockSnapshot.load(store) : StockSnapshot.empty();
  const inventoryEmpty = snapshot.fresh && !(await deps.ct.hasInventory());
  const ctx: StockSyncContext = {
    mapping,
    channelIds,
    matching: deps.skuMatching,
    ct: deps.ct,
    snapshot,
    dryRun: options.dryRun,
    inventoryEmpty,
    writeConcurrency: deps.writeConcurrency ?? 8,
    logger: deps.logger,
  };
  const finishCounts = (): StockSyncCounts => {
    const ctReads = deps.ct.calls.reads - ctBefore.reads + store.calls.reads;
    const ctWrites = deps.ct.calls.writes - ctBefore.writes + store.calls.writes;

    return {
      ...counts,
      linnworksCalls: lwCounter.calls,
      ctReads,
      ctStateWrites: store.calls.writes,
      ctCalls: ctReads + ctWrites,
    };
  };
  const locationNames = new Map(
    locations.map((l) => [l.StockLocationId.toLowerCase(), l.LocationName] as const),
  );

  return { ctx, counts, linnworks, store, locationNames, finishCounts };
}

/**
 * One stock-sync run: a sweep of Linnworks' catalogue with stock levels, page by page
 * (`GetStockItemsFull`, 200 per page), writing only the (SKU, channel) pairs whose quantity
 * changed. A lease lock keeps runs from overlapping (a held lock is a skipped run, not an
 * error); near the time budget the run saves a checkpoint and the next run continues there.
 * Pages or pairs that fail are recorded in the failure queue and retried by the next sweep.
 */
export function createStockSync(deps: StockSyncDeps) {
  const now = deps.now ?? (() => Date.now());
  const pageSize = deps.pageSize ?? STOCK_PAGE_SIZE;
  const clock = () => new Date(now());

  async function run(request: { dryRun: boolean }): Promise<StockSyncReport> {
    const started = now();
    const dryRun = request.dryRun;
    const store = new CountingStateStore(deps.store);
    const lock = new LeaseLock(store, clock);
    const leaseTtl = deps.timeBudgetMs + 5 * 60_000;
    // Shared with the sweep, which renews it: release must use the latest version.
    const held: { lease: Lease | undefined } = { lease: undefined };
    if (!dryRun) {
      const acquired = await lock.acquire(STOCK_SYNC_LOCK, leaseTtl);
      if (!acquired.acquired) {
        return baseReport('skipped', 'lock-held', emptyCounts(), {
          lockExpiresAt: acquired.expiresAt,
        });
      }
      held.lease = acquired.lease;
    }
    try {
      return await sweep(store, held, lock);
    } finally {
      if (held.lease) await lock.release(held.lease).catch(() => false);
    }

    function baseReport(
      status: StockSyncReport['status'],
      reason: string | undefined,
      counts: StockSyncCounts,
      extra: Partial<StockSyncReport> = {},
    ): StockSyncReport {
      const finished = now();

      return {
        flow: 'stock-sync',
        status,
        ...(reason ? { reason } : {}),
        dryRun,
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(finished).toISOString(),
        durationMs: finished - started,
        counts: { ...counts },
        unknownSkus: [],
        unmappedLocations: [],
        ...extra,
      };
    }

    async function sweep(
      store: CountingStateStore,
      held: { lease: Lease | undefined },
      leaseLock: LeaseLock,
    ): Promise<StockSyncReport> {
      const dry = dryRun;
      const setup = await prepareStockRun(deps, { dryRun: dry, snapshot: 'load', store });
      const { ctx, counts, linnworks } = setup;
      const state = new StockSyncStateRepo(store);
      const failures = new FailureQueue(store, clock);
      const checkpoint = dry ? undefined : await state.checkpoint();
      const sweepStartedAt = checkpoint?.sweepStartedAt ?? new Date(started).toISOString();
      let sweepFailures = checkpoint?.sweepFailures ?? 0;
      let page = checkpoint?.nextPage ?? 1;
      const unknownSkus: string[] = [];
      const unmapped = new Set<string>();
      const marginMs = Math.min(60_000, Math.floor(deps.timeBudgetMs * 0.1));
      let lastRenew = now();
      let stopReason: string | undefined;
      let consecutiveFailures = 0;
      let firstFailedPage: number | undefined;

      for (;;) {
        if (now() - started >= deps.timeBudgetMs - marginMs) {
          stopReason = 'time-budget';
          break;
        }
        if (held.lease && now() - lastRenew > leaseTtl / 3) {
          held.lease = await leaseLock.renew(held.lease, leaseTtl);
          lastRenew = now();
          if (!held.lease) {
            stopReason = 'lease-lost';
            break;
          }
        }
        let items;
        try {
          items = await linnworks.getStockItemsFull({
            pageNumber: page,
            entriesPerPage: pageSize,
            dataRequirements: ['StockLevels'],
            searchTypes: ['SKU'],
          });
        } catch (error) {
          counts.failedPages++;
          sweepFailures++;
          consecutiveFailures++;
          firstFailedPage ??= page;
          if (!dry)
            await recordPageFailure(failures, { page, skus: [], error, source: 'linnworks' });
          deps.logger.warn({ err: describeError(error), page }, 'stock-sync could not read a page');
          if (consecutiveFailures >= MAX_CONSECUTIVE_PAGE_FAILURES) {
            // Linnworks looks down: stop and let the next run start again at the first failure.
            page = firstFailedPage;
            stopReason = isRetryable(error) ? 'linnworks-unavailable' : 'linnworks-failing';
            break;
          }
          page++;
          continue;
        }
        consecutiveFailures = 0;
        firstFailedPage = undefined;
        counts.pagesRead++;
        const outcome = await syncStockItems(items, ctx, counts);
        outcome.unmappedLocationIds.forEach((id) => unmapped.add(id));
        for (const sku of outcome.unknownSkus) {
          if (unknownSkus.length < UNKNOWN_SKUS_LISTED) unknownSkus.push(sku);
        }
        if (outcome.error) {
          sweepFailures++;
          if (!dry) {
            await recordPageFailure(failures, {
              page,
              skus: outcome.failedSkus,
              error: outcome.error,
              source: 'commercetools',
            });
          }
        }
        if (items.length < pageSize) break;
        page++;
      }

      const finishedSweep = stopReason === undefined;
      if (!dry) {
        await ctx.snapshot.flush(store, clock);
        if (finishedSweep) {
          await state.clearCheckpoint(new Date(now()).toISOString());
          if (sweepFailures === 0) {
            await resolveSweepFailures(failures, sweepStartedAt);
          }
        } else {
          await state.saveCheckpoint({ nextPage: page, sweepStartedAt, sweepFailures });
        }
      }
      const unmappedLocations = [...unmapped].map((id) => ({
        id,
        name: setup.locationNames.get(id) ?? id,
      }));
      if (unmappedLocations.length > 0) {
        deps.logger.warn(
          { locations: unmappedLocations.map((l) => l.name) },
          'stock-sync ignored Linnworks locations the mapping does not mention',
        );
      }
      const status =
        !finishedSweep || counts.failed + counts.failedPages > 0 ? 'partial' : 'completed';
      const reason = stopReason ?? (status === 'partial' ? 'failures-recorded' : undefined);
      const report = baseReport(status, reason, setup.finishCounts(), {
        ...(finishedSweep ? {} : { nextPage: page }),
        unknownSkus,
        unmappedLocations,
      });
      if (!dry) {
        await state.saveReport(report);
        report.counts.ctStateWrites++;
        report.counts.ctCalls++;
      }

      return report;
    }
  }

  return { run };
}

export type StockSync = ReturnType<typeof createStockSync>;
