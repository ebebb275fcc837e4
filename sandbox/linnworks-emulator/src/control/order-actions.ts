import { ControlError } from '../http/lw-error';
import { newGuid } from '../lw-format';
import { deductOrder, releaseItems, releaseOrder } from '../rules/allocation.rule';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderItemRecord, OrderRecord, PackageRecord } from '../state/records';

/** A line of an order, by its RowId or by SKU (inventory SKU or ItemNumber). */
export interface LineSelector {
  rowId?: string;
  sku?: string;
  quantity: number;
}

export interface PackageInput {
  trackingNumber: string;
  title?: string;
  weight?: number;
  /** Lines in this box; the whole order when omitted. */
  lines?: LineSelector[];
}

export interface ProcessOrderInput {
  /** pkOrderId, or the channel reference of an open order. */
  order: string;
  vendor?: string;
  postalServiceName?: string;
  trackingNumber?: string;
  packages?: PackageInput[];
  processedOn?: Date | string;
}

export function findOrder(store: EmulatorStore, idOrReference: string): OrderRecord {
  const byId = store.order(idOrReference);
  if (byId) return byId;
  const byRef = store.ordersByReference(idOrReference);
  const found = byRef.find((o) => !o.processed) ?? byRef[0];
  if (!found) throw new ControlError(404, `No order ${idOrReference}`);

  return found;
}

export function findLine(order: OrderRecord, selector: LineSelector): OrderItemRecord {
  const wanted = selector.sku?.toLowerCase();
  const line = order.items.find(
    (i) =>
      i.rowId === selector.rowId ||
      (wanted !== undefined &&
        [i.sku, i.itemNumber, i.channelSku].some((v) => v.toLowerCase() === wanted)),
  );
  if (!line)
    throw new ControlError(
      404,
      `Order ${order.numOrderId} has no line ${selector.rowId ?? selector.sku}`,
    );

  return line;
}

function requireOpen(order: OrderRecord): void {
  if (order.processed)
    throw new ControlError(409, `Order ${order.numOrderId} is already processed`);
}

/**
 * Processes (ships) an open order: Processed, ProcessedDateTime, vendor, service, tracking;
 * one or more boxes for GetPackageSplit; StockLevel and InOrders deducted (reference §10.5).
 */
export function processOrder(store: EmulatorStore, input: ProcessOrderInput): OrderRecord {
  const order = findOrder(store, input.order);
  requireOpen(order);
  const service = [...store.postalServices.values()].find(
    (s) =>
      s.name.toLowerCase() === (input.postalServiceName ?? order.postalServiceName).toLowerCase(),
  );
  const packages: PackageRecord[] = (
    input.packages ?? [{ trackingNumber: input.trackingNumber ?? '' }]
  ).map((pkg, index) => ({
    binId: newGuid(),
    title: pkg.title ?? `Box ${index + 1}`,
    trackingNumber: pkg.trackingNumber,
    weight: pkg.weight ?? 0,
    lines: (
      pkg.lines ??
      order.items
        .filter((i) => i.quantity > 0)
        .map((i) => ({ rowId: i.rowId, quantity: i.quantity }))
    ).map((sel) => ({
      rowId: findLine(order, sel).rowId,
      quantity: sel.quantity,
    })),
  }));
  order.vendor = input.vendor ?? service?.vendor ?? order.vendor;
  order.postalServiceName = service?.name ?? input.postalServiceName ?? order.postalServiceName;
  order.postalServiceId = service?.id ?? order.postalServiceId;
  order.trackingNumber = input.trackingNumber ?? packages[0]?.trackingNumber ?? '';
  order.packages = packages;
  order.labelPrinted = true;
  order.processed = true;
  order.processedOn = input.processedOn ? new Date(input.processedOn) : store.now();
  deductOrder(store.stock, order);

  return order;
}

/**
 * Orders/SplitOrder as a warehouse action: moves quantities to a new open child order (new
 * pkOrderId and NumOrderId). Children keep the parent's reference by default [?].
 */
export function splitOrder(
  store: EmulatorStore,
  input: { order: string; lines: LineSelector[] },
  shareReference: boolean,
): OrderRecord {
  const parent = findOrder(store, input.order);
  requireOpen(parent);
  const childItems: OrderItemRecord[] = [];
  for (const sel of input.lines) {
    const line = findLine(parent, sel);
    if (sel.quantity <= 0 || sel.quantity > line.quantity)
      throw new ControlError(400, `Cannot split ${sel.quantity} of line ${line.rowId}`);
    childItems.push({
      ...line,
      rowId: newGuid(),
      quantity: sel.quantity,
      options: [...line.options],
    });
    line.quantity -= sel.quantity;
  }
  parent.items = parent.items.filter((i) => i.quantity > 0);
  const child: OrderRecord = {
    ...parent,
    id: newGuid(),
    numOrderId: store.takeNumOrderId(),
    referenceNumber: shareReference
      ? parent.referenceNumber
      : `${parent.referenceNumber}-${parent.numOrderId}`,
    items: childItems,
    packages: [],
    extendedProperties: [...parent.extendedProperties],
    notes: [],
    parentOrderId: parent.id,
  };
  store.addOrder(child);

  return child;
}

/** Cancels an open order as Orders/CancelOrder does: processed + HoldOrCancel, allocation released. */
export function cancelWholeOrder(store: EmulatorStore, order: OrderRecord): void {
  requireOpen(order);
  releaseOrder(store.stock, order);
  const now = store.now();
  order.processed = true;
  order.processedOn = now;
  order.cancelledOn = now;
  order.paymentStatus = 'Cancelled';
}

/** Removes quantities from an open order's lines and releases their allocation (partial cancel). */
export function reduceLines(
  store: EmulatorStore,
  order: OrderRecord,
  lines: LineSelector[],
): { line: OrderItemRecord; quantity: number }[] {
  requireOpen(order);
  const reduced = lines.map((sel) => {
    const line = findLine(order, sel);
    if (sel.quantity <= 0 || sel.quantity > line.quantity)
      throw new ControlError(400, `Cannot cancel ${sel.quantity} of line ${line.rowId}`);

    return { line, quantity: sel.quantity };
  });
  for (const { line, quantity } of reduced) {
    releaseItems(store.stock, order.locationId, [{ ...line, quantity }]);
    line.quantity -= quantity;
  }

  return reduced;
}
