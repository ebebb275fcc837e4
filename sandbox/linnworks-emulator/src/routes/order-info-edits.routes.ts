import { badRequest } from '../http/lw-error';
import { normaliseGuid, ZERO_GUID } from '../lw-format';
import { customerAddressOf, orderToEdit, requiredObject } from '../rules/order-edit.rule';
import { DEFAULT_POSTAL_SERVICE } from '../rules/postal-service.rule';
import type { OrderRecord, PostalServiceRecord } from '../state/records';
import { shippingInfoView, totalsInfoView } from '../views/order-details.view';
import type { CallContext, HandlerTable } from './handler';

/**
 * Orders/SetOrderCustomerInfo {orderId, info: OrderCustomerInfo, saveToCrm}: buyer name and both
 * addresses are replaced whole (fields left out are emptied). Answers the order's OrderTotalsInfo.
 */
function setOrderCustomerInfo(ctx: CallContext): unknown {
  const { order, apply } = orderToEdit(ctx);
  const info = requiredObject(ctx.params, 'info');
  ctx.params.boolean('saveToCrm');
  if (apply) {
    order.channelBuyerName = info.string('ChannelBuyerName') ?? '';
    order.deliveryAddress = customerAddressOf(info.object('Address'));
    order.billingAddress = customerAddressOf(info.object('BillingAddress'));
  }

  return totalsInfoView(order, ctx.options);
}

/** A postal service by `pkPostalServiceId`; none or the zero GUID is the default service. */
function serviceById(ctx: CallContext, id: string | undefined): PostalServiceRecord {
  if (!id || normaliseGuid(id) === normaliseGuid(ZERO_GUID)) return DEFAULT_POSTAL_SERVICE;
  const found = ctx.store.postalServices.get(id.toLowerCase());
  if (!found) throw badRequest('Postal service not found');

  return found;
}

function applyShipping(ctx: CallContext, order: OrderRecord): void {
  const info = requiredObject(ctx.params, 'info');
  const service = serviceById(ctx, info.string('PostalServiceId'));
  const manual = info.boolean('ManualAdjust') ?? false;
  info.number('TotalWeight');
  info.number('ItemWeight');
  order.postalServiceId = service.id === ZERO_GUID ? null : service.id;
  order.postalServiceName = service.name;
  order.vendor = service.vendor;
  order.trackingNumber = info.string('TrackingNumber') ?? '';
  order.postageManualAdjust = manual;
  // Only a cost set by hand sticks; without ManualAdjust Linnworks keeps (or re-derives from its
  // postage rules, not emulated) the cost it had. Its tax rate stays the order's.
  if (manual) order.postalServiceCost = info.number('PostageCost') ?? 0;
}

/**
 * Orders/SetOrderShippingInfo {orderId, info: UpdateOrderShippingInfoRequest}: service by id,
 * tracking number, and the tax-inclusive PostageCost when `ManualAdjust`. Every field is taken as
 * sent (left out: default service, no tracking). Answers UpdateTotalsResult.
 */
function setOrderShippingInfo(ctx: CallContext): unknown {
  const { order, apply } = orderToEdit(ctx);
  if (apply) applyShipping(ctx, order);
  else requiredObject(ctx.params, 'info');

  return {
    TotalsInfo: totalsInfoView(order, ctx.options),
    ShippingInfo: shippingInfoView(order, ctx.options),
  };
}

export const orderInfoEditRoutes: HandlerTable = {
  'Orders/SetOrderCustomerInfo': setOrderCustomerInfo,
  'Orders/SetOrderShippingInfo': setOrderShippingInfo,
};
