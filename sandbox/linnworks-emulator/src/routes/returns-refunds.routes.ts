import { badRequest } from '../http/lw-error';
import { lwDate, lwDateOrMin, ZERO_GUID } from '../lw-format';
import { parseDate, parseEnum } from '../rules/channel-order.parser';
import { inRange, pagedResult } from '../rules/paging.rule';
import { requestOf } from '../rules/wrapping.rule';
import type { OrderRecord } from '../state/records';
import { processedOrderView } from '../views/processed-order.view';
import { refundHeaderView, refundStatus, verifiedRefundView } from '../views/refund.view';
import type { CallContext, HandlerTable } from './handler';

const HISTORY_TYPES = ['RETURNS', 'REFUNDS', 'CANCELLATIONS'] as const;
const DATE_TYPES = ['ALLDATES', 'RECEIVED', 'PROCESSED', 'BOOKED', 'ACTIONED'] as const;
const MAX_ENTRIES_PER_PAGE = 200;

/** Properties of ReturnsRefundsWeb that also exist on ProcessedOrderWeb. */
const SHARED_ORDER_FIELDS = [
  'pkOrderID',
  'cShippingAddress',
  'dProcessedOn',
  'fPostageCost',
  'fTotalCharge',
  'PostageCostExTax',
  'Subtotal',
  'fTax',
  'TotalDiscount',
  'CountryTaxRate',
  'nOrderId',
  'cCurrency',
  'PostalTrackingNumber',
  'cCountry',
  'Source',
  'PostalServiceName',
  'PostalServiceCode',
  'Vendor',
  'ReferenceNum',
  'SecondaryReference',
  'ExternalReference',
  'SubSource',
  'cFullName',
  'cEmailAddress',
  'cPostCode',
  'dPaidOn',
];

interface Row {
  order: OrderRecord;
  date: Date;
  fields: Record<string, unknown>;
}

function orderFields(ctx: CallContext, order: OrderRecord): Record<string, unknown> {
  const view = processedOrderView(ctx.store, order, ctx.options);

  return Object.fromEntries(SHARED_ORDER_FIELDS.map((k) => [k, view[k]]));
}

function historyRows(
  ctx: CallContext,
  history: (typeof HISTORY_TYPES)[number],
  dateType: (typeof DATE_TYPES)[number],
): Row[] {
  const rows: Row[] = [];
  const pick = (order: OrderRecord, booked: Date, actioned: Date | null): Date | null =>
    dateType === 'RECEIVED'
      ? order.receivedDate
      : dateType === 'PROCESSED'
        ? order.processedOn
        : dateType === 'ACTIONED'
          ? actioned
          : booked;
  if (history === 'RETURNS') {
    for (const r of ctx.store.returns) {
      const order = ctx.store.order(r.orderId);
      const date = order && pick(order, r.returnDate, r.returnDate);
      if (!order || !date) continue;
      rows.push({
        order,
        date,
        fields: {
          pkReturnId: r.id,
          RowType: r.type,
          ReturnReference: r.reference,
          ReturnQty: r.quantity,
          Reason: r.reason,
          Category: r.category,
          ReturnDate: lwDate(r.returnDate),
          ItemNumber: r.sku,
          ItemTitle: r.title,
          fkReturnLocationId: r.returnLocationId ?? ZERO_GUID,
          pkRefundRowId: r.refundRowId ?? ZERO_GUID,
          Amount: r.refundedAmount ?? 0,
        },
      });
    }

    return rows;
  }
  for (const header of ctx.store.refunds) {
    const order = ctx.store.order(header.orderId);
    if (!order) continue;
    for (const line of header.lines) {
      if (line.isCancellation !== (history === 'CANCELLATIONS')) continue;
      const date = pick(order, header.createdDate, header.actionedDate);
      if (!date) continue;
      rows.push({
        order,
        date,
        fields: {
          pkRefundRowId: line.rowId,
          RefundReference: header.reference,
          Amount: line.amount,
          RefundStatus: refundStatus(ctx.options, header.actioned),
          CreateDate: lwDate(header.createdDate),
          ActionDate: lwDateOrMin(header.actionedDate),
          ItemNumber: line.sku,
          ItemTitle: line.title,
          CancellationQuantity: line.cancelledQuantity,
          RowType: line.unit,
        },
      });
    }
  }

  return rows;
}

/**
 * ReturnsRefunds/SearchReturnsRefundsPaged (reference §6.2). Page size ≤ 200 and the date used
 * per dateType are emulator choices for an unverified area [?] (README).
 */
function searchReturnsRefunds(ctx: CallContext): unknown {
  const p = ctx.params;
  const history = parseEnum(p.raw('historyType'), HISTORY_TYPES, 'RETURNS');
  const dateType = parseEnum(p.raw('dateType'), DATE_TYPES, 'ALLDATES');
  const perPage = p.number('numEntriesPerPage') ?? 0;
  if (perPage < 1 || perPage > MAX_ENTRIES_PER_PAGE)
    throw badRequest(`Number must be between 1 and ${MAX_ENTRIES_PER_PAGE}`);
  const page = p.number('pageNum') ?? 1;
  const from = parseDate(p.string('from'));
  const to = parseDate(p.string('to'));
  const term = (p.string('searchTerm') ?? '').toLowerCase();
  const exact = p.boolean('exactMatch') ?? false;
  const rows = historyRows(ctx, history, dateType)
    .filter((r) => dateType === 'ALLDATES' || inRange(r.date, from, to))
    .filter((r) => {
      if (!term) return true;
      const values = [
        r.order.referenceNumber,
        r.order.externalReference,
        String(r.order.numOrderId),
      ].map((v) => v.toLowerCase());

      return values.some((v) => (exact ? v === term : v.includes(term)));
    })
    .sort((a, b) => a.date.getTime() - b.date.getTime());

  return pagedResult(rows, page, perPage, (r) => ({
    Row: 0,
    ...orderFields(ctx, r.order),
    ...r.fields,
  }));
}

function orderOf(ctx: CallContext): OrderRecord {
  const request = requestOf(ctx);
  const order = ctx.store.order(request.string('OrderId') ?? '');
  if (!order) throw badRequest('Order not found');

  return order;
}

export const returnsRefundsRoutes: HandlerTable = {
  'ReturnsRefunds/GetRefundHeadersByOrderId': (ctx) => {
    const order = orderOf(ctx);

    return {
      RefundHeaders: ctx.store.refunds
        .filter((h) => h.orderId === order.id)
        .map((h) => refundHeaderView(ctx.options, order, h)),
    };
  },

  'ReturnsRefunds/GetRefundLinesByHeaderId': (ctx) => {
    const order = orderOf(ctx);
    const headerId = requestOf(ctx).number('RefundHeaderId');
    const header = ctx.store.refunds.find((h) => h.id === headerId && h.orderId === order.id);
    if (!header) throw badRequest('Refund header not found');

    return {
      RefundHeaderId: header.id,
      RefundLines: header.lines.map((l) => verifiedRefundView(ctx.options, header, l)),
      RefundOptions: null,
    };
  },

  'ReturnsRefunds/SearchReturnsRefundsPaged': searchReturnsRefunds,
};
