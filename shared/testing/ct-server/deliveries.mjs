// Deliveries and parcels, as commercetools keeps them
// (api-specs/api/types/order/updates/OrderAddDeliveryAction.raml, OrderSetParcelTrackingDataAction.raml):
// - a Delivery stores the action's `deliveryKey` as its `key` (the mock kept `deliveryKey`);
// - for an Order in `Multiple` ShippingMode, addDelivery needs the `shippingKey` of one of the
//   Order's `shipping[]` entries and the Delivery goes to that Shipping's `shippingInfo`; the
//   mock only knew `shippingInfo` (Single mode) and ignored `shippingKey`;
// - addParcelToDelivery and setParcelTrackingData find the Delivery or Parcel in either mode;
// - setParcelTrackingData (parcelId or parcelKey) sets or, when omitted, removes the parcel's
//   trackingData; the mock lacked the action.

/** Every Delivery of the Order, in Single (`shippingInfo`) and Multiple (`shipping[]`) mode. */
export function allDeliveries(order) {
  return [
    ...(order.shippingInfo?.deliveries ?? []),
    ...(order.shipping ?? []).flatMap((s) => s.shippingInfo?.deliveries ?? []),
  ];
}

function shippingFor(ctx, order, shippingKey) {
  if (!shippingKey) {
    throw ctx.errors.requiredField(
      'shippingKey',
      'shippingKey is required to add a Delivery to an Order with Multiple ShippingMode.',
    );
  }
  const shipping = (order.shipping ?? []).find((s) => s.shippingKey === shippingKey);
  if (!shipping) {
    throw ctx.errors.invalidOperation(
      `The Order has no Shipping with shippingKey '${shippingKey}'.`,
    );
  }

  return shipping;
}

function addDelivery(ctx, original) {
  return async (context, order, { shippingKey, ...action }) => {
    const holder = order.shippingMode === 'Multiple' ? shippingFor(ctx, order, shippingKey) : order;
    await original(context, holder, action);
    const delivery = holder.shippingInfo.deliveries.at(-1);
    if (delivery.deliveryKey) delivery.key = delivery.deliveryKey;
    delete delivery.deliveryKey;
  };
}

function addParcelToDelivery(original) {
  return async (context, order, action) => {
    if (order.shippingMode !== 'Multiple') return original(context, order, action);
    const match = (d) =>
      action.deliveryId ? d.id === action.deliveryId : d.key === action.deliveryKey;
    const holder = (order.shipping ?? []).find((s) => s.shippingInfo?.deliveries?.some(match));

    return original(context, holder ?? { shippingInfo: { deliveries: [] } }, action);
  };
}

function setParcelTrackingData(ctx) {
  return async (_context, order, { parcelId, parcelKey, trackingData }) => {
    if (!parcelId && !parcelKey) {
      throw ctx.errors.requiredField('parcelId', 'Either parcelId or parcelKey must be provided.');
    }
    const parcel = allDeliveries(order)
      .flatMap((d) => d.parcels ?? [])
      .find((p) => (parcelId ? p.id === parcelId : p.key === parcelKey));
    if (!parcel) {
      const which = parcelId ? `ID '${parcelId}'` : `key '${parcelKey}'`;
      throw ctx.errors.invalidOperation(`A parcel with ${which} was not found on this order.`);
    }
    if (trackingData === undefined) delete parcel.trackingData;
    else parcel.trackingData = trackingData;
  };
}

export function registerDeliveryRules(ctx) {
  ctx.override('order', 'addDelivery', (original) => addDelivery(ctx, original));
  ctx.override('order', 'addParcelToDelivery', (original) => addParcelToDelivery(original));
  ctx.override('order', 'setParcelTrackingData', () => setParcelTrackingData(ctx));
}
