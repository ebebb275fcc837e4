import { describeError, isRetryable } from '../../errors/errors';
import type { Logger } from '../../logging/logger';
import type { CtStockSyncPort, InventoryEntryView } from './ct-stock-sync.port';
import {
  desiredQuantities,
  type LinnworksLevelQuantities,
  normaliseSku,
  type ResolvedStockMapping,
} from './desired-quantity.mapper';
import { type Pair, SKU_SLOT, writePairs } from './stock-pair.write';
import type { SkuMatching } from './stock-mapping.schema';
import type { StockItemCounts } from './stock-run-report';
import type { StockSnapshot } from './stock-snapshot';
import type { SnapshotItem } from './stock-snapshot.repo';

export { inventoryEntryKey } from './stock-pair.write';

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

/** A Linnworks item with its normalised key and desired quantity per slot. */
interface KeyedItem {
  key: string;
  lwSku: string;
  barcode: string;
  slots: Array<[string, number]>;
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
  counts: StockItemCounts,
): Promise<ItemsOutcome> {
  const unmapped = new Set<string>();
  const keyed = keyItems(items, ctx, counts, unmapped);
  const outcome: ItemsOutcome = {
    failedSkus: [],
    error: undefined,
    unknownSkus: [],
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
  let pairs: Pair[] = [];
  try {
    pairs = await pairsToWrite(keyed, ctx, counts, outcome.unknownSkus);
    if (pairs.length > 0) await writePairs(pairs, ctx, counts, fail);
  } catch (error) {
    // A failed lookup fails every pair of the batch that was not settled yet.
    for (const pair of pairs.length > 0 ? pairs : keyed.map(toPairStub)) {
      if (!failedSkus.has(pair.lwSku)) fail(pair, error);
    }
  }
  outcome.failedSkus = [...failedSkus];

  return outcome;
}

/** Each item's key and desired quantities; items without a SKU are counted and left out. */
function keyItems(
  items: readonly StockItemInput[],
  ctx: StockSyncContext,
  counts: StockItemCounts,
  unmapped: Set<string>,
): KeyedItem[] {
  const keyed: KeyedItem[] = [];
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

  return keyed;
}

/**
 * The pairs whose quantity differs from the snapshot. Items the snapshot does not know are
 * matched to a commercetools SKU first (by SKU, else by barcode); unknown ones are listed.
 */
async function pairsToWrite(
  keyed: KeyedItem[],
  ctx: StockSyncContext,
  counts: StockItemCounts,
  unknownSkus: string[],
): Promise<Pair[]> {
  const resolved = await resolveSkus(
    keyed.filter((i) => !ctx.snapshot.get(i.key)),
    ctx,
  );
  const pairs: Pair[] = [];
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
    pairs.push(...changedPairs(item, ctSku, known, counts));
    if (!known && ctSku !== item.key) ctx.snapshot.set(item.key, { [SKU_SLOT]: ctSku });
  }

  return pairs;
}

/** The item's pairs whose desired quantity is not what the snapshot recorded. */
function changedPairs(
  item: KeyedItem,
  ctSku: string,
  known: SnapshotItem | undefined,
  counts: StockItemCounts,
): Pair[] {
  const pairs: Pair[] = [];
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
    pairs.push({ itemKey: item.key, lwSku: item.lwSku, ctSku, slot, quantity, recorded: entry });
  }

  return pairs;
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

function toPairStub(item: { key: string; lwSku: string }): Pair {
  return { itemKey: item.key, lwSku: item.lwSku, ctSku: item.key, slot: '', quantity: 0 };
}
