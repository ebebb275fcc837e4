import type { EmulatorOptions } from '../emulator-options';
import { enumOut } from '../lw-enums';
import { lwDate, lwDateOrNull, ZERO_GUID } from '../lw-format';
import { lineTotals, orderTotals } from '../rules/order-totals.rule';
import type { EmulatorStore } from '../state/emulator-store';
import type { AddressRecord, OrderItemRecord, OrderRecord } from '../state/records';

type Json = Record<string, unknown>;
export type ViewOptions = Pick<
  EmulatorOptions,
  'lineDiscountUnit' | 'tenantTaxRate' | 'moneyRounding' | 'responseEnums'
>;

function customerAddress(address: AddressRecord): Json {
  return {
    EmailAddress: address.EmailAddress ?? '',
    Address1: address.Address1 ?? '',
    Address2: address.Address2 ?? '',
    Address3: address.Address3 ?? '',
    Town: address.Town ?? '',
    Region: address.Region ?? '',
    PostCode: address.PostCode ?? '',
    Country: address.Country ?? '',
    Continent: address.Continent ?? '',
    FullName: address.FullName ?? '',
    Company: address.Company ?? '',
    PhoneNumber: address.PhoneNumber ?? '',
    CountryId: address.CountryId || ZERO_GUID,
  };
}

/** SDK `OrderCustomerInfo`; open-order lists leave the billing address out (`null`). */
export function customerInfoView(order: OrderRecord, withBilling = true): Json {
  return {
    ChannelBuyerName: order.channelBuyerName,
    Address: customerAddress(order.deliveryAddress),
    BillingAddress: withBilling ? customerAddress(order.billingAddress) : null,
  };
}

/** SDK `OrderItem` of one line, its money as Linnworks computes it. */
export function orderItemView(
  store: EmulatorStore,
  order: OrderRecord,
  item: OrderItemRecord,
  options: ViewOptions,
): Json {
  const totals = lineTotals(item, options);
  const level = item.stockItemId
    ? store.stock.level(item.stockItemId, order.locationId)
    : undefined;
  const stockItem = item.stockItemId ? store.stock.items.get(item.stockItemId) : undefined;

  return {
    ItemId: item.stockItemId ?? ZERO_GUID,
    ItemNumber: item.itemNumber,
    SKU: item.sku,
    ItemSource: order.source,
    Title: item.title,
    Quantity: item.quantity,
    CategoryName: 'Default',
    OnOrder: 0,
    InOrderBook: level?.inOrders ?? 0,
    Level: level?.stockLevel ?? 0,
    AvailableStock: level ? level.stockLevel - level.inOrders : 0,
    PricePerUnit: item.pricePerUnit,
    UnitCost: 0,
    Discount: totals.discountPercent,
    DiscountValue: totals.discountValue,
    Tax: totals.tax,
    TaxRate: totals.taxRate,
    Cost: totals.cost,
    CostIncTax: totals.costIncTax,
    CompositeSubItems: [],
    IsService: item.isService,
    SalesTax: 0,
    TaxCostInclusive: item.taxCostInclusive,
    PartShipped: false,
    PartShippedQty: 0,
    Weight: stockItem?.weight ?? 0,
    BarcodeNumber: stockItem?.barcode ?? '',
    ChannelSKU: item.channelSku,
    ChannelTitle: item.title,
    AdditionalInfo: item.options.map((o) => ({
      pkOptionId: o.id,
      Property: o.property,
      Value: o.value,
    })),
    IsUnlinked: item.stockItemId === null && !item.isService,
    StockItemIntId: stockItem?.intId ?? 0,
    RowId: item.rowId,
    OrderId: order.id,
    StockItemId: item.stockItemId ?? ZERO_GUID,
  };
}

/** SDK `OrderGeneralInfo`. */
export function generalInfoView(order: OrderRecord, options: ViewOptions): Json {
  return {
    Status: order.status,
    LabelPrinted: order.labelPrinted,
    LabelError: '',
    InvoicePrinted: order.invoicePrinted,
    InvoicePrintError: '',
    PickListPrinted: order.pickListPrinted,
    PickListPrintError: '',
    IsRuleRun: false,
    Notes: order.notes.length,
    PartShipped: order.partShipped,
    Marker: order.isParked ? 7 : (order.marker ?? 0),
    IsParked: order.isParked,
    Identifiers: [],
    ReferenceNum: order.referenceNumber,
    SecondaryReference: order.secondaryReference,
    ExternalReferenceNum: order.externalReference,
    ReceivedDate: lwDate(order.receivedDate),
    Source: order.source,
    SubSource: order.subSource,
    SiteCode: order.site,
    // Open orders: on hold; processed orders: cancelled (reference §3.3).
    HoldOrCancel: order.processed ? order.cancelledOn !== null : order.onHold,
    DespatchByDate: lwDate(order.dispatchBy),
    HasScheduledDelivery: false,
    Location: order.locationId,
    NumItems: order.items.length,
    PickwaveIds: [],
    StockAllocationType: enumOut(
      options,
      'StockAllocationType',
      order.items.some((i) => i.stockItemId === null && !i.isService) ? 'Partial' : 'Full',
    ),
  };
}

/** SDK `OrderShippingInfo`. */
export function shippingInfoView(order: OrderRecord, options: ViewOptions): Json {
  const totals = orderTotals(order, options);

  return {
    Vendor: order.vendor,
    PostalServiceId: order.postalServiceId ?? ZERO_GUID,
    PostalServiceName: order.postalServiceName,
    TotalWeight: 0,
    ItemWeight: 0,
    PackageCategoryId: ZERO_GUID,
    PackageCategory: 'Default',
    PackageType: 'Default',
    PostageCost: totals.postageCost,
    PostageCostExTax: totals.postageCostExTax,
    TrackingNumber: order.trackingNumber,
    ManualAdjust: order.postageManualAdjust ?? false,
  };
}

/** SDK `OrderTotalsInfo`, recomputed from the order's lines and postage (rules/order-totals). */
export function totalsInfoView(order: OrderRecord, options: ViewOptions): Json {
  const totals = orderTotals(order, options);

  return {
    Subtotal: totals.subtotal,
    PostageCost: totals.postageCost,
    PostageCostExTax: totals.postageCostExTax,
    Tax: totals.tax,
    TotalCharge: totals.totalCharge,
    PaymentMethod: order.paymentMethod,
    PaymentMethodId: ZERO_GUID,
    ProfitMargin: 0,
    TotalDiscount: totals.totalDiscount,
    Currency: order.currency,
    CountryTaxRate: 0,
    ConversionRate: order.conversionRate,
  };
}

/** SDK `OrderDetails` of an open or processed order (reference §3.3). */
export function orderDetailsView(
  store: EmulatorStore,
  order: OrderRecord,
  options: ViewOptions,
): Json {
  return {
    OrderId: order.id,
    NumOrderId: order.numOrderId,
    Processed: order.processed,
    ProcessedDateTime: lwDateOrNull(order.processedOn),
    FulfilmentLocationId: order.locationId,
    GeneralInfo: generalInfoView(order, options),
    ShippingInfo: shippingInfoView(order, options),
    CustomerInfo: customerInfoView(order),
    TotalsInfo: totalsInfoView(order, options),
    ExtendedProperties: order.extendedProperties.map((e) => ({
      RowId: e.rowId,
      Name: e.name,
      Value: e.value,
      Type: e.type,
    })),
    FolderName: [],
    Items: order.items.map((item) => orderItemView(store, order, item, options)),
    Notes: order.notes.map((n) => ({
      OrderNoteId: n.id,
      OrderId: order.id,
      NoteDate: lwDate(n.date),
      Internal: n.internal,
      Note: n.note,
      CreatedBy: n.createdBy,
    })),
    PaidDateTime: lwDateOrNull(order.paidOn),
    TaxId: '',
  };
}
