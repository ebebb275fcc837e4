import type { CallCounts } from '../../commercetools/call-counts';
import { PermanentUpstreamError, RetryableUpstreamError } from '../../errors/errors';

/** The part of an inventory entry stock-sync reads. */
export interface InventoryEntryView {
  id: string;
  version: number;
  sku: string;
  key: string | undefined;
  /** Supply channel id; undefined for the channel-less (aggregate) entry. */
  channelId: string | undefined;
  quantityOnStock: number;
}

/**
 * The entry to update no longer exists (deleted in commercetools since it was recorded).
 * stock-sync looks the pair up again; escaping, it is permanent for that entry.
 */
export class InventoryMissingError extends PermanentUpstreamError {
  constructor(readonly entryId: string) {
    super('CT_INVENTORY_ENTRY_MISSING', `inventory entry ${entryId} no longer exists`, {
      upstream: 'commercetools',
      status: 404,
    });
  }
}

/**
 * commercetools refused a new entry because its key (or sku + channel) already exists: another
 * writer created it first. stock-sync looks it up and updates it; escaping, a retry finds it.
 */
export class InventoryDuplicateError extends RetryableUpstreamError {
  constructor(readonly key: string) {
    super('CT_INVENTORY_ENTRY_EXISTS', `inventory entry ${key} already exists`, {
      upstream: 'commercetools',
      status: 400,
    });
  }
}

/**
 * commercetools as stock-sync sees it (adapter: `CtStockSyncAdapter`). Every failure is a
 * ConnectorError. The adapter counts its own calls; the use case reads the counts.
 */
export interface CtStockSyncPort {
  /** HTTP calls made so far, by kind; the run report takes the difference over a run. */
  readonly calls: Readonly<CallCounts>;
  /** Supply channel ids by key; keys that do not exist are absent from the map. */
  channelIdsByKey(keys: string[]): Promise<Map<string, string>>;
  /** Every inventory entry (any channel, or none) of these SKUs. */
  findEntries(skus: string[]): Promise<InventoryEntryView[]>;
  getEntry(id: string): Promise<InventoryEntryView | undefined>;
  /** True when the project has at least one inventory entry (any SKU, any channel). */
  hasInventory(): Promise<boolean>;
  /**
   * `changeQuantity` with the entry's version; throws VersionConflictError on 409 and
   * InventoryMissingError on 404.
   */
  changeQuantity(
    entry: { id: string; version: number },
    quantity: number,
  ): Promise<InventoryEntryView>;
  createEntry(draft: {
    key: string;
    sku: string;
    channelId: string | undefined;
    quantity: number;
  }): Promise<InventoryEntryView>;
  /** The SKUs among `skus` that belong to a product variant (staged or current). */
  existingVariantSkus(skus: string[]): Promise<Set<string>>;
  /**
   * The SKUs on commercetools orders created since `since` (ISO), for the hot lane: the orders the
   * connector sends to Linnworks. Reads at most a few thousand orders (the newest are enough).
   */
  skusOfOrdersSince(since: string): Promise<{ orders: number; skus: string[] }>;
  /** Variant SKU per value of a variant attribute (EAN/UPC), for the values found. */
  skusByAttribute(attribute: string, values: string[]): Promise<Map<string, string>>;
}
