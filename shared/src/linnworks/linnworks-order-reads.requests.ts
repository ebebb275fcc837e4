import { z } from 'zod';

import { ValidationError } from '../errors/errors';
import type {
  LinnworksArgs as Args,
  LinnworksCall,
  LinnworksResult as Result,
} from './linnworks-call';
import { checkPageSize, inChunks, listByOrderId, toLinnworksDate } from './linnworks-call';
import { lwOpenOrdersPageSchema } from './linnworks-open-order-schemas';
import {
  lwOrderDetailsSchema,
  lwSearchOrdersSchema,
  lwSearchProcessedOrdersSchema,
  lwSplitPackageSchema,
} from './linnworks-schemas';
import type { LinnworksOrderDetails, LinnworksOrderPrintFlags } from './linnworks-types';

/** Order reads of the client: by id or reference, open-order lists, processed orders (reference §3–5). */

export const MIN_PROCESSED_RESULTS_PER_PAGE = 20;
/** Largest Orders/GetOpenOrders page known to work (hotglue tap-linnworks uses 500). */
export const MAX_OPEN_ORDERS_PER_PAGE = 500;

const orderDetailsListSchema = z.array(lwOrderDetailsSchema).nullable();

export async function getOrderDetailsByReferenceId(
  call: LinnworksCall,
  { referenceId }: Args<'getOrderDetailsByReferenceId'>,
): Result<'getOrderDetailsByReferenceId'> {
  const body = { ReferenceId: referenceId };

  return (await call('Orders/GetOrderDetailsByReferenceId', body, orderDetailsListSchema)) ?? [];
}

export function getOrdersById(
  call: LinnworksCall,
  { orderIds }: Args<'getOrdersById'>,
): Result<'getOrdersById'> {
  return inChunks(orderIds, (ids) =>
    call('Orders/GetOrdersById', { pkOrderIds: ids }, orderDetailsListSchema),
  );
}

/** The pick/pack/label state of an order as read. */
export function printFlagsOf(o: LinnworksOrderDetails): LinnworksOrderPrintFlags {
  return {
    OrderId: o.OrderId,
    NumOrderId: o.NumOrderId,
    Processed: o.Processed,
    PickListPrinted: o.GeneralInfo.PickListPrinted,
    InvoicePrinted: o.GeneralInfo.InvoicePrinted,
    LabelPrinted: o.GeneralInfo.LabelPrinted,
    PartShipped: o.GeneralInfo.PartShipped,
    HoldOrCancel: o.GeneralInfo.HoldOrCancel,
  };
}

export async function getOrderPrintFlags(
  call: LinnworksCall,
  args: Args<'getOrderPrintFlags'>,
): Result<'getOrderPrintFlags'> {
  return (await getOrdersById(call, args)).map(printFlagsOf);
}

export async function getOpenOrders(
  call: LinnworksCall,
  { fulfilmentCenter, receivedFrom, receivedTo, pageNumber, entriesPerPage }: Args<'getOpenOrders'>,
): Result<'getOpenOrders'> {
  checkPageSize('Orders/GetOpenOrders', entriesPerPage, MAX_OPEN_ORDERS_PER_PAGE);
  const received = {
    FieldCode: 'GENERAL_INFO_DATE',
    Type: 'Range',
    DateFrom: toLinnworksDate(receivedFrom),
    DateTo: toLinnworksDate(receivedTo),
  };
  const body = {
    entriesPerPage,
    pageNumber,
    filters: { DateFields: [received] },
    sorting: [
      { FieldCode: 'GENERAL_INFO_DATE', Direction: 'Ascending', Order: 0 },
      { FieldCode: 'GENERAL_INFO_ORDER_ID', Direction: 'Ascending', Order: 1 },
    ],
    fulfilmentCenter,
    additionalFilter: '',
  };

  return call('Orders/GetOpenOrders', body, lwOpenOrdersPageSchema);
}

export async function searchOrders(
  call: LinnworksCall,
  { searchTerm, includeProcessed }: Args<'searchOrders'>,
): Result<'searchOrders'> {
  // Sent unwrapped: with a `request` wrapper Linnworks ignores the filters (reference §1.3).
  const body = { SearchTerm: searchTerm, IncludeProcessed: includeProcessed ?? false };
  const found = await call('OpenOrders/SearchOrders', body, lwSearchOrdersSchema.nullable());
  const ids = new Set<string>();
  for (const view of found?.OpenOrders ?? []) view.OrderIds.forEach((id) => ids.add(id));
  found?.ProcessedOrders.forEach((id) => ids.add(id));

  return [...ids];
}

export async function searchProcessedOrders(
  call: LinnworksCall,
  args: Args<'searchProcessedOrders'>,
): Result<'searchProcessedOrders'> {
  if (args.resultsPerPage < MIN_PROCESSED_RESULTS_PER_PAGE) {
    throw new ValidationError(
      'LINNWORKS_PAGE_TOO_SMALL',
      `SearchProcessedOrders needs ResultsPerPage >= ${MIN_PROCESSED_RESULTS_PER_PAGE}`,
    );
  }
  const request = {
    DateField: args.dateField,
    FromDate: toLinnworksDate(args.from),
    ToDate: toLinnworksDate(args.to),
    PageNumber: args.pageNumber,
    ResultsPerPage: args.resultsPerPage,
    ...(args.searchTerm ? { SearchTerm: args.searchTerm } : {}),
    ...(args.filters?.length ? { SearchFilters: args.filters } : {}),
    SearchSorting: { SortField: 'dProcessedOn', SortDirection: args.sortDirection ?? 'ASC' },
  };
  const schema = lwSearchProcessedOrdersSchema;
  const res = await call('ProcessedOrders/SearchProcessedOrders', { request }, schema);

  return res.ProcessedOrders;
}

export function getPackageSplit(
  call: LinnworksCall,
  { orderId }: Args<'getPackageSplit'>,
): Result<'getPackageSplit'> {
  return listByOrderId(call, 'ProcessedOrders/GetPackageSplit', orderId, lwSplitPackageSchema);
}
