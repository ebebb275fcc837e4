import type { InventoryEntry, ProductVariant } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctErrorCode, isCtConflict, isCtNotFound, toCtError } from '../../commercetools/ct-errors';
import { VersionConflictError } from '../../errors/errors';
import {
  type CtStockSyncPort,
  InventoryDuplicateError,
  type InventoryEntryView,
  InventoryMissingError,
} from './ct-stock-sync.port';
import { skusOfOrdersSince } from './ct-order-skus.query';

const SKUS_PER_QUERY = 100;
const PAGE_LIMIT = 500;

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function inList(values: string[]): string {
  return values.map(quote).join(',');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));

  return out;
}

function toView(entry: InventoryEntry): InventoryEntryView {
  return {
    id: entry.id,
    version: entry.version,
    sku: entry.sku,
    key: entry.key ?? undefined,
    channelId: entry.supplyChannel?.id,
    quantityOnStock: entry.quantityOnStock,
  };
}

/** The commercetools adapter; counts its HTTP calls for the run report. */
export class CtStockSyncAdapter implements CtStockSyncPort {
  readonly calls = { reads: 0, writes: 0 };

  constructor(private readonly api: CtApi) {}

  async channelIdsByKey(keys: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const group of chunks(keys, SKUS_PER_QUERY)) {
      this.calls.reads++;
      try {
        const response = await this.api
          .channels()
          .get({ queryArgs: { where: `key in (${inList(group)})`, limit: PAGE_LIMIT } })
          .execute();
        for (const channel of response.body.results) {
          if (channel.key) found.set(channel.key, channel.id);
        }
      } catch (error) {
        throw toCtError(error, 'read of supply channels');
      }
    }

    return found;
  }

  async hasInventory(): Promise<boolean> {
    this.calls.reads++;
    try {
      const response = await this.api
        .inventory()
        .get({ queryArgs: { limit: 1, withTotal: false } })
        .execute();

      return response.body.results.length > 0;
    } catch (error) {
      throw toCtError(error, 'read of inventory entries');
    }
  }

  async findEntries(skus: string[]): Promise<InventoryEntryView[]> {
    const entries: InventoryEntryView[] = [];
    for (const group of chunks(skus, SKUS_PER_QUERY)) {
      for (let offset = 0; ; offset += PAGE_LIMIT) {
        this.calls.reads++;
        let results: InventoryEntry[];
        try {
          const response = await this.api
            .inventory()
            .get({
              queryArgs: {
                where: `sku in (${inList(group)})`,
                limit: PAGE_LIMIT,
                offset,
                withTotal: false,
              },
            })
            .execute();
          results = response.body.results;
        } catch (error) {
          throw toCtError(error, 'read of inventory entries');
        }
        entries.push(...results.map(toView));
        if (results.length < PAGE_LIMIT) break;
      }
    }

    return entries;
  }

  async getEntry(id: string): Promise<InventoryEntryView | undefined> {
    this.calls.reads++;
    try {
      return toView((await this.api.inventory().withId({ ID: id }).get().execute()).body);
    } catch (error) {
      if (isCtNotFound(error)) return undefined;
      throw toCtError(error, `read of inventory entry ${id}`);
    }
  }

  async changeQuantity(
    entry: { id: string; version: number },
    quantity: number,
  ): Promise<InventoryEntryView> {
    this.calls.writes++;
    try {
      const response = await this.api
        .inventory()
        .withId({ ID: entry.id })
        .post({
          body: { version: entry.version, actions: [{ action: 'changeQuantity', quantity }] },
        })
        .execute();

      return toView(response.body);
    } catch (error) {
      if (isCtConflict(error)) throw new VersionConflictError('inventory-entry', entry.id);
      if (isCtNotFound(error)) throw new InventoryMissingError(entry.id);
      throw toCtError(error, `changeQuantity of inventory entry ${entry.id}`);
    }
  }

  async createEntry(draft: {
    key: string;
    sku: string;
    channelId: string | undefined;
    quantity: number;
  }): Promise<InventoryEntryView> {
    const channel = draft.channelId
      ? { typeId: 'channel' as const, id: draft.channelId }
      : undefined;
    const body = { key: draft.key, sku: draft.sku, quantityOnStock: draft.quantity };
    this.calls.writes++;
    try {
      const created = this.api.inventory().post({
        body: channel ? { ...body, supplyChannel: channel } : body,
      });

      return toView((await created.execute()).body);
    } catch (error) {
      if (ctErrorCode(error) === 'DuplicateField') throw new InventoryDuplicateError(draft.key);
      throw toCtError(error, `creation of inventory entry ${draft.key}`);
    }
  }

  skusOfOrdersSince(since: string): Promise<{ orders: number; skus: string[] }> {
    return skusOfOrdersSince(this.api, since, () => this.calls.reads++);
  }

  async existingVariantSkus(skus: string[]): Promise<Set<string>> {
    const wanted = new Set(skus);
    const found = new Set<string>();
    await this.eachVariant(
      (list) => `masterVariant(sku in (${list})) or variants(sku in (${list}))`,
      skus,
      (variant) => {
        if (variant.sku && wanted.has(variant.sku)) found.add(variant.sku);
      },
    );

    return found;
  }

  async skusByAttribute(attribute: string, values: string[]): Promise<Map<string, string>> {
    const wanted = new Set(values);
    const found = new Map<string, string>();
    const clause = (list: string) => `attributes(name=${quote(attribute)} and value in (${list}))`;
    await this.eachVariant(
      (list) => `masterVariant(${clause(list)}) or variants(${clause(list)})`,
      values,
      (variant) => {
        const value = variant.attributes?.find((a) => a.name === attribute)?.value;
        if (variant.sku && typeof value === 'string' && wanted.has(value) && !found.has(value)) {
          found.set(value, variant.sku);
        }
      },
    );

    return found;
  }

  /** Staged projections include unpublished products, whose stock may be prepared ahead. */
  private async eachVariant(
    where: (list: string) => string,
    values: string[],
    visit: (variant: ProductVariant) => void,
  ): Promise<void> {
    for (const group of chunks([...new Set(values)], SKUS_PER_QUERY)) {
      for (let offset = 0; ; offset += PAGE_LIMIT) {
        this.calls.reads++;
        try {
          const response = await this.api
            .productProjections()
            .get({
              queryArgs: { staged: true, where: where(inList(group)), limit: PAGE_LIMIT, offset },
            })
            .execute();
          for (const product of response.body.results) {
            [product.masterVariant, ...product.variants].forEach(visit);
          }
          if (response.body.results.length < PAGE_LIMIT) break;
        } catch (error) {
          throw toCtError(error, 'read of product variants');
        }
      }
    }
  }
}
