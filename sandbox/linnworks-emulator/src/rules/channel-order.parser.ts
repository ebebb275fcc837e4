import { newGuid } from '../lw-format';
import { asParamsList, type CallParams } from '../http/params';
import { badRequest } from '../http/lw-error';
import type { AddressRecord, OrderItemRecord, PaymentStatus } from '../state/records';

const PAYMENT_STATUSES: PaymentStatus[] = ['Unpaid', 'Paid', 'Cancelled'];
const ORDER_STATES = ['None', 'Hold', 'Park'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * Enums bind by name (case-insensitive) or by integer value (SDK notes); anything else fails
 * model binding, which Linnworks answers with 400 "The request is invalid.".
 */
export function parseEnum<T extends string>(value: unknown, members: readonly T[], fallback: T): T {
  if (value == null || value === '') return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && members[value]) return members[value];
  if (typeof value === 'string') {
    if (/^\d+$/.test(value) && members[Number(value)]) return members[Number(value)] as T;
    const found = members.find((m) => m.toLowerCase() === value.toLowerCase());
    if (found) return found;
  }
  throw badRequest();
}

export function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const millis = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(millis)) throw badRequest();

  return new Date(millis);
}

export interface ParsedChannelOrder {
  params: CallParams;
  source: string;
  subSource: string;
  referenceNumber: string;
  receivedDate: Date;
  dispatchBy: Date;
  paymentStatus: PaymentStatus;
  orderState: OrderState;
  items: ParsedChannelItem[];
  deliveryAddress: AddressRecord;
  billingAddress: AddressRecord;
}

export type ParsedChannelItem = Omit<OrderItemRecord, 'rowId' | 'stockItemId' | 'sku'> & {
  barcodeHint: string;
};

/** The fields of an address shared by SDK `ChannelAddress` and `CustomerAddress`. */
export const ADDRESS_LINES = [
  'FullName',
  'Company',
  'Address1',
  'Address2',
  'Address3',
  'Town',
  'Region',
  'PostCode',
  'Country',
  'PhoneNumber',
  'EmailAddress',
];
const ADDRESS_FIELDS = [...ADDRESS_LINES, 'MatchCountryCode', 'MatchCountryName'];

/** An address object read field by field; a field left out is empty. */
export function addressOf(
  params: CallParams | undefined,
  fields: readonly string[],
): AddressRecord {
  const address: AddressRecord = {};
  for (const field of fields) address[field] = params?.string(field) ?? '';

  return address;
}

function required(params: CallParams, name: string): string {
  const value = params.string(name);
  if (!value) throw badRequest(`${name} is required`);

  return value;
}

function parseItem(item: CallParams): ParsedChannelItem {
  // Both are minimum fields of every item (H13635).
  const itemNumber = required(item, 'ItemNumber');
  const channelSku = required(item, 'ChannelSKU');
  const quantity = item.number('Qty') ?? 0;
  if (!Number.isInteger(quantity) || quantity <= 0)
    throw badRequest('Qty must be a positive whole number');

  return {
    itemNumber,
    channelSku,
    title: item.string('ItemTitle') ?? '',
    quantity,
    pricePerUnit: item.number('PricePerUnit') ?? 0,
    taxRate: item.number('TaxRate') ?? 0,
    taxCostInclusive: item.boolean('TaxCostInclusive') ?? false,
    useChannelTax: item.boolean('UseChannelTax') ?? false,
    lineDiscount: item.number('LineDiscount') ?? 0,
    isService: item.boolean('IsService') ?? false,
    channelReferenceId: item.string('ChannelReferenceId') ?? '',
    options: asParamsList(item.list('Options')).map((o) => ({
      id: newGuid(),
      property: o.string('Property') ?? '',
      value: o.string('Value') ?? '',
    })),
    barcodeHint: channelSku,
  };
}

/** Reads one ChannelOrder; minimum fields per H13635 (reference §3.1). Unknown properties are ignored. */
export function parseChannelOrder(params: CallParams): ParsedChannelOrder {
  const items = asParamsList(params.list('OrderItems'));
  if (items.length === 0) throw badRequest('OrderItems is required');
  const receivedDate = parseDate(required(params, 'ReceivedDate'));
  const dispatchBy = parseDate(required(params, 'DispatchBy'));

  return {
    params,
    source: required(params, 'Source'),
    subSource: required(params, 'SubSource'),
    referenceNumber: required(params, 'ReferenceNumber'),
    receivedDate: receivedDate ?? new Date(0),
    dispatchBy: dispatchBy ?? new Date(0),
    paymentStatus: parseEnum(params.raw('PaymentStatus'), PAYMENT_STATUSES, 'Unpaid'),
    orderState: parseEnum(params.raw('OrderState'), ORDER_STATES, 'None'),
    items: items.map(parseItem),
    deliveryAddress: addressOf(params.object('DeliveryAddress'), ADDRESS_FIELDS),
    billingAddress: addressOf(params.object('BillingAddress'), ADDRESS_FIELDS),
  };
}
