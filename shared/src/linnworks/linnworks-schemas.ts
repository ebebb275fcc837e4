import { z } from 'zod';

import {
  lwBoolean,
  lwDate,
  lwEnum,
  lwList,
  lwNumber,
  lwPaged,
  lwString,
  lwText,
  nullAsEmpty,
} from './linnworks-schema-helpers';

/**
 * zod schemas for the Linnworks responses the connector reads. Each names only the fields the
 * flows use (SDK spelling), ignores extra fields and tolerates nulls (see the helpers).
 */

export const lwSessionSchema = z.object({
  Token: z.string().min(1),
  Server: z.string().min(1),
  TTL: z.number().nullish(),
});

export const lwOrderItemSchema = z.object({
  RowId: z.string(),
  ItemId: lwString,
  StockItemId: lwString,
  SKU: lwText,
  ItemNumber: lwText,
  ChannelSKU: lwText,
  Title: lwText,
  Quantity: lwNumber,
  PricePerUnit: lwNumber,
  Discount: lwNumber,
  DiscountValue: lwNumber,
  Tax: lwNumber,
  TaxRate: lwNumber,
  Cost: lwNumber,
  CostIncTax: lwNumber,
  TaxCostInclusive: lwBoolean,
  IsService: lwBoolean,
  IsUnlinked: lwBoolean,
  PartShipped: lwBoolean,
  PartShippedQty: lwNumber,
});

export const lwOrderGeneralInfoSchema = z.object({
  Status: lwNumber,
  ReferenceNum: lwText,
  SecondaryReference: lwText,
  ExternalReferenceNum: lwText,
  Source: lwText,
  SubSource: lwText,
  ReceivedDate: lwDate,
  HoldOrCancel: lwBoolean,
  IsParked: lwBoolean,
  PickListPrinted: lwBoolean,
  InvoicePrinted: lwBoolean,
  LabelPrinted: lwBoolean,
  PartShipped: lwBoolean,
  Location: lwString,
  StockAllocationType: lwEnum('StockAllocationType'),
});

export const lwOrderShippingInfoSchema = z.object({
  Vendor: lwText,
  PostalServiceId: lwString,
  PostalServiceName: lwText,
  TrackingNumber: lwText,
  PostageCost: lwNumber,
  PostageCostExTax: lwNumber,
  TotalWeight: lwNumber,
  ItemWeight: lwNumber,
  ManualAdjust: lwBoolean,
});

/** SDK `CustomerAddress`: read whole, because Orders/SetOrderCustomerInfo writes it whole. */
export const lwCustomerAddressSchema = z.object({
  FullName: lwText,
  Company: lwText,
  Address1: lwText,
  Address2: lwText,
  Address3: lwText,
  Town: lwText,
  Region: lwText,
  PostCode: lwText,
  Country: lwText,
  Continent: lwText,
  PhoneNumber: lwText,
  EmailAddress: lwText,
  CountryId: lwString,
});

export const lwOrderCustomerInfoSchema = z.object({
  ChannelBuyerName: lwText,
  Address: nullAsEmpty(lwCustomerAddressSchema),
  BillingAddress: nullAsEmpty(lwCustomerAddressSchema),
});

export const lwOrderTotalsInfoSchema = z.object({
  Subtotal: lwNumber,
  PostageCost: lwNumber,
  PostageCostExTax: lwNumber,
  Tax: lwNumber,
  TotalCharge: lwNumber,
  TotalDiscount: lwNumber,
  Currency: lwText,
});

/** SDK `ExtendedProperty` (OrderDetails.ExtendedProperties): a name/value pair on an order. */
export const lwExtendedPropertySchema = z.object({
  RowId: lwString,
  Name: lwText,
  Value: lwText,
  Type: lwText,
});

export const lwOrderDetailsSchema = z.object({
  OrderId: z.string(),
  NumOrderId: lwNumber,
  Processed: lwBoolean,
  ProcessedDateTime: lwDate,
  PaidDateTime: lwDate,
  FulfilmentLocationId: lwString,
  GeneralInfo: nullAsEmpty(lwOrderGeneralInfoSchema),
  ShippingInfo: nullAsEmpty(lwOrderShippingInfoSchema),
  CustomerInfo: nullAsEmpty(lwOrderCustomerInfoSchema),
  TotalsInfo: nullAsEmpty(lwOrderTotalsInfoSchema),
  Items: lwList(lwOrderItemSchema),
  /**
   * The order's extended properties (the connector writes `ct_order_id` and friends). `null`
   * parses as `[]` (none); a response without the property leaves it undefined (not loaded).
   */
  ExtendedProperties: lwList(lwExtendedPropertySchema).optional(),
});

export const lwProcessedOrderSchema = z.object({
  pkOrderID: z.string(),
  nOrderId: lwNumber,
  nStatus: lwNumber,
  dReceivedDate: lwDate,
  dProcessedOn: lwDate,
  dPaidOn: lwDate,
  dCancelledOn: lwDate,
  HoldOrCancel: lwBoolean,
  IsResend: lwBoolean,
  IsExchange: lwBoolean,
  ReferenceNum: lwText,
  SecondaryReference: lwText,
  ExternalReference: lwText,
  Source: lwText,
  SubSource: lwText,
  PostalTrackingNumber: lwText,
  Vendor: lwText,
  PostalServiceName: lwText,
  PostalServiceCode: lwText,
  cCurrency: lwText,
  fTotalCharge: lwNumber,
  fPostageCost: lwNumber,
  Subtotal: lwNumber,
  fTax: lwNumber,
  FulfilmentLocationName: lwText,
});

export const lwSearchProcessedOrdersSchema = z.object({
  ProcessedOrders: lwPaged(lwProcessedOrderSchema),
});

export const lwSplitPackageSchema = z.object({
  BinIndex: lwNumber,
  pkBinId: z.string(),
  PackageTitle: lwText,
  fkOrderItemRowId: lwString,
  SKU: lwText,
  ItemTitle: lwText,
  Quantity: lwNumber,
  Weight: lwNumber,
  TrackingNumber: lwText,
});

export const lwSearchOrdersSchema = z.object({
  OpenOrders: lwList(z.object({ OrderIds: lwList(z.string()) })),
  ProcessedOrders: lwList(z.string()),
});

export const lwStockLocationSchema = z.object({
  StockLocationId: z.string(),
  StockLocationIntId: lwNumber,
  LocationName: lwText,
  LocationTag: lwText,
  IsFulfillmentCenter: lwBoolean,
  IsNotTrackable: lwBoolean,
});

export const lwStockItemLevelSchema = z.object({
  Location: z.object({ StockLocationId: z.string(), LocationName: lwText }),
  StockLevel: lwNumber,
  InOrders: lwNumber,
  Available: lwNumber,
  Due: lwNumber,
  MinimumLevel: lwNumber,
  SKU: lwText,
  StockItemId: lwString,
  LastUpdateDate: lwDate,
});

export const lwStockItemIdsBySkuSchema = z.object({
  Items: lwList(z.object({ StockItemId: z.string(), SKU: z.string() })),
});

export const lwStockItemFullSchema = z.object({
  StockItemId: z.string(),
  StockItemIntId: lwNumber,
  ItemNumber: lwText,
  ItemTitle: lwText,
  BarcodeNumber: lwText,
  IsVariationParent: lwBoolean,
  StockLevels: lwList(lwStockItemLevelSchema),
});

export const lwStockLevelBatchEntrySchema = z.object({
  pkStockItemId: z.string(),
  StockItemLevels: lwList(lwStockItemLevelSchema),
});

export const lwPostalServiceSchema = z.object({
  pkPostalServiceId: z.string(),
  PostalServiceName: lwText,
  PostalServiceCode: lwText,
  PostalServiceTag: lwText,
  Vendor: lwText,
  TrackingNumberRequired: lwBoolean,
});
