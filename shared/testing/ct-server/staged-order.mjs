// Applying an Order Edit's staged actions to (a copy of) its Order
// (api-specs/api/types/order-edit/StagedOrderUpdateAction.raml and updates/):
// - the line-item actions (staged-line-items.mjs) and setShippingMethod /
//   setShippingAddressAndShippingMethod (the Order must be in `Single` ShippingMode and have a
//   shipping address, StagedOrderSetShippingMethodAction.raml) are implemented here, and the
//   Order's totals are recalculated after them (order-prices.mjs);
// - every other staged action that is also an Order update action (setShippingAddress,
//   setBillingAddress, setCustomerEmail, transitionLineItemState, changePaymentState, …) runs the
//   Order's own update action, with the strict rules of the other modules;
// - a staged action name the API reference does not list is 400 InvalidJsonInput when the edit
//   is created or updated; a listed one the test server does not implement (discount codes,
//   custom line items, item shipping addresses, …) is a 400 InvalidInput that says so.
import { checkRepriceable, repriceOrder } from './order-prices.mjs';
import { lineItemActions } from './staged-line-items.mjs';

/** Every StagedOrderUpdateAction (api-specs/api/types/order-edit/updates/, read at 5867aa22a). */
export const STAGED_ACTIONS = `addCustomLineItem addDelivery addDiscountCode addItemShippingAddress
addLineItem addParcelToDelivery addPayment addReturnInfo addShoppingList changeCustomLineItemMoney
changeCustomLineItemQuantity changeLineItemQuantity changeOrderState changePaymentState
changePriceRoundingMode changeShipmentState changeTaxCalculationMode changeTaxMode
changeTaxRoundingMode importCustomLineItemState importLineItemState removeCustomLineItem
removeDelivery removeDiscountCode removeItemShippingAddress removeLineItem removeParcelFromDelivery
removePayment setBillingAddress setBillingAddressCustomField setBillingAddressCustomType
setBusinessUnit setCountry setCustomField setCustomLineItemCustomField setCustomLineItemCustomType
setCustomLineItemShippingDetails setCustomLineItemTaxAmount setCustomLineItemTaxRate
setCustomShippingMethod setCustomType setCustomerEmail setCustomerGroup setCustomerId
setDeliveryAddress setDeliveryAddressCustomField setDeliveryAddressCustomType
setDeliveryCustomField setDeliveryCustomType setDeliveryItems setDirectDiscounts
setItemShippingAddressCustomField setItemShippingAddressCustomType setLineItemCustomField
setLineItemCustomType setLineItemDistributionChannel setLineItemPrice setLineItemShippingDetails
setLineItemTaxAmount setLineItemTaxRate setLineItemTotalPrice setLocale setOrderNumber
setOrderTotalTax setParcelCustomField setParcelCustomType setParcelItems setParcelMeasurements
setParcelTrackingData setPurchaseOrderNumber setReturnInfo setReturnItemCustomField
setReturnItemCustomType setReturnPaymentState setReturnShipmentState setShippingAddress
setShippingAddressAndCustomShippingMethod setShippingAddressAndShippingMethod
setShippingAddressCustomField setShippingAddressCustomType setShippingCustomField
setShippingCustomType setShippingMethod setShippingMethodTaxAmount setShippingMethodTaxRate
setShippingRateInput setStore transitionCustomLineItemState transitionLineItemState
transitionState updateItemShippingAddress updateSyncInfo`
  .split(/\s+/)
  .filter(Boolean);

/** Checks the staged actions of a draft or update action: a list of known staged actions. */
export function checkStagedActions(ctx, actions, path) {
  if (!Array.isArray(actions)) throw ctx.errors.invalidJsonInput(`${path}: Expected an array.`);
  for (const [index, action] of actions.entries()) {
    if (!STAGED_ACTIONS.includes(action?.action)) {
      throw ctx.errors.invalidJsonInput(
        `${path} -> [${index}] -> action: Unknown staged order update action '${action?.action}'.`,
      );
    }
  }
}

function shippingActions(ctx) {
  const setShippingMethod = async (context, order, { shippingMethod }) => {
    if (order.shippingMode === 'Multiple') {
      throw ctx.errors.invalidOperation('setShippingMethod needs an Order in Single ShippingMode.');
    }
    if (!shippingMethod) {
      delete order.shippingInfo;

      return;
    }
    if (!order.shippingAddress) {
      throw ctx.errors.invalidOperation('setShippingMethod needs a shipping address on the Order.');
    }
    const method = await ctx.storage.getByResourceIdentifier(context.projectKey, {
      ...shippingMethod,
      typeId: 'shipping-method',
    });
    const info = await ctx.repositories.order.createShippingInfo(context, order, {
      typeId: 'shipping-method',
      id: method.id,
    });
    order.shippingInfo = { ...info, deliveries: order.shippingInfo?.deliveries ?? [] };
  };
  const setShippingAddressAndShippingMethod = async (context, order, action) => {
    if (!action.address) throw ctx.errors.invalidJsonInput('address: Missing required value');
    await ctx.repositories.order.actions.setShippingAddress(context, order, {
      action: 'setShippingAddress',
      address: action.address,
    });
    await setShippingMethod(context, order, action);
  };

  return { setShippingMethod, setShippingAddressAndShippingMethod };
}

/**
 * `(context, order, stagedActions) => stagedOrder`: the Order as the actions leave it, the stored
 * Order untouched. Throws the first action's error, as commercetools fails the whole edit.
 */
export function stagedOrderEngine(ctx) {
  const own = { ...lineItemActions(ctx), ...shippingActions(ctx) };
  const orderActions = ctx.repositories.order.actions;

  return async (context, order, actions) => {
    const staged = structuredClone(order);
    let repriced = false;
    for (const action of actions) {
      const name = action.action;
      if (own[name]) {
        checkRepriceable(ctx, staged);
        await own[name](context, staged, action);
        repriced = true;
      } else if (STAGED_ACTIONS.includes(name) && typeof orderActions[name] === 'function') {
        await orderActions[name](context, staged, action);
      } else {
        throw ctx.errors.invalidInput(
          `The staged action '${name}' is not supported by the commercetools test server.`,
        );
      }
    }
    if (repriced) repriceOrder(staged);

    return staged;
  };
}
