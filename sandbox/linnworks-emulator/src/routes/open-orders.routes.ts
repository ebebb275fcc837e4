import sdkExtras from '../../sdk/linnworks-sdk-extras.json';
import { asParamsList, type CallParams } from '../http/params';
import { badRequest } from '../http/lw-error';
import { ZERO_GUID } from '../lw-format';
import { parseDate, parseEnum } from '../rules/channel-order.parser';
import { inRange, pagedResult } from '../rules/paging.rule';
import type { OrderRecord } from '../state/records';
import { openOrderView } from '../views/open-order.view';
import type { CallContext, HandlerTable } from './handler';

/** SDK `FieldCode` (its integer is the index), `DateTimeFieldFilterType`, .NET `ListSortDirection`. */
const FIELD_CODES = sdkExtras.enums.FieldCode;
const SORTABLE = ['GENERAL_INFO_DATE', 'GENERAL_INFO_ORDER_ID'];
const DATE_FILTER_TYPES = sdkExtras.enums.DateTimeFieldFilterType;
const DIRECTIONS = sdkExtras.enums.ListSortDirection;
/** Largest page known to work (hotglue tap-linnworks asks for 500). */
const MAX_ENTRIES_PER_PAGE = 500;
const DAY_MS = 86_400_000;
const OTHER_FILTERS = ['TextFields', 'BooleanFields', 'NumericFields', 'ListFields'];

/** The FieldCode named by a name or an integer; anything else fails binding (400). */
function fieldCode(value: unknown): string {
  return parseEnum(value, FIELD_CODES, 'NONE');
}

type Filter = (order: OrderRecord) => boolean;

/** `DateFields` on GENERAL_INFO_DATE (the received date): Range, OlderThan or LastDays (days). */
function dateFilters(ctx: CallContext, filters: CallParams | undefined): Filter[] {
  const now = ctx.store.now().getTime();

  return asParamsList(filters?.list('DateFields')).map((f): Filter => {
    if (fieldCode(f.raw('FieldCode')) !== 'GENERAL_INFO_DATE') {
      ctx.warn(
        `Orders/GetOpenOrders: date filter on ${String(f.raw('FieldCode'))} is not emulated`,
      );

      return () => true;
    }
    const type = parseEnum(f.raw('Type'), DATE_FILTER_TYPES, 'Range');
    const days = f.number('Value') ?? 0;
    if (type === 'LastDays') return (o) => o.receivedDate.getTime() >= now - days * DAY_MS;
    if (type === 'OlderThan') return (o) => o.receivedDate.getTime() < now - days * DAY_MS;
    const from = parseDate(f.string('DateFrom'));
    const to = parseDate(f.string('DateTo'));

    return (o) => inRange(o.receivedDate, from, to);
  });
}

function comparator(ctx: CallContext): (a: OrderRecord, b: OrderRecord) => number {
  const keys = asParamsList(ctx.params.list('sorting'))
    .sort((a, b) => (a.number('Order') ?? 0) - (b.number('Order') ?? 0))
    .map((s) => ({
      code: fieldCode(s.raw('FieldCode')),
      sign: parseEnum(s.raw('Direction'), DIRECTIONS, 'Ascending') === 'Ascending' ? 1 : -1,
    }));
  for (const { code } of keys) {
    if (!SORTABLE.includes(code))
      ctx.warn(`Orders/GetOpenOrders: sorting by ${code} is not emulated`);
  }

  return (a, b) => {
    for (const { code, sign } of keys) {
      const diff =
        code === 'GENERAL_INFO_DATE'
          ? a.receivedDate.getTime() - b.receivedDate.getTime()
          : code === 'GENERAL_INFO_ORDER_ID'
            ? a.numOrderId - b.numOrderId
            : 0;
      if (diff !== 0) return sign * diff;
    }

    return 0;
  };
}

/** The location asked for; none → Default only, or every location (`openOrdersWithoutLocation`). */
function locationFilter(ctx: CallContext): Filter {
  const asked = ctx.params.string('fulfilmentCenter')?.trim().toLowerCase();
  if (asked) return (o) => o.locationId === asked;
  if (ctx.options.openOrdersWithoutLocation === 'all') return () => true;

  return (o) => o.locationId === ZERO_GUID;
}

/**
 * Orders/GetOpenOrders (SDK `Orders.cs`): a page of open orders of one location, filtered by
 * received date and sorted as asked; each page is computed from the current book, so orders
 * processed between two calls shift the pages (the paging quirk the README describes).
 */
function getOpenOrders(ctx: CallContext): unknown {
  const p = ctx.params;
  const perPage = p.number('entriesPerPage') ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_ENTRIES_PER_PAGE)
    throw badRequest(`Number must be between 1 and ${MAX_ENTRIES_PER_PAGE}`);
  const page = p.number('pageNumber') ?? 1;
  if (!Number.isInteger(page) || page < 1) throw badRequest();
  const filters = p.object('filters');
  for (const name of OTHER_FILTERS) {
    if ((filters?.list(name) ?? []).length > 0)
      ctx.warn(`Orders/GetOpenOrders: ${name} filters are not emulated and were ignored`);
  }
  if (p.string('additionalFilter')) ctx.warn('Orders/GetOpenOrders: additionalFilter ignored');
  const tests = [locationFilter(ctx), ...dateFilters(ctx, filters)];
  const rows = [...ctx.store.orders.values()]
    .filter((o) => !o.processed && tests.every((test) => test(o)))
    .sort(comparator(ctx));

  return pagedResult(rows, page, perPage, (o) => openOrderView(ctx.store, o, ctx.options));
}

export const openOrderRoutes: HandlerTable = { 'Orders/GetOpenOrders': getOpenOrders };
