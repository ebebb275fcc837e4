import type { EmulatorOptions } from '../emulator-options';
import { asParamsList, type CallParams } from '../http/params';
import { badRequest } from '../http/lw-error';
import { newGuid, normaliseGuid } from '../lw-format';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderItemRecord, OrderRecord } from '../state/records';
import { allocateOrder, releaseOrder } from './allocation.rule';
import {
  parseChannelOrder,
  parseDate,
  type ParsedChannelItem,
  type ParsedChannelOrder,
} from './channel-order.parser';

export const MAX_ORDERS_PER_CALL = 20;
const STATUS_BY_PAYMENT = { Unpaid: 0, Paid: 1, Cancelled: 0 } as const;

function linkItem(
  store: EmulatorStore,
  order: CallParams,
  item: ParsedChannelItem,
): OrderItemRecord {
  const bySku = order.boolean('AutomaticallyLinkBySKU') ?? false;
  const byBarcode = order.boolean('AutomaticallyLinkByBarcode') ?? false;
  const stock =
    (bySku
      ? (store.stock.itemBySku(item.itemNumber) ?? store.stock.itemBySku(item.channelSku))
      : undefined) ?? (byBarcode ? store.stock.itemByBarcode(item.barcodeHint) : undefined);
  const { barcodeHint: _hint, ...fields } = item;

  return {
    ...fields,
    rowId: newGuid(),
    stockItemId: item.isService ? null : (stock?.id ?? null),
    sku: stock?.sku ?? '',
    title: item.title || stock?.title || '',
  };
}

function buildFields(store: EmulatorStore, parsed: ParsedChannelOrder, locationId: string) {
  const p = parsed.params;
  const postal = p.string('PostalServiceName') ?? '';
  const postalTag = p.string('MatchPostalServiceTag') ?? '';
  const service = [...store.postalServices.values()].find(
    (s) =>
      (postalTag && s.tag.toLowerCase() === postalTag.toLowerCase()) ||
      s.name.toLowerCase() === postal.toLowerCase(),
  );
  const paid = parsed.paymentStatus === 'Paid';

  return {
    source: parsed.source,
    subSource: parsed.subSource,
    referenceNumber: parsed.referenceNumber,
    secondaryReference: p.string('SecondaryReferenceNumber') ?? '',
    externalReference: p.string('ExternalReference') ?? '',
    site: p.string('Site') ?? '',
    channelBuyerName: p.string('ChannelBuyerName') ?? '',
    paymentStatus: parsed.paymentStatus,
    status: STATUS_BY_PAYMENT[parsed.paymentStatus],
    receivedDate: parsed.receivedDate,
    paidOn: paid ? (parseDate(p.string('PaidOn')) ?? store.now()) : null,
    dispatchBy: parsed.dispatchBy,
    currency: p.string('Currency') ?? '',
    conversionRate: p.number('ConversionRate') ?? 1,
    paymentMethod: p.string('PaymentMethodName') ?? '',
    postalServiceId: service?.id ?? null,
    postalServiceName: service?.name ?? postal,
    vendor: service?.vendor ?? '',
    postalServiceCost: p.number('PostalServiceCost') ?? 0,
    postalServiceTaxRate: p.number('PostalServiceTaxRate') ?? 0,
    postalServiceDiscount: p.number('PostalServiceDiscount') ?? 0,
    discount: p.number('Discount') ?? 0,
    useChannelTax: p.boolean('UseChannelTax') ?? false,
    locationId,
    // Unpaid orders are force-parked [obs]; OrderState Park parks, Hold holds.
    isParked: !paid || parsed.orderState === 'Park',
    onHold: parsed.orderState === 'Hold',
    deliveryAddress: parsed.deliveryAddress,
    billingAddress: parsed.billingAddress,
    items: parsed.items.map((item) => linkItem(store, p, item)),
    extendedProperties: asParamsList(p.list('ExtendedProperties')).map((e) => ({
      rowId: newGuid(),
      name: e.string('Name') ?? '',
      value: e.string('Value') ?? '',
      type: e.string('Type') ?? '',
    })),
    notes: asParamsList(p.list('Notes')).map((n) => ({
      id: newGuid(),
      note: n.string('Note') ?? '',
      date: parseDate(n.string('NoteEntryDate')) ?? store.now(),
      internal: n.boolean('Internal') ?? false,
      createdBy: n.string('NoteUserName') ?? '',
    })),
  };
}

function newOrder(
  store: EmulatorStore,
  parsed: ParsedChannelOrder,
  locationId: string,
  options: EmulatorOptions,
): OrderRecord {
  const clientId = parsed.params.string('pkOrderId');
  const useClientId =
    options.honourClientOrderId &&
    clientId &&
    normaliseGuid(clientId) !== normaliseGuid('0'.repeat(32));

  return {
    id: useClientId ? clientId.toLowerCase() : newGuid(),
    numOrderId: store.takeNumOrderId(),
    ...buildFields(store, parsed, locationId),
    trackingNumber: '',
    pickListPrinted: false,
    invoicePrinted: false,
    labelPrinted: false,
    partShipped: false,
    processed: false,
    processedOn: null,
    cancelledOn: null,
    isResend: false,
    parentOrderId: null,
    packages: [],
  };
}

/**
 * Orders/CreateOrders (reference §3.1, §10.4): at most 20 orders; dedupe on (Source,
 * SubSource, ReferenceNumber): an unpaid existing order is updated, a paid one skips the
 * incoming order; new orders are allocated at the call's `location` (a location name).
 */
export function createOrders(
  store: EmulatorStore,
  params: CallParams,
  options: EmulatorOptions,
): string[] {
  const orders = asParamsList(params.list('orders'));
  if (orders.length > MAX_ORDERS_PER_CALL) {
    throw badRequest(`Maximum ${MAX_ORDERS_PER_CALL} orders can be created in a single call`);
  }
  const locationName = params.string('location') || 'Default';
  const location = store.stock.locationByIdOrName(locationName);
  if (!location) throw badRequest(`Location '${locationName}' does not exist`);
  const parsed = orders.map(parseChannelOrder);
  const saved: string[] = [];
  for (const order of parsed) {
    const existing = store.orderByTriple(order.source, order.subSource, order.referenceNumber);
    if (!existing) {
      const created = newOrder(store, order, location.id, options);
      store.addOrder(created);
      allocateOrder(store.stock, created);
      saved.push(created.id);
    } else if (existing.paymentStatus === 'Unpaid' && !existing.processed) {
      releaseOrder(store.stock, existing);
      Object.assign(existing, buildFields(store, order, location.id));
      allocateOrder(store.stock, existing);
      saved.push(existing.id);
    } else if (options.paidDuplicateResult === 'existing-id') {
      saved.push(existing.id);
    }
  }

  return saved;
}
