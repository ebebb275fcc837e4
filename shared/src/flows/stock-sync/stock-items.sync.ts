import { createHash } from 'node:crypto';

import { describeError, isRetryable, VersionConflictError } from '../../errors/errors';
import type { Logger } from '../../logging/logger';
import {
  InventoryDuplicateError,
  InventoryMissingError,
  type CtStockSyncPort,
  type InventoryEntryView,
} from './ct-stock-sync.port';
import {
  AGGREGATE_SLOT,
  desiredQuantities,
  type LinnworksLevelQuantities,
  normaliseSku,
  type ResolvedStockMapping,
} from './desired-quantity.mapper';
import type { SkuMatching } from './stock-mapping.schema';
import type { StockSyncCounts } from './stock-run-report';
import type { SnapshotItem, StockSnapshot } from './stock-snapshot.repo';

const SKU_SLOT = '@';
const MAX_CONFLICT_RETRIES = 3;

/** The fields of a Linnworks `StockItemFull` stock-sync reads. */
export interface StockItemInput {
  ItemNumber: string;
  BarcodeNumber: string;
  StockLevels: readonly LinnworksLevelQuantities[];
}

export interface StockSyncContext {
  mapping: ResolvedStockMapping;
  /** Supply channel id per mapped channel key. */
  channelIds: ReadonlyMap<string, string>;
  matching: SkuMatching;
  ct: CtStockSyncPort;
  snapshot: StockSnapshot;
  dryRun: boolean;
  /** commercetools held no inventory entry at all when the run began: nothing to look up. */
  inventoryEmpty: boolean;
  writeConcurrency: number;
  logger: Logger;
}

export interface ItemsOutcome {
  /** Linnworks SKUs with at least one pair not written; undefined error when none failed. */
  failedSkus: string[];
  error: { reasonCode: string; message: string; retryable: boolean } | undefined;
  unknownSkus: string[];
  unmappedLocationIds: string[];
}

/** Deterministic key of the inventory entry stock-sync creates for (SKU, slot). */
export function inventoryEntryKey(sku: string, slot: string): string {
  const digest = createHash('sha256').update(`${sku}\u0000${slot}`).digest('hex');

  return `lw-stock-${digest.slice(0, 32)}`;
}

interface Pair {
  itemKey: string;
  lwSku: string;
  ctSku: string;
  slot: string;
  quantity: number;
  /** The entry as the snapshot recorded it, when it did. */
  recorded?: InventoryEntryView;
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

/** Which commercetools SKU each item key maps to, for items the snapshot does not know. */
async function resolveSkus(
  items: Array<{ key: string; barcode: string }>,
  ctx: StockSyncContext,
): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  if (items.length === 0) return resolved;
  const existing = await ctx.ct.existingVariantSkus(items.map((i) => i.key));
  for (const item of items) if (existing.has(item.key)) resolved.set(item.key, item.key);
  const attribute = ctx.matching.barcodeAttribute;
  const byBarcode = items.filter((i) => !resolved.has(i.key) && i.barcode.trim() !== '');
  if (attribute && byBarcode.length > 0) {
    const found = await ctx.ct.skusByAttribute(
      attribute,
      byBarcode.map((i) => i.barcode.trim()),
    );
    for (const item of byBarcode) {
      const sku = found.get(item.barcode.trim());
      if (sku) resolved.set(item.key, sku);
    }
  }

  return resolved;
}

function pickEntry(
  candidates: InventoryEntryView[] | undefined,
  key: string,
): InventoryEntryView | undefined {
  if (!candidates || candidates.length === 0) return undefined;

  return candidates.find((e) => e.key === key) ?? candidates[0];
}

/**
 * Brings commercetools in line with Linnworks for a batch of items (one sweep page, or the
 * SKUs of a replay): desired quantity per (SKU, slot); pairs the snapshot already holds at that
 * quantity are skipped without a commercetools call; the rest are looked up in one batched
 * query and written only where commercetools differs. Failures are per pair and reported
 * back; the snapshot only records what commercetools is known to hold.
 */
export async function syncStockItems(
  items: readonly StockItemInput[],
  ctx: StockSyncContext,
  counts: StockSyncCounts,
): Promise<ItemsOutcome> {
  const unknownSkus: string[] = [];
  const unmapped = new Set<string>();
  const keyed: Array<{
    key: string;
    lwSku: string;
    barcode: string;
    slots: Array<[string, number]>;
  }> = [];
  for (const item of items) {
    counts.itemsRead++;
    const key = normaliseSku(item.ItemNumber, ctx.matching);
    const desired = desiredQuantities(item.StockLevels, ctx.mapping);
    counts.skippedUnmappedLocation += desired.unmappedLocationIds.length;
    desired.unmappedLocationIds.forEach((id) => unmapped.add(id));
    if (key === '') {
      counts.skippedUnknownSku++;
      continue;
    }
    keyed.push({ key, lwSku: item.ItemNumber, barcode: item.BarcodeNumber, slots: desired.slots });
  }
  const outcome: ItemsOutcome = {
    failedSkus: [],
    error: undefined,
    unknownSkus,
    unmappedLocationIds: [...unmapped],
  };
  const failedSkus = new Set<string>();
  const fail = (pair: Pair, error: unknown): void => {
    counts.failed++;
    failedSkus.add(pair.lwSku);
    const described = describeError(error);
    outcome.error ??= {
      reasonCode: described.code,
      message: described.message,
      retryable: isRetryable(error),
    };
    ctx.logger.warn(
      { err: described, sku: pair.ctSku, slot: pair.slot },
      'stock-sync could not write an inventory entry',
    );
  };

  const pairs: Pair[] = [];
  try {
    const unresolved = keyed.filter((i) => !ctx.snapshot.get(i.key));
    const resolved = await resolveSkus(unresolved, ctx);
    for (const item of keyed) {
      const known = ctx.snapshot.get(item.key);
      const recordedSku = known?.[SKU_SLOT];
      const ctSku = known
        ? typeof recordedSku === 'string'
          ? recordedSku
          : item.key
        : resolved.get(item.key);
      if (ctSku === undefined) {
        counts.skippedUnknownSku++;
        unknownSkus.push(item.lwSku);
        continue;
      }
      for (const [slot, quantity] of item.slots) {
        const recorded = known?.[slot];
        const last = Array.isArray(recorded) ? recorded : undefined;
        if (last?.[0] === quantity) {
          counts.unchanged++;
          continue;
        }
        const entry: InventoryEntryView | undefined = last
          ? {
              id: last[2],
              version: last[1],
              sku: ctSku,
              key: undefined,
              channelId: undefined,
              quantityOnStock: last[0],
            }
          : undefined;
        pairs.push({
          itemKey: item.key,
          lwSku: item.lwSku,
          ctSku,
          slot,
          quantity,
          recorded: entry,
        });
      }
      if (!known && ctSku !== item.key) ctx.snapshot.set(item.key, { [SKU_SLOT]: ctSku });
    }
    if (pairs.length === 0) return outcome;

    // Pairs without a recorded entry are looked up in one batched query (unless commercetools
    // is known to hold no inventory at all: a first run into an empty project).
    const entries = new Map<string, InventoryEntryView[]>();
    const unrecorded = pairs.filter((p) => !p.recorded);
    if (unrecorded.length > 0 && !ctx.inventoryEmpty) {
      for (const entry of await ctx.ct.findEntries([...new Set(unrecorded.map((p) => p.ctSku))])) {
        const id = `${entry.sku}\u0000${entry.channelId ?? ''}`;
        entries.set(id, [...(entries.get(id) ?? []), entry]);
      }
    }
    await forEachLimit(pairs, ctx.writeConcurrency, async (pair) => {
      const channelId = pair.slot === AGGREGATE_SLOT ? '' : (ctx.channelIds.get(pair.slot) ?? '');
      const key = inventoryEntryKey(pair.ctSku, pair.slot);
      const entry = pair.recorded ?? pickEntry(entries.get(`${pair.ctSku}\u0000${channelId}`), key);
      try {
        const held = await writePair(pair, entry, channelId, key, ctx, counts);
        if (held) remember(pair, held, ctx);
      } catch (error) {
        fail(pair, error);
      }
    });
  } catch (error) {
    // A failed lookup fails every pair of the batch that was not settled yet.
    for (const pair of pairs.length > 0 ? pairs : keyed.map(toPairStub)) {
      if (!failedSkus.has(pair.lwSku)) fail(pair, error);
    }
  }
  outcome.failedSkus = [...failedSkus];

  return outcome;
}

function toPairStub(item: { key: string; lwSku: string }): Pair {
  return { itemKey: item.key, lwSku: item.lwSku, ctSku: item.key, slot: '', quantity: 0 };
}

function remember(pair: Pair, held: InventoryEntryView, ctx: StockSyncContext): void {
  if (ctx.dryRun) return;
  const current: SnapshotItem = ctx.snapshot.get(pair.itemKey) ?? {};
  const next: SnapshotItem = { ...current, [pair.slot]: [pair.quantity, held.version, held.id] };
  if (pair.ctSku !== pair.itemKey) next[SKU_SLOT] = pair.ctSku;
  ctx.snapshot.set(pair.itemKey, next);
}

/**
 * Makes one entry hold `pair.quantity`, returning the entry as commercetools now holds it
 * (in a dry run: as it would). A 409 re-reads the entry and tries again with its fresh
 * version; an entry deleted since it was recorded is looked up again, or created.
 */
async function writePair(
  pair: Pair,
  found: InventoryEntryView | undefined,
  channelId: string,
  key: string,
  ctx: StockSyncContext,
  counts: StockSyncCounts,
): Promise<InventoryEntryView | undefined> {
  let entry = found;
  let counted = false;
  for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
    if (entry && entry.quantityOnStock === pair.quantity) {
      if (!counted) counts.alreadyInSync++;

      return entry;
    }
    if (!counted) {
      counts.changed++;
      counted = true;
    }
    if (ctx.dryRun)
      return (
        entry ?? {
          id: '',
          version: 0,
          sku: pair.ctSku,
          key,
          channelId,
          quantityOnStock: pair.quantity,
        }
      );
    try {
      counts.ctInventoryWrites++;
      if (entry) {
        const written = await ctx.ct.changeQuantity(entry, pair.quantity);
        counts.written++;

        return written;
      }
      const created = await ctx.ct.createEntry({
        key,
        sku: pair.ctSku,
        channelId: channelId === '' ? undefined : channelId,
        quantity: pair.quantity,
      });
      counts.created++;

      return created;
    } catch (error) {
      if (error instanceof VersionConflictError) {
        counts.conflictsRetried++;
        entry = await ctx.ct.getEntry(error.resourceId);
      } else if (
        error instanceof InventoryDuplicateError ||
        error instanceof InventoryMissingError
      ) {
        counts.conflictsRetried++;
        const again = await ctx.ct.findEntries([pair.ctSku]);
        entry = pickEntry(
          again.filter((e) => (e.channelId ?? '') === channelId),
          key,
        );
      } else {
        throw error;
      }
    }
  }
  throw new VersionConflictError('inventory-entry', entry?.id ?? key);
}
