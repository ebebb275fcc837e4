import { asParamsList } from '../http/params';
import { badRequest } from '../http/lw-error';
import { parseDate, parseEnum } from '../rules/channel-order.parser';
import { requestOf } from '../rules/wrapping.rule';
import { inRange, pagedResult } from '../rules/paging.rule';
import type { OrderRecord } from '../state/records';
import { processedOrderView } from '../views/processed-order.view';
import { refundInfoView, returnInfoView, splitPackagingRows } from '../views/refund.view';
import type { CallContext, HandlerTable } from './handler';

const DATE_FIELDS = ['processed', 'payment', 'cancelled', 'received'] as const;
const SEARCH_FIELDS = ['Source', 'SubSource', 'ItemIdentifier'] as const;
const MIN_RESULTS_PER_PAGE = 20;

function dateOf(order: OrderRecord, field: (typeof DATE_FIELDS)[number]): Date | null {
  if (field === 'processed') return order.processedOn;
  if (field === 'cancelled') return order.cancelledOn;
  if (field === 'payment') return order.paidOn;

  return order.receivedDate;
}

function matchesFilter(
  order: OrderRecord,
  field: (typeof SEARCH_FIELDS)[number],
  term: string,
): boolean {
  const t = term.toLowerCase();
  if (field === 'Source') return order.source.toLowerCase() === t;
  if (field === 'SubSource') return order.subSource.toLowerCase() === t;

  return order.items.some((i) =>
    [i.sku, i.itemNumber, i.channelSku].some((v) => v.toLowerCase() === t),
  );
}

function matchesTerm(order: OrderRecord, term: string): boolean {
  const t = term.toLowerCase();

  return [
    order.referenceNumber,
    order.secondaryReference,
    order.externalReference,
    order.trackingNumber,
    String(order.numOrderId),
  ].some((v) => v.toLowerCase() === t);
}

/**
 * ProcessedOrders/SearchProcessedOrders (reference §5.2, §10.6). Cancelled orders are processed
 * orders too (HoldOrCancel true) and appear in a `processed` search.
 */
function searchProcessedOrders(ctx: CallContext): unknown {
  const request = requestOf(ctx);
  if (!request.has('DateField')) throw badRequest('DateField is required');
  const dateField = parseEnum(request.raw('DateField'), DATE_FIELDS, 'processed');
  const perPage = request.number('ResultsPerPage') ?? 0;
  if (perPage < MIN_RESULTS_PER_PAGE || perPage > ctx.options.maxProcessedResultsPerPage) {
    throw badRequest(
      `ResultsPerPage must be between ${MIN_RESULTS_PER_PAGE} and ${ctx.options.maxProcessedResultsPerPage}`,
    );
  }
  const page = request.number('PageNumber') ?? 1;
  if (page < 1) throw badRequest();
  const from = parseDate(request.string('FromDate'));
  const to = parseDate(request.string('ToDate'));
  const filters = asParamsList(request.list('SearchFilters')).map((f) => ({
    field: parseEnum(f.raw('SearchField'), SEARCH_FIELDS, 'Source'),
    term: f.string('SearchTerm') ?? '',
  }));
  const term = request.string('SearchTerm')?.trim();
  const sorting = request.object('SearchSorting');
  const descending =
    parseEnum(sorting?.raw('SortDirection'), ['ASC', 'DESC'] as const, 'ASC') === 'DESC';
  const sortField = parseEnum(
    sorting?.raw('SortField'),
    ['dProcessedOn', 'dReceivedDate', 'nOrderId'] as const,
    'dProcessedOn',
  );

  const rows = [...ctx.store.orders.values()].filter(
    (o) =>
      o.processed &&
      inRange(dateOf(o, dateField), from, to) &&
      filters.every((f) => matchesFilter(o, f.field, f.term)) &&
      (!term || matchesTerm(o, term)),
  );
  const key = (o: OrderRecord): number =>
    sortField === 'nOrderId'
      ? o.numOrderId
      : ((sortField === 'dReceivedDate' ? o.receivedDate : o.processedOn)?.getTime() ?? 0);
  rows.sort((a, b) => (key(a) - key(b)) * (descending ? -1 : 1) || a.numOrderId - b.numOrderId);

  return {
    ProcessedOrders: pagedResult(rows, page, perPage, (o) =>
      processedOrderView(ctx.store, o, ctx.options),
    ),
  };
}

function processedOrder(ctx: CallContext): OrderRecord | undefined {
  const id = ctx.params.string('pkOrderId');
  if (!id) throw badRequest();

  return ctx.store.order(id);
}

export const processedOrderRoutes: HandlerTable = {
  'ProcessedOrders/SearchProcessedOrders': searchProcessedOrders,

  'ProcessedOrders/GetPackageSplit': (ctx) => {
    const order = processedOrder(ctx);

    return order?.processed ? splitPackagingRows(order) : [];
  },

  'ProcessedOrders/GetRefunds': (ctx) => {
    const order = processedOrder(ctx);
    if (!order) return [];

    return ctx.store.refunds
      .filter((h) => h.orderId === order.id)
      .flatMap((h) => h.lines.map((line) => refundInfoView(ctx.options, h, line)));
  },

  'ProcessedOrders/GetReturnsExchanges': (ctx) => {
    const order = processedOrder(ctx);
    if (!order) return [];

    return ctx.store.returns
      .filter((r) => r.orderId === order.id)
      .map((r) => returnInfoView(ctx.options, order, r));
  },
};
