import type { LinnworksFulfillmentSyncPort } from '../../src/flows/fulfillment-sync/linnworks-fulfillment-sync.port';
import {
  type LinnworksOrderDetails,
  type LinnworksProcessedOrder,
  type LinnworksRefundHeader,
  type LinnworksReturnInfo,
  type LinnworksReturnsRefundsRow,
  type LinnworksSplitPackage,
} from '../../src/linnworks/linnworks-types';
import { printFlagsOf } from '../../src/linnworks/linnworks-order-reads.requests';
import { lwOrderCustomerInfoSchema } from '../../src/linnworks/linnworks-schemas';

type Args<M extends keyof LinnworksFulfillmentSyncPort> = Parameters<
  LinnworksFulfillmentSyncPort[M]
>[0];

/** An in-memory Linnworks for the flow's tests: processed orders, boxes, refunds; counts calls. */
export class FakeLinnworks implements LinnworksFulfillmentSyncPort {
  processed: LinnworksProcessedOrder[] = [];
  details = new Map<string, LinnworksOrderDetails>();
  splits = new Map<string, LinnworksSplitPackage[]>();
  refunds = new Map<string, LinnworksRefundHeader[]>();
  refundRows: Array<LinnworksReturnsRefundsRow & { historyType: string }> = [];
  /** Return rows (`ReturnInfo`) per order id. */
  returns = new Map<string, LinnworksReturnInfo[]>();
  calls: Record<string, number> = {};

  private count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  async searchProcessedOrders(args: Args<'searchProcessedOrders'>) {
    this.count('searchProcessedOrders');
    const field = args.dateField === 'cancelled' ? 'dCancelledOn' : 'dProcessedOn';
    const from = new Date(args.from).toISOString();
    const to = new Date(args.to).toISOString();
    const source = args.filters?.find((f) => f.SearchField === 'Source')?.SearchTerm;
    const all = this.processed
      .filter((o) => o[field] !== null && o[field]! >= from && o[field]! <= to)
      .filter((o) => !source || o.Source === source)
      .sort((a, b) => (a.dProcessedOn ?? '').localeCompare(b.dProcessedOn ?? ''));
    const start = (args.pageNumber - 1) * args.resultsPerPage;

    return {
      PageNumber: args.pageNumber,
      EntriesPerPage: args.resultsPerPage,
      TotalEntries: all.length,
      TotalPages: Math.ceil(all.length / args.resultsPerPage),
      Data: all.slice(start, start + args.resultsPerPage),
    };
  }

  /**
   * As Linnworks: the boxes set in `splits`, else a processed order's items in one box under its
   * tracking number; an open order has none.
   */
  async getPackageSplit({ orderId }: Args<'getPackageSplit'>) {
    this.count('getPackageSplit');
    const boxes = this.splits.get(orderId);
    if (boxes) return boxes;
    const order = this.details.get(orderId);
    if (!order?.Processed) return [];

    return order.Items.map((item, i) => ({
      pkBinId: `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`,
      BinIndex: 1,
      PackageTitle: 'Box 1',
      TrackingNumber: order.ShippingInfo.TrackingNumber,
      Weight: 0,
      fkOrderItemRowId: item.RowId,
      SKU: item.SKU,
      ItemTitle: item.Title,
      Quantity: item.Quantity,
    }));
  }

  async getOrdersById({ orderIds }: Args<'getOrdersById'>) {
    this.count('getOrdersById');

    return orderIds.map((id) => this.details.get(id)).filter((d) => d !== undefined);
  }

  /** Headers come without their lines, as in Linnworks' own sample (`"RefundLines": null`). */
  async getRefundHeadersByOrderId({ orderId }: Args<'getRefundHeadersByOrderId'>) {
    this.count('getRefundHeadersByOrderId');

    return (this.refunds.get(orderId) ?? []).map((h) => ({ ...h, RefundLines: null }));
  }

  async getRefundLinesByHeaderId({ orderId, refundHeaderId }: Args<'getRefundLinesByHeaderId'>) {
    this.count('getRefundLinesByHeaderId');
    const header = (this.refunds.get(orderId) ?? []).find(
      (h) => h.RefundHeaderId === refundHeaderId,
    );

    return header?.RefundLines ?? [];
  }

  /** As Linnworks: the return rows of a processed order; an open or unknown one has none. */
  async getReturnsExchanges({ orderId }: Args<'getReturnsExchanges'>) {
    this.count('getReturnsExchanges');

    return this.details.get(orderId)?.Processed ? (this.returns.get(orderId) ?? []) : [];
  }

  async searchReturnsRefunds(args: Args<'searchReturnsRefunds'>) {
    this.count('searchReturnsRefunds');
    const rows = this.refundRows.filter((r) => r.historyType === args.historyType);

    return {
      PageNumber: 1,
      EntriesPerPage: 100,
      TotalEntries: rows.length,
      TotalPages: 1,
      Data: rows,
    };
  }

  async getOrderPrintFlags({ orderIds }: Args<'getOrderPrintFlags'>) {
    this.count('getOrderPrintFlags');

    return orderIds
      .map((id) => this.details.get(id))
      .filter((d) => d !== undefined)
      .map(printFlagsOf);
  }
}

/** A processed-order row as SearchProcessedOrders returns it (parsed). */
export function processedRow(
  over: Partial<LinnworksProcessedOrder> & { pkOrderID: string },
): LinnworksProcessedOrder {
  return {
    nOrderId: 100000,
    nStatus: 1,
    dReceivedDate: '2026-01-01T08:00:00.000Z',
    dProcessedOn: '2026-01-01T10:00:00.000Z',
    dPaidOn: null,
    dCancelledOn: null,
    HoldOrCancel: false,
    IsResend: false,
    IsExchange: false,
    ReferenceNum: '',
    SecondaryReference: '',
    ExternalReference: '',
    Source: 'COMMERCETOOLS',
    SubSource: 'web',
    PostalTrackingNumber: 'TRK',
    Vendor: 'Royal Mail',
    PostalServiceName: 'Tracked 24',
    PostalServiceCode: '',
    cCurrency: 'EUR',
    fTotalCharge: 10,
    fPostageCost: 0,
    Subtotal: 10,
    fTax: 0,
    FulfilmentLocationName: 'Default',
    ...over,
  };
}

/** Order details as GetOrdersById returns them (parsed), derived from a processed row. */
export function detailsFrom(
  row: LinnworksProcessedOrder,
  items: LinnworksOrderDetails['Items'] = [],
): LinnworksOrderDetails {
  return {
    OrderId: row.pkOrderID,
    NumOrderId: row.nOrderId,
    Processed: row.dProcessedOn !== null,
    ProcessedDateTime: row.dProcessedOn,
    PaidDateTime: null,
    FulfilmentLocationId: null,
    GeneralInfo: {
      Status: 1,
      ReferenceNum: row.ReferenceNum,
      SecondaryReference: '',
      ExternalReferenceNum: '',
      Source: row.Source,
      SubSource: row.SubSource,
      ReceivedDate: null,
      HoldOrCancel: row.HoldOrCancel,
      IsParked: false,
      PickListPrinted: false,
      InvoicePrinted: false,
      LabelPrinted: false,
      PartShipped: false,
      Location: null,
      StockAllocationType: 'Full',
    },
    ShippingInfo: {
      Vendor: row.Vendor,
      PostalServiceId: null,
      PostalServiceName: row.PostalServiceName,
      TrackingNumber: row.PostalTrackingNumber,
      PostageCost: 0,
      PostageCostExTax: 0,
      TotalWeight: 0,
      ItemWeight: 0,
      ManualAdjust: false,
    },
    CustomerInfo: lwOrderCustomerInfoSchema.parse({}),
    TotalsInfo: {
      Subtotal: 0,
      PostageCost: 0,
      PostageCostExTax: 0,
      Tax: 0,
      TotalCharge: 0,
      TotalDiscount: 0,
      Currency: 'EUR',
    },
    Items: items,
  };
}
