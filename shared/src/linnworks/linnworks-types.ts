import type { z } from 'zod';

import type {
  lwOpenOrderSchema,
  lwUpdateOrderItemResultSchema,
  lwUpdateTotalsResultSchema,
} from './linnworks-open-order-schemas';
import type {
  lwActionRefundResponseSchema,
  lwCancellationOptionsSchema,
  lwCreateRefundResponseSchema,
  lwRefundOptionsSchema,
  lwValidatedCancellationSchema,
} from './linnworks-post-sale-schemas';

import type {
  lwRefundHeaderSchema,
  lwRefundInfoSchema,
  lwReturnInfoSchema,
  lwReturnsRefundsRowSchema,
  lwVerifiedRefundSchema,
} from './linnworks-refund-schemas';
import type {
  lwCustomerAddressSchema,
  lwExtendedPropertySchema,
  lwOrderDetailsSchema,
  lwOrderItemSchema,
  lwOrderTotalsInfoSchema,
  lwPostalServiceSchema,
  lwProcessedOrderSchema,
  lwSplitPackageSchema,
  lwStockItemFullSchema,
  lwStockItemLevelSchema,
  lwStockLevelBatchEntrySchema,
  lwStockLocationSchema,
} from './linnworks-schemas';

/**
 * Request types of the Linnworks API, with the exact property names of the official SDK
 * (shared/reference/linnworks-sdk-models.json). Linnworks silently drops a property its model
 * lacks, so these types are the guard against misspelt fields. Enums travel as strings.
 * Money and quantities are plain numbers in Linnworks' units (decimals, not minor units).
 */

export type LinnworksPaymentStatus = 'Unpaid' | 'Paid' | 'Cancelled';
export type LinnworksOrderState = 'None' | 'Hold' | 'Park';
export type LinnworksDiscountType = 'AllEvenly' | 'ItemsThenPostage' | 'PostageThenItems';
export type LinnworksDiscountTaxType = 'DeductAfterTax' | 'DeductBeforeTax';
export type LinnworksDateField = 'processed' | 'payment' | 'cancelled' | 'received';
export type LinnworksSortDirection = 'ASC' | 'DESC';
export type LinnworksSearchFieldType = 'Source' | 'SubSource' | 'ItemIdentifier';
export type LinnworksHistoryType = 'RETURNS' | 'REFUNDS' | 'CANCELLATIONS';
export type LinnworksReturnsRefundsDateType =
  'ALLDATES' | 'RECEIVED' | 'PROCESSED' | 'BOOKED' | 'ACTIONED';
export type LinnworksStockDataRequirement =
  | 'StockLevels'
  | 'Pricing'
  | 'Supplier'
  | 'ShippingInformation'
  | 'ChannelTitle'
  | 'ChannelDescription'
  | 'ChannelPrice'
  | 'ExtendedProperties'
  | 'Images';
export type LinnworksStockSearchType = 'SKU' | 'Title' | 'Barcode';

/** `GeneralInfo.Status` / Orders/ChangeStatus: 0 UNPAID, 1 PAID, 2 RETURN, 3 PENDING, 4 RESEND. */
export type LinnworksOrderStatusCode = 0 | 1 | 2 | 3 | 4;
export const LINNWORKS_STATUS_UNPAID = 0;
export const LINNWORKS_STATUS_PAID = 1;
/** `GeneralInfo.Marker` / Orders/ChangeOrderTag value that parks an order. */
export const LINNWORKS_PARKED_TAG = 7;

/** SDK `ChannelAddress`. Country code is `MatchCountryCode` (there is no `CountryCode`). */
export interface LinnworksChannelAddress {
  MatchCountryCode?: string;
  MatchCountryName?: string;
  FullName?: string;
  Company?: string;
  Address1?: string;
  Address2?: string;
  Address3?: string;
  Town?: string;
  Region?: string;
  PostCode?: string;
  Country?: string;
  PhoneNumber?: string;
  EmailAddress?: string;
}

/** SDK `ChannelOrderItem`. There is no `UnitCost`; `LineDiscount`'s unit is undocumented: send 0. */
export interface LinnworksChannelOrderItem {
  ItemNumber: string;
  ChannelSKU: string;
  ItemTitle: string;
  Qty: number;
  PricePerUnit: number;
  TaxRate: number;
  TaxCostInclusive: boolean;
  UseChannelTax: boolean;
  LineDiscount: number;
  IsService: boolean;
  ChannelReferenceId?: string;
  PostalServiceCost?: number;
  Options?: { Property: string; Value: string }[];
  Taxes?: { TaxType: string; TaxValue: number; IsSellerCollected: boolean }[];
}

export interface LinnworksChannelOrderExtendedProperty {
  Name: string;
  Value: string;
  Type: string;
}

export interface LinnworksChannelOrderNote {
  Note: string;
  NoteEntryDate: string;
  NoteUserName: string;
  Internal: boolean;
}

/**
 * SDK `ChannelOrder`, the CreateOrders payload. Uniqueness is (Source, SubSource,
 * ReferenceNumber); dates are ISO-8601 strings in UTC. Payment method is `PaymentMethodName`.
 */
export interface LinnworksChannelOrder {
  Source: string;
  SubSource: string;
  ReferenceNumber: string;
  ReceivedDate: string;
  DispatchBy: string;
  OrderItems: LinnworksChannelOrderItem[];
  ExternalReference?: string;
  SecondaryReferenceNumber?: string;
  Site?: string;
  ChannelBuyerName?: string;
  BuyerTaxNumber?: string;
  Currency?: string;
  ConversionRate?: number;
  PaidOn?: string;
  UpdatedDate?: string;
  PaymentStatus?: LinnworksPaymentStatus;
  OrderState?: LinnworksOrderState;
  MatchPaymentMethodTag?: string;
  PaymentMethodName?: string;
  SavePaymentMethodIfNotExist?: boolean;
  MatchPostalServiceTag?: string;
  PostalServiceName?: string;
  SavePostalServiceIfNotExist?: boolean;
  PostalServiceCost?: number;
  PostalServiceTaxRate?: number;
  PostalServiceDiscount?: number;
  Discount?: number;
  DiscountType?: LinnworksDiscountType;
  DiscountTaxType?: LinnworksDiscountTaxType;
  UseChannelTax?: boolean;
  AutomaticallyLinkBySKU?: boolean;
  AutomaticallyLinkByBarcode?: boolean;
  DeliveryAddress?: LinnworksChannelAddress;
  BillingAddress?: LinnworksChannelAddress;
  ExtendedProperties?: LinnworksChannelOrderExtendedProperty[];
  Notes?: LinnworksChannelOrderNote[];
}

/** A date accepted by the client: a `Date` or an ISO-8601 string (sent as UTC ISO). */
export type LinnworksDateInput = Date | string;

/** A `SearchFilters` entry of SearchProcessedOrders. */
export interface LinnworksSearchFilter {
  SearchField: LinnworksSearchFieldType;
  SearchTerm: string;
}

// ---- Response types: what the client returns, as parsed by the zod schemas. ----

export type LinnworksOrderDetails = z.output<typeof lwOrderDetailsSchema>;
export type LinnworksOrderItem = z.output<typeof lwOrderItemSchema>;
export type LinnworksExtendedProperty = z.output<typeof lwExtendedPropertySchema>;
export type LinnworksProcessedOrder = z.output<typeof lwProcessedOrderSchema>;
export type LinnworksSplitPackage = z.output<typeof lwSplitPackageSchema>;
export type LinnworksStockLocation = z.output<typeof lwStockLocationSchema>;
export type LinnworksStockItemLevel = z.output<typeof lwStockItemLevelSchema>;
export type LinnworksStockItemFull = z.output<typeof lwStockItemFullSchema>;
export type LinnworksStockLevelBatchEntry = z.output<typeof lwStockLevelBatchEntrySchema>;
export type LinnworksPostalService = z.output<typeof lwPostalServiceSchema>;
export type LinnworksRefundHeader = z.output<typeof lwRefundHeaderSchema>;
export type LinnworksVerifiedRefund = z.output<typeof lwVerifiedRefundSchema>;
export type LinnworksRefundInfo = z.output<typeof lwRefundInfoSchema>;
export type LinnworksReturnInfo = z.output<typeof lwReturnInfoSchema>;
export type LinnworksReturnsRefundsRow = z.output<typeof lwReturnsRefundsRowSchema>;
export type LinnworksOrderTotals = z.output<typeof lwOrderTotalsInfoSchema>;
export type LinnworksCustomerAddressRead = z.output<typeof lwCustomerAddressSchema>;
export type LinnworksUpdateTotalsResult = z.output<typeof lwUpdateTotalsResultSchema>;
export type LinnworksUpdateOrderItemResult = z.output<typeof lwUpdateOrderItemResultSchema>;
export type LinnworksOpenOrder = z.output<typeof lwOpenOrderSchema>;
export type LinnworksCancellationOptions = z.output<typeof lwCancellationOptionsSchema>;
export type LinnworksValidatedCancellation = z.output<typeof lwValidatedCancellationSchema>;
export type LinnworksRefundOptions = z.output<typeof lwRefundOptionsSchema>;
export type LinnworksCreatedRefund = z.output<typeof lwCreateRefundResponseSchema>;
export type LinnworksActionedRefund = z.output<typeof lwActionRefundResponseSchema>;

export interface LinnworksPagedResult<T> {
  PageNumber: number;
  EntriesPerPage: number;
  TotalEntries: number;
  TotalPages: number;
  Data: T[];
}

export interface LinnworksStockItemIdBySku {
  StockItemId: string;
  SKU: string;
}

/** The pick/pack/label state of one order (from `OrderDetails.GeneralInfo`). */
export interface LinnworksOrderPrintFlags {
  OrderId: string;
  NumOrderId: number;
  Processed: boolean;
  PickListPrinted: boolean;
  InvoicePrinted: boolean;
  LabelPrinted: boolean;
  PartShipped: boolean;
  HoldOrCancel: boolean;
}
