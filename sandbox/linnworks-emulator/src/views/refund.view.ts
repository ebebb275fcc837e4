import type { EmulatorOptions } from '../emulator-options';
import { enumOut } from '../lw-enums';
import { lwDate, lwDateOrMin, lwDateOrNull } from '../lw-format';
import { roundMoney } from '../rules/money.rule';
import type {
  OrderRecord,
  RefundHeaderRecord,
  RefundLineRecord,
  ReturnRecord,
} from '../state/records';

type Json = Record<string, unknown>;
type ViewOptions = Pick<EmulatorOptions, 'responseEnums' | 'refundHeaderLines' | 'moneyRounding'>;

/** `PostSaleStatusType` of a refund: PROCESSED once actioned, OPEN before. */
export function refundStatus(options: ViewOptions, actioned: boolean): string | number {
  return enumOut(options, 'PostSaleStatusType', actioned ? 'PROCESSED' : 'OPEN');
}

/** SDK `PostSaleStatus` of a refund header: booked (OPEN, actionable) or actioned (PROCESSED). */
export function postSaleStatusView(
  options: Pick<EmulatorOptions, 'responseEnums'>,
  header: 'OPEN' | 'PROCESSED' | 'ERROR',
): Json {
  return {
    StatusHeader: enumOut(options, 'PostSaleStatusType', header),
    StatusDetail: {
      StatusTag: header === 'OPEN' ? 'BOOKED_BY_SELLER' : '',
      StatusDescription: '',
      Actionable: header === 'OPEN',
      ActionDescription: '',
      EditableFields: [],
    },
  };
}

function status(options: ViewOptions, header: RefundHeaderRecord): Json {
  return postSaleStatusView(options, header.actioned ? 'PROCESSED' : 'OPEN');
}

/** SDK `VerifiedRefund`: one refund line (reference §6.2). */
export function verifiedRefundView(
  options: ViewOptions,
  header: RefundHeaderRecord,
  line: RefundLineRecord,
): Json {
  return {
    RefundRowId: line.rowId,
    RefundHeaderId: header.id,
    Status: status(options, header),
    RefundedUnit: enumOut(options, 'RefundUnitType', line.unit),
    IsShippingRefund: line.unit === 'Shipping',
    IsAdditionalRefund: line.unit === 'Additional',
    IsCancellation: line.isCancellation,
    RefundedItem: line.orderItemRowId
      ? {
          OrderItemRowId: line.orderItemRowId,
          ReturnRowId: null,
          ItemSKU: line.sku,
          ChannelSKU: line.sku,
          ItemTitle: line.title,
          Cost: line.amount,
          CancelledQuantity: line.cancelledQuantity,
        }
      : null,
    RefundValidationError: enumOut(options, 'RefundValidationErrorType', 'None'),
    ValidationError: null,
    Error: null,
    Errors: [],
    ExternalReference: line.externalReference ?? header.reference,
    Actioned: header.actioned,
    ActionedDate: lwDateOrNull(header.actionedDate),
    ChannelInitiated: header.channelInitiated,
    Internal: false,
    Deleted: false,
    IsFreeText: line.note !== '',
    FreeTextOrNote: line.note,
    Amount: line.amount,
    Quantity: line.quantity,
    ReasonTag: line.reasonTag,
    SubReasonTag: '',
    InsufficientRefundTag: '',
    InsufficientRefundNote: '',
    ReasonCategory: '',
  };
}

/**
 * SDK `OrderRefundHeader`. `RefundLines` is null, as in the official sample of
 * GetRefundHeadersByOrderId, unless `refundHeaderLines: 'included'`.
 */
export function refundHeaderView(
  options: ViewOptions,
  order: OrderRecord,
  header: RefundHeaderRecord,
): Json {
  return {
    RefundHeaderId: header.id,
    Currency: order.currency,
    Amount: roundMoney(
      options,
      header.lines.reduce((sum, l) => sum + l.amount, 0),
    ),
    RefundLines:
      options.refundHeaderLines === 'included'
        ? header.lines.map((line) => verifiedRefundView(options, header, line))
        : null,
    RefundLink: '',
    OrderId: order.id,
    NumOrderId: order.numOrderId,
    Status: status(options, header),
    OrderSource: order.source,
    OrderSubSource: order.subSource,
    ExternalReference: header.externalReference ?? header.reference,
    ChannelInitiated: header.channelInitiated,
    CreatedDate: lwDate(header.createdDate),
    Actioned: header.actioned,
    LastActionDate: lwDateOrMin(header.actionedDate ?? header.createdDate),
  };
}

/** Legacy SDK `RefundInfo` (ProcessedOrders/GetRefunds). */
export function refundInfoView(
  options: ViewOptions,
  header: RefundHeaderRecord,
  line: RefundLineRecord,
): Json {
  return {
    pkRefundRowId: line.rowId,
    SKU: line.sku,
    ItemTitle: line.title,
    IsItem: line.unit === 'Item',
    IsService: line.unit === 'Service',
    Amount: line.amount,
    Reason: line.reasonTag,
    Actioned: header.actioned,
    ActionDate: lwDateOrNull(header.actionedDate),
    ReturnReference: header.reference,
    Cost: null,
    RefundStatus: refundStatus(options, header.actioned),
    IgnoredValidation: false,
    fkOrderItemRowId: line.orderItemRowId,
    ShouldSerializeChannelReason: false,
    ChannelReason: '',
    ShouldSerializeChannelReasonSec: false,
    ChannelReasonSec: '',
    IsNew: false,
  };
}

/** SDK `ReturnInfo` (ProcessedOrders/GetReturnsExchanges). */
export function returnInfoView(options: ViewOptions, order: OrderRecord, ret: ReturnRecord): Json {
  return {
    pkReturnId: ret.id,
    RowType: enumOut(options, 'ReturnType', ret.type),
    ReturnReference: ret.reference,
    fkOrderId: order.id,
    fkOrderItemRowId: ret.orderItemRowId,
    OrderItemBatchId: 0,
    nOrderId: order.numOrderId,
    SKU: ret.sku,
    ItemTitle: ret.title,
    BatchNumber: '',
    Reason: ret.reason,
    ChannelReason: '',
    ChannelReasonSec: '',
    Category: ret.category,
    ReturnQty: ret.quantity,
    fkReturnLocationId: ret.returnLocationId,
    Scrapped: false,
    ScrapQty: null,
    LastState: ret.completed ? 'Completed' : 'Awaiting',
    LastDate: lwDate(ret.returnDate),
    Completed: ret.completed,
    fkNewOrderId: null,
    fkNewOrderItemRowId: null,
    fkNewStockItemId: null,
    NewQty: null,
    NewOrderId: null,
    NewOrderCancelled: false,
    NewSKU: '',
    NewItemTitle: '',
    NewOrderProcessedOn: null,
    AdditionalCost: null,
    fkRefundRowId: ret.refundRowId,
    RefundedAmount: ret.refundedAmount,
    PendingRefund: null,
    ReturnDate: lwDate(ret.returnDate),
  };
}

/** SDK `SplitPackaging`: one row per item per box (ProcessedOrders/GetPackageSplit). */
export function splitPackagingRows(order: OrderRecord): Json[] {
  const rows: Json[] = [];
  order.packages.forEach((pkg, index) => {
    for (const line of pkg.lines) {
      const item = order.items.find((i) => i.rowId === line.rowId);
      rows.push({
        BinIndex: index + 1,
        ItemTitle: item?.title ?? '',
        PackageTitle: pkg.title,
        pkBinId: pkg.binId,
        fkOrderItemRowId: line.rowId,
        Quantity: line.quantity,
        SKU: item?.sku || item?.channelSku || '',
        TrackingNumber: pkg.trackingNumber,
        Weight: pkg.weight,
      });
    }
  });

  return rows;
}
