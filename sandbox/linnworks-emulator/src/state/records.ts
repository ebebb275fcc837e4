/** In-memory records of the emulator. Views turn them into SDK-shaped responses. */

export interface StockLocationRecord {
  id: string;
  intId: number;
  name: string;
  tag: string;
  isFulfillmentCenter: boolean;
  isNotTrackable: boolean;
}

export interface StockItemRecord {
  id: string;
  intId: number;
  sku: string;
  title: string;
  barcode: string;
  retailPrice: number;
  purchasePrice: number;
  taxRate: number;
  weight: number;
  isVariationParent: boolean;
  isCompositeParent: boolean;
  createdAt: Date;
}

export interface StockLevelRecord {
  stockLevel: number;
  inOrders: number;
  due: number;
  minimumLevel: number;
  lastUpdateDate: Date;
  lastUpdateOperation: string;
}

export interface PostalServiceRecord {
  id: string;
  name: string;
  code: string;
  tag: string;
  vendor: string;
  trackingNumberRequired: boolean;
}

export type AddressRecord = Record<string, string>;

export interface OrderItemRecord {
  rowId: string;
  stockItemId: string | null;
  sku: string;
  itemNumber: string;
  channelSku: string;
  title: string;
  quantity: number;
  pricePerUnit: number;
  taxRate: number;
  taxCostInclusive: boolean;
  useChannelTax: boolean;
  lineDiscount: number;
  /** Unit of `lineDiscount` when it is not the tenant's `lineDiscountUnit` (lines edited over the API: percent). */
  lineDiscountUnit?: 'percent' | 'amount';
  isService: boolean;
  channelReferenceId: string;
  options: { id: string; property: string; value: string }[];
}

export interface PackageRecord {
  binId: string;
  title: string;
  trackingNumber: string;
  weight: number;
  lines: { rowId: string; quantity: number }[];
}

export type PaymentStatus = 'Unpaid' | 'Paid' | 'Cancelled';

export interface OrderRecord {
  id: string;
  numOrderId: number;
  source: string;
  subSource: string;
  referenceNumber: string;
  secondaryReference: string;
  externalReference: string;
  site: string;
  channelBuyerName: string;
  paymentStatus: PaymentStatus;
  /** GeneralInfo.Status: 0 UNPAID, 1 PAID, 2 RETURN, 3 PENDING, 4 RESEND. */
  status: number;
  receivedDate: Date;
  paidOn: Date | null;
  dispatchBy: Date;
  currency: string;
  conversionRate: number;
  paymentMethod: string;
  postalServiceId: string | null;
  postalServiceName: string;
  vendor: string;
  trackingNumber: string;
  postalServiceCost: number;
  postalServiceTaxRate: number;
  postalServiceDiscount: number;
  /** Postage set by hand (SetOrderShippingInfo `ManualAdjust`). */
  postageManualAdjust?: boolean;
  discount: number;
  useChannelTax: boolean;
  locationId: string;
  isParked: boolean;
  /** Custom tag 1-6 set by Orders/ChangeOrderTag (7, parked, is `isParked`). */
  marker?: number;
  onHold: boolean;
  pickListPrinted: boolean;
  invoicePrinted: boolean;
  labelPrinted: boolean;
  partShipped: boolean;
  processed: boolean;
  processedOn: Date | null;
  cancelledOn: Date | null;
  isResend: boolean;
  parentOrderId: string | null;
  deliveryAddress: AddressRecord;
  billingAddress: AddressRecord;
  items: OrderItemRecord[];
  extendedProperties: { rowId: string; name: string; value: string; type: string }[];
  notes: { id: string; note: string; date: Date; internal: boolean; createdBy: string }[];
  packages: PackageRecord[];
}

export type RefundUnit = 'Item' | 'Shipping' | 'Service' | 'Additional';

export interface RefundLineRecord {
  rowId: string;
  unit: RefundUnit;
  orderItemRowId: string | null;
  sku: string;
  title: string;
  amount: number;
  quantity: number;
  cancelledQuantity: number;
  isCancellation: boolean;
  reasonTag: string;
  note: string;
  /** NewRefundLine.ExternalReference ("the channel reference number for this refund"). */
  externalReference?: string;
}

export interface RefundHeaderRecord {
  id: number;
  orderId: string;
  reference: string;
  createdDate: Date;
  actioned: boolean;
  actionedDate: Date | null;
  channelInitiated: boolean;
  /** The channel reference of a refund created over the API (its lines'), if any. */
  externalReference?: string;
  lines: RefundLineRecord[];
}

export type ReturnType = 'RETURN' | 'RETURNREFUND' | 'EXCHANGE' | 'RESEND';

export interface ReturnRecord {
  id: number;
  type: ReturnType;
  reference: string;
  orderId: string;
  orderItemRowId: string;
  sku: string;
  title: string;
  quantity: number;
  reason: string;
  category: string;
  returnLocationId: string | null;
  returnDate: Date;
  completed: boolean;
  refundRowId: string | null;
  refundedAmount: number | null;
}
