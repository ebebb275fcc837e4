import {
  type LinnworksArgs as Args,
  type LinnworksCall,
  type LinnworksResult as Result,
  listByOrderId,
  toLinnworksDate,
} from './linnworks-call';
import {
  lwRefundHeadersResponseSchema,
  lwRefundInfoSchema,
  lwRefundLinesResponseSchema,
  lwReturnInfoSchema,
  lwReturnsRefundsPageSchema,
} from './linnworks-refund-schemas';

/** Refund, return and cancellation reads of the client (reference §6). ReturnsRefunds/* need the `request` wrapper. */
export async function getRefundHeadersByOrderId(
  call: LinnworksCall,
  { orderId }: Args<'getRefundHeadersByOrderId'>,
): Result<'getRefundHeadersByOrderId'> {
  const body = { request: { OrderId: orderId } };
  const schema = lwRefundHeadersResponseSchema.nullable();

  return (
    (await call('ReturnsRefunds/GetRefundHeadersByOrderId', body, schema))?.RefundHeaders ?? []
  );
}

export async function getRefundLinesByHeaderId(
  call: LinnworksCall,
  { orderId, refundHeaderId }: Args<'getRefundLinesByHeaderId'>,
): Result<'getRefundLinesByHeaderId'> {
  const body = { request: { RefundHeaderId: refundHeaderId, OrderId: orderId } };
  const schema = lwRefundLinesResponseSchema.nullable();

  return (await call('ReturnsRefunds/GetRefundLinesByHeaderId', body, schema))?.RefundLines ?? [];
}

export function getRefunds(
  call: LinnworksCall,
  { orderId }: Args<'getRefunds'>,
): Result<'getRefunds'> {
  return listByOrderId(call, 'ProcessedOrders/GetRefunds', orderId, lwRefundInfoSchema);
}

export function getReturnsExchanges(
  call: LinnworksCall,
  { orderId }: Args<'getReturnsExchanges'>,
): Result<'getReturnsExchanges'> {
  return listByOrderId(call, 'ProcessedOrders/GetReturnsExchanges', orderId, lwReturnInfoSchema);
}

export async function searchReturnsRefunds(
  call: LinnworksCall,
  args: Args<'searchReturnsRefunds'>,
): Result<'searchReturnsRefunds'> {
  const body = {
    from: toLinnworksDate(args.from),
    to: toLinnworksDate(args.to),
    dateType: args.dateType,
    searchField: args.searchField ?? '',
    exactMatch: args.exactMatch ?? false,
    searchTerm: args.searchTerm ?? '',
    pageNum: args.pageNumber,
    numEntriesPerPage: args.entriesPerPage,
    historyType: args.historyType,
  };

  return call('ReturnsRefunds/SearchReturnsRefundsPaged', body, lwReturnsRefundsPageSchema);
}
