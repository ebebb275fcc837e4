import { createHash } from 'node:crypto';

import { VersionConflictError } from '../../errors/errors';
import {
  InventoryDuplicateError,
  type InventoryEntryView,
  InventoryMissingError,
} from './ct-stock-sync.port';
import { AGGREGATE_SLOT } from './desired-quantity.mapper';
import type { StockItemCounts } from './stock-run-report';
import type { SnapshotItem } from './stock-snapshot.repo';
import type { StockSyncContext } from './stock-items.sync';

/** Under this slot a snapshot item keeps its commercetools SKU when it differs from its key. */
export const SKU_SLOT = '@';
const MAX_CONFLICT_RETRIES = 3;

/** One (SKU, slot) whose desired quantity is not the one the snapshot recorded. */
export interface Pair {
  itemKey: string;
  lwSku: string;
  ctSku: string;
  slot: string;
  quantity: number;
  /** The entry as the snapshot recorded it, when it did. */
  recorded?: InventoryEntryView;
}

/** Deterministic key of the inventory entry stock-sync creates for (SKU, slot). */
export function inventoryEntryKey(sku: string, slot: string): string {
  const digest = createHash('sha256').update(`${sku}\u0000${slot}`).digest('hex');

  return `lw-stock-${digest.slice(0, 32)}`;
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

function pickEntry(
  candidates: InventoryEntryView[] | undefined,
  key: string,
): InventoryEntryView | undefined {
  if (!candidates || candidates.length === 0) return undefined;

  return candidates.find((e) => e.key === key) ?? candidates[0];
}

/**
 * Writes every pair, `writeConcurrency` at a time. Pairs without a recorded entry are looked up
 * in one batched query first (unless commercetools is known to hold no inventory at all: a
 * first run into an empty project). A pair that fails goes to `fail`; a failed lookup throws.
 */
export async function writePairs(
  pairs: Pair[],
  ctx: StockSyncContext,
  counts: StockItemCounts,
  fail: (pair: Pair, error: unknown) => void,
): Promise<void> {
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
      const held = await writePair({ pair, channelId, key }, entry, ctx, counts);
      if (held) remember(pair, held, ctx);
    } catch (error) {
      fail(pair, error);
    }
  });
}

function remember(pair: Pair, held: InventoryEntryView, ctx: StockSyncContext): void {
  if (ctx.dryRun) return;
  const current: SnapshotItem = ctx.snapshot.get(pair.itemKey) ?? {};
  const next: SnapshotItem = { ...current, [pair.slot]: [pair.quantity, held.version, held.id] };
  if (pair.ctSku !== pair.itemKey) next[SKU_SLOT] = pair.ctSku;
  ctx.snapshot.set(pair.itemKey, next);
}

interface Target {
  pair: Pair;
  /** Supply channel id, '' for the aggregate. */
  channelId: string;
  /** The key a created entry gets. */
  key: string;
}

/**
 * Makes one entry hold `pair.quantity`, returning the entry as commercetools now holds it
 * (in a dry run: as it would). A 409 re-reads the entry and tries again with its fresh
 * version; an entry deleted since it was recorded is looked up again, or created.
 */
async function writePair(
  target: Target,
  found: InventoryEntryView | undefined,
  ctx: StockSyncContext,
  counts: StockItemCounts,
): Promise<InventoryEntryView | undefined> {
  const { pair, channelId, key } = target;
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
    if (ctx.dryRun) {
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
    }
    try {
      return await writeOnce(target, entry, ctx, counts);
    } catch (error) {
      if (!isEntryConflict(error)) throw error;
      counts.conflictsRetried++;
      entry = await entryAfterConflict(error, target, ctx);
    }
  }
  throw new VersionConflictError('inventory-entry', entry?.id ?? key);
}

async function writeOnce(
  { pair, channelId, key }: Target,
  entry: InventoryEntryView | undefined,
  ctx: StockSyncContext,
  counts: StockItemCounts,
): Promise<InventoryEntryView> {
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
}

type EntryConflict = VersionConflictError | InventoryDuplicateError | InventoryMissingError;

/** The entry changed, vanished or appeared under us: worth another try. */
function isEntryConflict(error: unknown): error is EntryConflict {
  return (
    error instanceof VersionConflictError ||
    error instanceof InventoryDuplicateError ||
    error instanceof InventoryMissingError
  );
}

/** The entry to try again with after a conflict: re-read, or looked up again by SKU. */
async function entryAfterConflict(
  error: EntryConflict,
  { pair, channelId, key }: Target,
  ctx: StockSyncContext,
): Promise<InventoryEntryView | undefined> {
  if (error instanceof VersionConflictError) return ctx.ct.getEntry(error.resourceId);
  const again = await ctx.ct.findEntries([pair.ctSku]);

  return pickEntry(
    again.filter((e) => (e.channelId ?? '') === channelId),
    key,
  );
}
