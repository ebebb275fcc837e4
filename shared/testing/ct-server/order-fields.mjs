// Direct Order update actions the mock accepted too loosely (api-specs/api/types/order/):
// - changeOrderState, changePaymentState, changeShipmentState take a value of OrderState,
//   PaymentState, ShipmentState; another value is 400 InvalidJsonInput (the mock stored
//   `shipmentState: "Bogus"`);
// - an address (setShippingAddress, setBillingAddress, and the addresses of an order import)
//   is a BaseAddress whose `country` is a CountryCode, `^[A-Z]{2}$` (common/CountryCode.raml);
//   the mock took any non-empty string. Whether commercetools also rejects an unassigned code
//   that fits the pattern (`XX`) is not documented [?]: not checked;
// - addPayment adds a Payment "not assigned to another Order or active Cart already"
//   (OrderAddPaymentAction.raml): one on another Order, or on this one already, is 400
//   InvalidOperation [?: the code]. The mock kept a reference without an id when the payment was
//   given by key.
// setCustomerEmail needed nothing: the mock sets or, when `email` is left out, removes it.
import { checkEnum } from './internals.mjs';

const words = (text) => text.split(' ');

// The enums of api-specs/api/types/order/ (OrderState, PaymentState, ShipmentState.raml).
export const ORDER_STATES = words('Open Confirmed Complete Cancelled');
export const PAYMENT_STATES = words('BalanceDue Failed Pending CreditOwed Paid');
export const SHIPMENT_STATES = words(
  'Shipped Delivered Ready Pending Delayed Partial Backorder Canceled',
);

/** Checks a BaseAddress draft's country code; an omitted address is fine (it unsets). */
export function checkAddress(ctx, address, path) {
  if (address === undefined || address === null) return;
  if (typeof address.country !== 'string' || !/^[A-Z]{2}$/.test(address.country)) {
    throw ctx.errors.invalidJsonInput(
      `${path} -> country: '${address.country}' is not a two-letter ISO 3166-1 country code (^[A-Z]{2}$).`,
    );
  }
}

function stateActions(ctx) {
  const enums = [
    ['changeOrderState', 'orderState', ORDER_STATES],
    ['changePaymentState', 'paymentState', PAYMENT_STATES],
    ['changeShipmentState', 'shipmentState', SHIPMENT_STATES],
  ];
  for (const [action, field, allowed] of enums) {
    ctx.override('order', action, (original) => (context, order, body) => {
      checkEnum(ctx, body[field], allowed, `actions -> ${field}`);

      return original(context, order, body);
    });
  }
}

function addressActions(ctx) {
  for (const action of ['setShippingAddress', 'setBillingAddress']) {
    ctx.override('order', action, (original) => (context, order, body) => {
      checkAddress(ctx, body.address, 'actions -> address');

      return original(context, order, body);
    });
  }
  const repository = ctx.repositories.order;
  const importOrder = repository.import.bind(repository);
  repository.import = async (context, draft = {}) => {
    checkAddress(ctx, draft.shippingAddress, 'shippingAddress');
    checkAddress(ctx, draft.billingAddress, 'billingAddress');

    return importOrder(context, draft);
  };
}

async function ordersHolding(ctx, projectKey, paymentId) {
  const all = await ctx.storage.query(projectKey, 'order', { limit: Number.MAX_SAFE_INTEGER });

  return all.results.filter((o) => o.paymentInfo?.payments?.some((p) => p.id === paymentId));
}

function addPayment(ctx) {
  return async (context, order, { payment }) => {
    const resolved = await ctx.storage.getByResourceIdentifier(context.projectKey, {
      ...payment,
      typeId: 'payment',
    });
    const holders = await ordersHolding(ctx, context.projectKey, resolved.id);
    const onThis = order.paymentInfo?.payments?.some((p) => p.id === resolved.id);
    if (onThis || holders.some((o) => o.id !== order.id)) {
      throw ctx.errors.invalidOperation(
        `Payment '${resolved.id}' is assigned to ${onThis ? 'this' : 'another'} Order already.`,
      );
    }
    order.paymentInfo = order.paymentInfo ?? { payments: [] };
    order.paymentInfo.payments.push({ typeId: 'payment', id: resolved.id });
  };
}

export function registerOrderFieldRules(ctx) {
  stateActions(ctx);
  addressActions(ctx);
  ctx.override('order', 'addPayment', () => addPayment(ctx));
}
