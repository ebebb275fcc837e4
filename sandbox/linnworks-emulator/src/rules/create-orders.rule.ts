import type { EmulatorOptions } from '../emulator-options';
import { asParamsList, type CallParams } from '../http/params';
import { badRequest } from '../http/lw-error';
import { newGuid, normaliseGuid } from '../lw-format';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderItemRecord, OrderRecord, StockLocationRecord } from '../state/records';
import { allocateOrder, releaseOrder } from './allocation.rule';
import { parseChannelOrder, parseDate, type ParsedChannelOrder } from './channel-order.parser';
import { orderItems } from './order-items.rule';
import { matchPostalService } from './postal-service.rule';

export const MAX_ORDERS_PER_CALL = 20;
const STATUS_BY_PAYMENT = { Unpaid: 0, Paid: 1, Cancelled: 0 } as const;

type Warn = (message: string) => void;

/** `ConversionRate` of an order: the one sent, else the tenant's rate for its currency (Sale/Base). */
function conversionRate(p: CallParams, options: EmulatorOptions, warn: Warn): number {
  const sent = p.number('ConversionRate');
  if (sent !== undefined && sent > 0) return sent;
  const currency = (p.string('Currency') ?? '').toUpperCase();
  const rate = options.currencyRates[currency];
  const base = options.currencyRates[options.baseCurrency] ?? 1;
  if (rate === undefined) {
    warn(`no ${currency || 'UNK'} rate in the tenant; ConversionRate 1`);

    return 1;
  }

  return rate / base;
}

/** `Discount` is modelled for AllEvenly / DeductAfterTax (a value off the total) only. */
function checkDiscount(p: CallParams, warn: Warn): number {
  const discount = p.number('Discount') ?? 0;
  const type = p.string('DiscountType') ?? 'AllEvenly';
  const taxType = p.string('DiscountTaxType') ?? 'DeductAfterTax';
  if (
    discount !== 0 &&
    (!/^(AllEvenly|0)$/i.test(type) || !/^(DeductAfterTax|0)$/i.test(taxType))
  ) {
    warn(`Discount with ${type}/${taxType} is taken off the total as AllEvenly/DeductAfterTax`);
  }

  return discount;
}

interface Fields {
  store: EmulatorStore;
  options: EmulatorOptions;
  warn: Warn;
}

function buildFields(
  f: Fields,
  parsed: ParsedChannelOrder,
  locationId: string,
  previousItems: OrderItemRecord[],
) {
  const p = parsed.params;
  const service = matchPostalService(f.store, p);
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
    receivedDate: parsed.receivedDate,
    paidOn: paid ? (parseDate(p.string('PaidOn')) ?? f.store.now()) : null,
    dispatchBy: parsed.dispatchBy,
    currency: p.string('Currency') || 'UNK',
    conversionRate: conversionRate(p, f.options, f.warn),
    paymentMethod: p.string('PaymentMethodName') ?? '',
    postalServiceId: service.id,
    postalServiceName: service.name,
    vendor: service.vendor,
    postalServiceCost: p.number('PostalServiceCost') ?? 0,
    postalServiceTaxRate: p.number('PostalServiceTaxRate') ?? 0,
    postalServiceDiscount: p.number('PostalServiceDiscount') ?? 0,
    discount: checkDiscount(p, f.warn),
    useChannelTax: p.boolean('UseChannelTax') ?? false,
    locationId,
    onHold: parsed.orderState === 'Hold',
    deliveryAddress: parsed.deliveryAddress,
    billingAddress: parsed.billingAddress,
    items: orderItems(f.store, p, parsed.items, previousItems, f.warn),
    extendedProperties: asParamsList(p.list('ExtendedProperties')).map((e) => ({
      rowId: newGuid(),
      name: e.string('Name') ?? '',
      value: e.string('Value') ?? '',
      type: e.string('Type') ?? '',
    })),
    notes: asParamsList(p.list('Notes')).map((n) => ({
      id: newGuid(),
      note: n.string('Note') ?? '',
      date: parseDate(n.string('NoteEntryDate')) ?? f.store.now(),
      internal: n.boolean('Internal') ?? false,
      createdBy: n.string('NoteUserName') ?? '',
    })),
  };
}

function newOrder(f: Fields, parsed: ParsedChannelOrder, locationId: string): OrderRecord {
  const clientId = parsed.params.string('pkOrderId');
  const useClientId =
    f.options.honourClientOrderId &&
    clientId &&
    normaliseGuid(clientId) !== normaliseGuid('0'.repeat(32));
  const paid = parsed.paymentStatus === 'Paid';

  return {
    id: useClientId ? clientId.toLowerCase() : newGuid(),
    numOrderId: f.store.takeNumOrderId(),
    ...buildFields(f, parsed, locationId, []),
    status: STATUS_BY_PAYMENT[parsed.paymentStatus],
    // Unpaid orders are parked ("If Unpaid ChannelOrderAdapter.Save() will ensure order is PARKED").
    isParked: !paid || parsed.orderState === 'Park',
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
 * An unpaid order sent again is updated in place (H13635). Whether that marks it paid and
 * un-parks it is undocumented [?]: only with `resendMarksPaid`; otherwise status and park state
 * stay for Orders/ChangeStatus and Orders/ChangeOrderTag.
 */
function updateOrder(f: Fields, existing: OrderRecord, parsed: ParsedChannelOrder): void {
  releaseOrder(f.store.stock, existing);
  Object.assign(existing, buildFields(f, parsed, existing.locationId, existing.items));
  if (f.options.resendMarksPaid && parsed.paymentStatus === 'Paid') {
    existing.status = STATUS_BY_PAYMENT.Paid;
    existing.isParked = parsed.orderState === 'Park';
  }
  allocateOrder(f.store.stock, existing);
}

/**
 * The call's `location`: a stock location **name** (H13635, CL), matched case-insensitively; an
 * id is not a name. Without one: 400, or Default with a warning (`missingLocation`).
 */
function locationOf(f: Fields, params: CallParams): StockLocationRecord {
  const name = params.string('location');
  if (!name) {
    if (f.options.missingLocation === 'reject') throw badRequest('location is required');
    f.warn("no 'location' sent; the order was created at Default");
  }
  const wanted = name || 'Default';
  const location = f.store.stock.locationByName(wanted);
  if (!location) throw badRequest(`Location '${wanted}' does not exist`);

  return location;
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
  warn: Warn,
): string[] {
  const orders = asParamsList(params.list('orders'));
  if (orders.length > MAX_ORDERS_PER_CALL) {
    throw badRequest(`Maximum ${MAX_ORDERS_PER_CALL} orders can be created in a single call`);
  }
  const f: Fields = { store, options, warn };
  const location = locationOf(f, params);
  const parsed = orders.map(parseChannelOrder);
  const saved: string[] = [];
  for (const order of parsed) {
    const existing = store.orderByTriple(order.source, order.subSource, order.referenceNumber);
    if (!existing) {
      const created = newOrder(f, order, location.id);
      store.addOrder(created);
      allocateOrder(store.stock, created);
      saved.push(created.id);
    } else if (existing.status === STATUS_BY_PAYMENT.Unpaid && !existing.processed) {
      updateOrder(f, existing, order);
      saved.push(existing.id);
    } else if (options.paidDuplicateResult === 'existing-id') {
      saved.push(existing.id);
    }
  }

  return saved;
}
