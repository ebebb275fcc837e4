import type { EmulatorOptions } from '../emulator-options';
import { lwDate, lwDateOrMin } from '../lw-format';
import { orderTotals } from '../rules/order-totals.rule';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderRecord } from '../state/records';

type Json = Record<string, unknown>;

function oneLine(address: Record<string, string>): string {
  return ['Address1', 'Address2', 'Address3', 'Town', 'Region', 'PostCode', 'Country']
    .map((k) => address[k])
    .filter(Boolean)
    .join(', ');
}

/** SDK `ProcessedOrderWeb`: flat, prefixed names (reference §5.2). Unset dates are .NET's min date. */
export function processedOrderView(
  store: EmulatorStore,
  order: OrderRecord,
  options: Pick<EmulatorOptions, 'lineDiscountUnit' | 'tenantTaxRate' | 'moneyRounding'>,
): Json {
  const totals = orderTotals(order, options);
  const d = order.deliveryAddress;
  const b = order.billingAddress;
  const service = order.postalServiceId
    ? store.postalServices.get(order.postalServiceId)
    : undefined;

  return {
    pkOrderID: order.id,
    cShippingAddress: oneLine(d),
    dReceivedDate: lwDate(order.receivedDate),
    dProcessedOn: lwDateOrMin(order.processedOn),
    timeDiff: 0,
    fPostageCost: totals.postageCost,
    fTotalCharge: totals.totalCharge,
    PostageCostExTax: totals.postageCostExTax,
    Subtotal: totals.subtotal,
    fTax: totals.tax,
    TotalDiscount: totals.totalDiscount,
    ProfitMargin: 0,
    CountryTaxRate: 0,
    nOrderId: order.numOrderId,
    nStatus: order.status,
    cCurrency: order.currency,
    PostalTrackingNumber: order.trackingNumber,
    cCountry: d.Country ?? '',
    Source: order.source,
    PostalServiceName: order.postalServiceName,
    PostalServiceCode: service?.code ?? '',
    Vendor: order.vendor,
    BillingEmailAddress: b.EmailAddress ?? '',
    ReferenceNum: order.referenceNumber,
    SecondaryReference: order.secondaryReference,
    ExternalReference: order.externalReference,
    Address1: d.Address1 ?? '',
    Address2: d.Address2 ?? '',
    Address3: d.Address3 ?? '',
    Town: d.Town ?? '',
    Region: d.Region ?? '',
    BuyerPhoneNumber: d.PhoneNumber ?? '',
    Company: d.Company ?? '',
    SubSource: order.subSource,
    ChannelBuyerName: order.channelBuyerName,
    AccountName: '',
    cFullName: d.FullName ?? '',
    cEmailAddress: d.EmailAddress ?? '',
    cPostCode: d.PostCode ?? '',
    dPaidOn: lwDateOrMin(order.paidOn),
    dCancelledOn: lwDateOrMin(order.cancelledOn),
    PackageCategory: 'Default',
    PackageTitle: 'Default',
    ItemWeight: 0,
    TotalWeight: 0,
    FolderCollection: '',
    cBillingAddress: oneLine(b),
    BillingName: b.FullName ?? '',
    BillingCompany: b.Company ?? '',
    BillingAddress1: b.Address1 ?? '',
    BillingAddress2: b.Address2 ?? '',
    BillingAddress3: b.Address3 ?? '',
    BillingTown: b.Town ?? '',
    BillingRegion: b.Region ?? '',
    BillingPostCode: b.PostCode ?? '',
    BillingCountryName: b.Country ?? '',
    BillingPhoneNumber: b.PhoneNumber ?? '',
    HoldOrCancel: order.cancelledOn !== null,
    IsResend: order.isResend,
    IsExchange: false,
    TaxId: '',
    FulfilmentLocationName: store.stock.locations.get(order.locationId)?.name ?? '',
  };
}
