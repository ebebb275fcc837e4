import { ValidationError } from '../errors/errors';
import type {
  LinnworksArgs as Args,
  LinnworksCall,
  LinnworksResult as Result,
} from './linnworks-call';
import { linnworksLineFigures } from './linnworks-line-figures';
import {
  lwUpdateOrderItemResultSchema,
  lwUpdateTotalsResultSchema,
} from './linnworks-open-order-schemas';
import { lwOrderTotalsInfoSchema } from './linnworks-schemas';
import type { LinnworksCustomerAddress } from './linnworks-write-types';

/**
 * Edits of an open order (reference §3.2, SDK `Orders.cs`): customer info, shipping info and
 * the order-item calls. Parameter names are the SDK's, unwrapped (`orderId`, `info`, `rowid`…).
 */

/** The id Linnworks gives a line that is not linked to inventory. */
const UNLINKED_ITEM_ID = '00000000-0000-0000-0000-000000000000';

function wholeQuantity(quantity: number, field: string): number {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new ValidationError(
      'LINNWORKS_ITEM_QUANTITY',
      `${field} must be a whole number of at least 1 (remove the line instead), got ${quantity}`,
      { field },
    );
  }

  return quantity;
}

/** An address as sent: a `CountryId` read as null is left out (a Guid cannot bind null). */
function addressToSend({ CountryId, ...address }: LinnworksCustomerAddress) {
  return CountryId ? { ...address, CountryId } : address;
}

export function setOrderCustomerInfo(
  call: LinnworksCall,
  { orderId, info, saveToCrm }: Args<'setOrderCustomerInfo'>,
): Result<'setOrderCustomerInfo'> {
  const sent = {
    ChannelBuyerName: info.ChannelBuyerName,
    Address: addressToSend(info.Address),
    BillingAddress: addressToSend(info.BillingAddress),
  };
  const body = { orderId, info: sent, saveToCrm: saveToCrm ?? false };

  return call('Orders/SetOrderCustomerInfo', body, lwOrderTotalsInfoSchema.nullable());
}

export function setOrderShippingInfo(
  call: LinnworksCall,
  { orderId, info }: Args<'setOrderShippingInfo'>,
): Result<'setOrderShippingInfo'> {
  return call(
    'Orders/SetOrderShippingInfo',
    { orderId, info },
    lwUpdateTotalsResultSchema.nullable(),
  );
}

export async function addOrderItem(
  call: LinnworksCall,
  args: Args<'addOrderItem'>,
): Result<'addOrderItem'> {
  const body = {
    orderId: args.orderId,
    itemId: args.stockItemId,
    channelSKU: args.channelSku,
    fulfilmentCenter: args.fulfilmentCenter,
    quantity: wholeQuantity(args.quantity, 'quantity'),
    linePricing: args.linePricing,
  };

  return call('Orders/AddOrderItem', body, lwUpdateOrderItemResultSchema);
}

/**
 * The whole line as Orders/UpdateOrderItem binds it (SDK `OrderItem`): identity as read, the
 * changed price fields, and `Cost`/`CostIncTax`/`Tax` worked out from them.
 */
function orderItemToWrite({ orderId, item, changes }: Args<'updateOrderItem'>) {
  const line = {
    Quantity: wholeQuantity(changes.Quantity ?? item.Quantity, 'changes.Quantity'),
    PricePerUnit: changes.PricePerUnit ?? item.PricePerUnit,
    Discount: changes.Discount ?? item.Discount,
    TaxRate: changes.TaxRate ?? item.TaxRate,
    TaxCostInclusive: changes.TaxCostInclusive ?? item.TaxCostInclusive,
  };

  return {
    RowId: item.RowId,
    OrderId: orderId,
    ItemId: item.ItemId ?? UNLINKED_ITEM_ID,
    StockItemId: item.StockItemId ?? UNLINKED_ITEM_ID,
    SKU: item.SKU,
    ItemNumber: item.ItemNumber,
    ChannelSKU: item.ChannelSKU,
    Title: changes.Title ?? item.Title,
    IsService: item.IsService,
    ...line,
    ...linnworksLineFigures(line),
  };
}

export async function updateOrderItem(
  call: LinnworksCall,
  args: Args<'updateOrderItem'>,
): Result<'updateOrderItem'> {
  const body = {
    orderId: args.orderId,
    orderItem: orderItemToWrite(args),
    fulfilmentCenter: args.fulfilmentCenter,
    source: args.source,
    subSource: args.subSource,
  };

  return call('Orders/UpdateOrderItem', body, lwUpdateOrderItemResultSchema);
}

export function removeOrderItem(
  call: LinnworksCall,
  { orderId, rowId, fulfilmentCenter }: Args<'removeOrderItem'>,
): Result<'removeOrderItem'> {
  const body = { orderId, rowid: rowId, fulfilmentCenter };

  return call('Orders/RemoveOrderItem', body, lwUpdateOrderItemResultSchema);
}
