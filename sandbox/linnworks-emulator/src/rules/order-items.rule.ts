import type { CallParams } from '../http/params';
import { newGuid } from '../lw-format';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderItemRecord } from '../state/records';
import type { ParsedChannelItem } from './channel-order.parser';

/**
 * Links a channel line to inventory. `AutomaticallyLinkBySKU` "will try and link by SKU after
 * trying by channel sku mapping" (API spec): the SKU compared is the line's `ChannelSKU`, never
 * `ItemNumber` (a line number). `AutomaticallyLinkByBarcode` tries the ChannelSKU as a barcode.
 */
function linkItem(
  store: EmulatorStore,
  order: CallParams,
  item: ParsedChannelItem,
  rowId: string,
): OrderItemRecord {
  const bySku = order.boolean('AutomaticallyLinkBySKU') ?? false;
  const byBarcode = order.boolean('AutomaticallyLinkByBarcode') ?? false;
  const stock =
    (bySku ? store.stock.itemBySku(item.channelSku) : undefined) ??
    (byBarcode ? store.stock.itemByBarcode(item.barcodeHint) : undefined);
  const { barcodeHint: _hint, ...fields } = item;

  return {
    ...fields,
    rowId,
    stockItemId: item.isService ? null : (stock?.id ?? null),
    sku: stock?.sku ?? '',
    title: item.title || stock?.title || '',
  };
}

/**
 * The order's items keyed by `ItemNumber`, which the SDK calls a "unique line number": a second
 * item with the same ItemNumber overwrites the first (the reading where lines overwrite each
 * other; logged as a warning). On an update, an item whose ItemNumber the order already has keeps
 * its RowId; the others are new rows.
 */
export function orderItems(
  store: EmulatorStore,
  order: CallParams,
  items: ParsedChannelItem[],
  previous: OrderItemRecord[],
  warn: (message: string) => void,
): OrderItemRecord[] {
  const byNumber = new Map<string, OrderItemRecord>();
  for (const item of items) {
    if (byNumber.has(item.itemNumber)) {
      warn(`ItemNumber ${item.itemNumber} sent twice in one order; the later item overwrote it`);
    }
    const kept = previous.find((p) => p.itemNumber === item.itemNumber);
    byNumber.set(item.itemNumber, linkItem(store, order, item, kept?.rowId ?? newGuid()));
  }

  return [...byNumber.values()];
}
