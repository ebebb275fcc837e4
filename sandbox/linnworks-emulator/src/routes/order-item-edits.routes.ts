import { badRequest } from '../http/lw-error';
import { newGuid } from '../lw-format';
import { allocateItems, releaseItems } from '../rules/allocation.rule';
import { checkFulfilmentCenter, orderToEdit, requiredObject } from '../rules/order-edit.rule';
import { checkOrderItemWrite, updatedLine } from '../rules/order-item-edit.rule';
import type { OrderItemRecord, OrderRecord } from '../state/records';
import { orderItemView, totalsInfoView } from '../views/order-details.view';
import type { CallContext, HandlerTable } from './handler';

/** SDK `UpdateOrderItemResult`: the order's recomputed totals and the line (weights not modelled). */
function itemResult(ctx: CallContext, order: OrderRecord, line: OrderItemRecord | null): unknown {
  return {
    TotalsInfo: totalsInfoView(order, ctx.options),
    Item: line ? orderItemView(ctx.store, order, line, ctx.options) : null,
    ItemWeight: 0,
    TotalWeight: 0,
  };
}

function wholeQuantity(value: number | undefined): number {
  if (value === undefined || !Number.isInteger(value) || value < 1) throw badRequest();

  return value;
}

function lineOf(order: OrderRecord, rowId: string | undefined): OrderItemRecord {
  const line = order.items.find((i) => i.rowId === rowId?.toLowerCase());
  if (!line) throw badRequest('Order item not found');

  return line;
}

/**
 * Orders/AddOrderItem {orderId, itemId, channelSKU, fulfilmentCenter, quantity, linePricing}: a
 * new line of an inventory item. Without `linePricing` the method page's defaults apply (retail
 * price, 0 % discount, the item's tax rate, tax inclusive); with it, each field as sent. The new
 * line has a new RowId and no ItemNumber.
 */
function addOrderItem(ctx: CallContext): unknown {
  const { order, apply } = orderToEdit(ctx);
  checkFulfilmentCenter(ctx, order);
  const item = ctx.store.stock.items.get((ctx.params.string('itemId') ?? '').toLowerCase());
  if (!item) throw badRequest('Item not found');
  const quantity = wholeQuantity(ctx.params.number('quantity'));
  const pricing = ctx.params.object('linePricing');
  const line: OrderItemRecord = {
    rowId: newGuid(),
    stockItemId: item.id,
    sku: item.sku,
    itemNumber: '',
    channelSku: ctx.params.string('channelSKU') ?? '',
    title: item.title,
    quantity,
    pricePerUnit: pricing ? (pricing.number('PricePerUnit') ?? 0) : item.retailPrice,
    taxRate: pricing ? (pricing.number('TaxRatePercentage') ?? 0) : item.taxRate,
    taxCostInclusive: pricing ? (pricing.boolean('TaxInclusive') ?? false) : true,
    useChannelTax: true,
    lineDiscount: pricing?.number('DiscountPercentage') ?? 0,
    lineDiscountUnit: 'percent',
    isService: false,
    channelReferenceId: '',
    options: [],
  };
  if (!apply) return itemResult(ctx, order, null);
  order.items.push(line);
  allocateItems(ctx.store.stock, order.locationId, [line]);

  return itemResult(ctx, order, line);
}

/** Orders/UpdateOrderItem {orderId, orderItem, fulfilmentCenter, source, subSource}. */
function updateOrderItem(ctx: CallContext): unknown {
  const { order, apply } = orderToEdit(ctx);
  checkFulfilmentCenter(ctx, order);
  const sent = requiredObject(ctx.params, 'orderItem');
  const line = lineOf(order, sent.string('RowId'));
  const after = updatedLine(line, sent);
  wholeQuantity(after.quantity);
  const source = `${ctx.params.string('source')}/${ctx.params.string('subSource')}`;
  if (source.toLowerCase() !== `${order.source}/${order.subSource}`.toLowerCase())
    ctx.warn(`Orders/UpdateOrderItem: source/subSource ${source} are not the order's`);
  checkOrderItemWrite(line, after, sent, ctx.options, ctx.warn);
  if (!apply) return itemResult(ctx, order, line);
  releaseItems(ctx.store.stock, order.locationId, [line]);
  Object.assign(line, after);
  allocateItems(ctx.store.stock, order.locationId, [line]);

  return itemResult(ctx, order, line);
}

/** Orders/RemoveOrderItem {orderId, rowid, fulfilmentCenter}: the line goes, its stock is released. */
function removeOrderItem(ctx: CallContext): unknown {
  const { order, apply } = orderToEdit(ctx);
  checkFulfilmentCenter(ctx, order);
  const line = lineOf(order, ctx.params.string('rowid'));
  if (apply) {
    releaseItems(ctx.store.stock, order.locationId, [line]);
    order.items = order.items.filter((i) => i !== line);
  }

  return itemResult(ctx, order, null);
}

export const orderItemEditRoutes: HandlerTable = {
  'Orders/AddOrderItem': addOrderItem,
  'Orders/UpdateOrderItem': updateOrderItem,
  'Orders/RemoveOrderItem': removeOrderItem,
};
