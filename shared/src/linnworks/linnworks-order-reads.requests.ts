import { z } from 'zod';

import { ValidationError } from '../errors/errors';
import {
  splitIntoChunks,
  type LinnworksArgs as Args,
  type LinnworksCall,
  type LinnworksResult as Result,
  MAX_IDS_PER_CALL,
  toLinnworksDate,
} from './linnworks-call';
import { lwOpenOrdersPageSchema } from './linnworks-open-order-schemas';
import {
  lwOrderDetailsSchema,
  lwSearchOrdersSchema,
  lwSearchProcessedOrdersSchema,
  lwSplitPackageSchema,
} from './linnworks-schemas';
import type { LinnworksOrderPrintFlags } from './linnworks-types';

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

export async function getOrdersById(
  call: LinnworksCall,
  { orderIds }: Args<'getOrdersById'>,
): Result<'getOrdersById'> {
  const results = [];
  for (const ids of splitIntoChunks([...new Set(orderIds)], MAX_IDS_PER_CALL)) {
    const body = { pkOrderIds: ids };
    results.push(...((await call('Orders/GetOrdersById', body, orderDetailsListSchema)) ?? []));
  }

  return results;
}

export async function getOrderPrintFlags(
  call: LinnworksCall,
  args: Args<'getOrderPrintFlags'>,
): Result<'getOrderPrintFlags'> {
  const orders = await getOrdersById(call, args);

  return orders.map((o): LinnworksOrderPrintFlags => ({
    OrderId: o.OrderId,
    NumOrderId: o.NumOrderId,
    Processed: o.Processed,
    PickListPrinted: o.GeneralInfo.PickListPrinted,
    InvoicePrinted: o.GeneralInfo.InvoicePrinted,
    LabelPrinted: o.GeneralInfo.LabelPrinted,
    PartShipped: o.GeneralInfo.PartShipped,
    HoldOrCancel: o.GeneralInfo.HoldOrCancel,
  }));
}

export async function getOpenOrders(
  call: LinnworksCall,
  args: Args<'getOpenOrders'>,
): Result<'getOpenOrders'> {
  if (args.entriesPerPage < 1 || args.entriesPerPage > MAX_OPEN_ORDERS_PER_PAGE) {
    throw new ValidationError(
      'LINNWORKS_PAGE_SIZE',
      `GetOpenOrders entriesPerPage must be 1..${MAX_OPEN_ORDERS_PER_PAGE}`,
      { field: 'entriesPerPage' },
    );
  }
  const received = {
    FieldCode: 'GENERAL_INFO_DATE',
    Type: 'Range',
    DateFrom: toLinnworksDate(args.receivedFrom),
    DateTo: toLinnworksDate(args.receivedTo),
  };
  const body = {
    entriesPerPage: args.entriesPerPage,
    pageNumber: args.pageNumber,
    filters: { DateFields: [received] },
    sorting: [
      { FieldCode: 'GENERAL_INFO_DATE', Direction: 'Ascending', Order: 0 },
      { FieldCode: 'GENERAL_INFO_ORDER_ID', Direction: 'Ascending', Order: 1 },
    ],
    fulfilmentCenter: args.fulfilmentCenter,
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

export async function getPackageSplit(
  call: LinnworksCall,
  { orderId }: Args<'getPackageSplit'>,
): Result<'getPackageSplit'> {
  const schema = z.array(lwSplitPackageSchema).nullable();

  return (await call('ProcessedOrders/GetPackageSplit', { pkOrderId: orderId }, schema)) ?? [];
}
