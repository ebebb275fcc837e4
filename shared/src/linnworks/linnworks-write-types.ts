import type { LinnworksRefundUnit } from './linnworks-enums';

/**
 * Request types of the open-order edits and the post-sale writes, with the exact property names
 * of the official SDK (shared/reference/linnworks-sdk-models.json). Linnworks binds each object
 * whole: a property left out is stored as its default (empty, 0, false), not kept, so every
 * field the order should keep is required here and the flows send what they read, changed.
 */

/** SDK `CustomerAddress`. No `MatchCountryCode` here: `Country` is Linnworks' country name. */
export interface LinnworksCustomerAddress {
  FullName: string;
  Company: string;
  Address1: string;
  Address2: string;
  Address3: string;
  Town: string;
  Region: string;
  PostCode: string;
  Country: string;
  PhoneNumber: string;
  EmailAddress: string;
  Continent?: string;
  /** Linnworks' id of `Country`; keep the one read when the country does not change (null: none sent). */
  CountryId?: string | null;
}

/** SDK `OrderCustomerInfo` (Orders/SetOrderCustomerInfo `info`). */
export interface LinnworksOrderCustomerInfo {
  ChannelBuyerName: string;
  Address: LinnworksCustomerAddress;
  BillingAddress: LinnworksCustomerAddress;
}

/** SDK `UpdateOrderShippingInfoRequest` (Orders/SetOrderShippingInfo `info`). */
export interface LinnworksShippingInfoUpdate {
  /** The service's `pkPostalServiceId` (PostalServices/GetPostalServices); there is no by-name field. */
  PostalServiceId: string;
  /** Tax-inclusive, as `PostageCost` reads back; its tax rate stays the one the order was created with. */
  PostageCost: number;
  TrackingNumber: string;
  /** True for a cost set by hand; without it Linnworks may keep or re-derive the cost. */
  ManualAdjust: boolean;
  TotalWeight?: number;
  ItemWeight?: number;
}

/** SDK `LinePricingRequest` (Orders/AddOrderItem). Omitted, Linnworks prices the line from inventory. */
export interface LinnworksLinePricing {
  PricePerUnit: number;
  DiscountPercentage: number;
  TaxRatePercentage: number;
  TaxInclusive: boolean;
}

/** What Orders/UpdateOrderItem may change on a line (SDK `OrderItem` names); the rest is sent as read. */
export interface LinnworksOrderItemChanges {
  Quantity?: number;
  PricePerUnit?: number;
  /** Percent (SDK: "Percentage (0%, 10%, 20%, etc...)"). */
  Discount?: number;
  TaxRate?: number;
  TaxCostInclusive?: boolean;
  Title?: string;
}

/** SDK `NewRefundLine` (ReturnsRefunds/CreateRefund). */
export interface LinnworksNewRefundLine {
  RefundedUnit: LinnworksRefundUnit;
  /** Decimal, order currency; more than 0. */
  Amount: number;
  /** Units refunded on an item line (0 for an amount-only refund). */
  Quantity?: number;
  /** `OrderItem.RowId` of the line; none for Shipping and Additional. */
  OrderItemRowId?: string;
  /** "The channel reference number for this refund": our idempotency key (Linnworks does not dedupe on it). */
  ExternalReference?: string;
  IsFreeText?: boolean;
  FreeTextOrNote?: string;
  ReasonTag?: string;
  SubReasonTag?: string;
  ReasonCategory?: string;
  ReturnRowId?: number;
  CancelledQuantity?: number;
}

/** The parts of SDK `CancellationRequest` the connector sets (PostSale/CreateCancellation). */
export interface LinnworksCancellationInput {
  orderId: string;
  /** Cancel in Linnworks only (default true); false also submits it to the order's channel. */
  internalOnly?: boolean;
  reasonTag?: string;
  subReasonTag?: string;
  /** Free-text reason or note (the channel's limit is `CancelFreeTextOrNoteMaxLength`). */
  note?: string;
  createFullRefund?: boolean;
  refundReference?: string;
}
