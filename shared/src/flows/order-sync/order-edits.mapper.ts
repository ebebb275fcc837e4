import type {
  LinnworksChannelAddress,
  LinnworksChannelOrder,
  LinnworksChannelOrderItem,
  LinnworksOrderDetails,
  LinnworksOrderItem,
} from '../../linnworks/linnworks-types';
import type {
  LinnworksCustomerAddress,
  LinnworksOrderCustomerInfo,
  LinnworksOrderItemChanges,
} from '../../linnworks/linnworks-write-types';

/** What changed on the commercetools order since Linnworks got it (names the failure record). */
export type EditPart =
  'shippingAddress' | 'billingAddress' | 'customerEmail' | 'shippingMethod' | 'lineItems';

export type LineEdit =
  | { kind: 'update'; item: LinnworksOrderItem; changes: LinnworksOrderItemChanges }
  | { kind: 'add'; line: LinnworksChannelOrderItem }
  | { kind: 'remove'; item: LinnworksOrderItem };

export interface EditPlan {
  parts: EditPart[];
  /** The customer info as read, with the changed addresses; undefined when none changed. */
  customer?: LinnworksOrderCustomerInfo;
  /** The postal service name and tax-inclusive postage to set; undefined when unchanged. */
  shipping?: { postalServiceName?: string; serviceChanged: boolean; cost: number };
  lines: LineEdit[];
}

const ADDRESS_FIELDS = [
  'FullName',
  'Company',
  'Address1',
  'Address2',
  'Address3',
  'Town',
  'Region',
  'PostCode',
  'PhoneNumber',
] as const;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Linnworks' name of a country [?: its English name; CustomerAddress has no country code]. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Whether Linnworks' `Country` is this ISO code: as the code itself (as created) or its name. */
function sameCountry(read: string, code: string): boolean {
  const r = read.trim().toLowerCase();

  return r === code.toLowerCase() || r === countryName(code).toLowerCase();
}

function addressDiff(read: LinnworksCustomerAddress, wanted: LinnworksChannelAddress) {
  const fields = ADDRESS_FIELDS.some((f) => (read[f] ?? '') !== (wanted[f] ?? ''));
  const code = wanted.MatchCountryCode ?? wanted.Country ?? '';
  const country = !sameCountry(read.Country ?? '', code);
  const email = (read.EmailAddress ?? '') !== (wanted.EmailAddress ?? '');
  const next: LinnworksCustomerAddress = {
    ...read,
    ...Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, wanted[f] ?? ''])),
    EmailAddress: wanted.EmailAddress ?? '',
    ...(country ? { Country: countryName(code), CountryId: null } : {}),
  };

  return { changed: fields || country, email, next };
}

function customerPlan(wanted: LinnworksChannelOrder, details: LinnworksOrderDetails) {
  const info = details.CustomerInfo;
  const delivery = wanted.DeliveryAddress;
  const billing = wanted.BillingAddress ?? delivery;
  if (!delivery || !billing) return { parts: [] as EditPart[] };
  const d = addressDiff(info.Address, delivery);
  const b = addressDiff(info.BillingAddress, billing);
  const buyer = (info.ChannelBuyerName ?? '') !== (wanted.ChannelBuyerName ?? '');
  const parts: EditPart[] = [];
  if (d.changed || buyer) parts.push('shippingAddress');
  if (b.changed) parts.push('billingAddress');
  if (d.email || b.email) parts.push('customerEmail');
  if (parts.length === 0) return { parts };
  const customer: LinnworksOrderCustomerInfo = {
    ChannelBuyerName: wanted.ChannelBuyerName ?? '',
    Address: d.next,
    BillingAddress: b.next,
  };

  return { parts, customer };
}

function shippingPlan(wanted: LinnworksChannelOrder, details: LinnworksOrderDetails) {
  const read = details.ShippingInfo;
  const name = wanted.PostalServiceName;
  const serviceChanged = !!name && name !== read.PostalServiceName;
  const cost = wanted.PostalServiceCost ?? 0;
  if (!serviceChanged && Math.abs(cost - (read.PostageCost ?? 0)) < 0.005) return undefined;

  return { ...(name ? { postalServiceName: name } : {}), serviceChanged, cost };
}

/** The commercetools item a Linnworks line stands for: its ItemNumber, or the row it was added as. */
function keyOf(item: LinnworksOrderItem, addedRows: Record<string, string>): string | undefined {
  if (item.ItemNumber) return item.ItemNumber;

  return Object.entries(addedRows).find(([, rowId]) => rowId === item.RowId)?.[0];
}

function lineChanges(item: LinnworksOrderItem, line: LinnworksChannelOrderItem) {
  const differs =
    item.Quantity !== line.Qty ||
    Math.abs(item.PricePerUnit - line.PricePerUnit) >= 0.005 ||
    Math.abs(item.TaxRate - line.TaxRate) > 1e-9;
  if (!differs) return undefined;

  return {
    Quantity: line.Qty,
    PricePerUnit: line.PricePerUnit,
    TaxRate: line.TaxRate,
    TaxCostInclusive: line.TaxCostInclusive,
  };
}

function linePlan(
  wanted: LinnworksChannelOrder,
  details: LinnworksOrderDetails,
  addedRows: Record<string, string>,
): LineEdit[] {
  const items = new Map<string, LinnworksOrderItem>();
  for (const item of details.Items) {
    const key = keyOf(item, addedRows);
    if (key) items.set(key, item);
  }
  const edits: LineEdit[] = [];
  for (const line of wanted.OrderItems) {
    const item = items.get(line.ItemNumber);
    items.delete(line.ItemNumber);
    if (!item) {
      edits.push({ kind: 'add', line });
      continue;
    }
    const changes = lineChanges(item, line);
    if (changes) edits.push({ kind: 'update', item, changes });
  }
  for (const item of items.values()) edits.push({ kind: 'remove', item });

  return edits;
}

/**
 * Pure: what must change on the Linnworks order (as read) so that it says what the commercetools
 * order (as mapped for CreateOrders) says. Lines Linnworks holds that the connector did not send
 * (no ItemNumber and no recorded row) are left alone.
 */
export function planOrderEdits(
  wanted: LinnworksChannelOrder,
  details: LinnworksOrderDetails,
  addedRows: Record<string, string> = {},
): EditPlan {
  const customer = customerPlan(wanted, details);
  const shipping = shippingPlan(wanted, details);
  const lines = linePlan(wanted, details, addedRows);
  const parts = [...customer.parts];
  if (shipping) parts.push('shippingMethod');
  if (lines.length > 0) parts.push('lineItems');

  return {
    parts,
    ...(customer.customer ? { customer: customer.customer } : {}),
    ...(shipping ? { shipping } : {}),
    lines,
  };
}
