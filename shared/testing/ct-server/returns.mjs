// Return items, as commercetools keeps them:
// - addReturnInfo keeps each item's `key`, unique among the Order's return items
//   (api-specs/api/types/order/ReturnItemDraft.raml); the mock dropped it;
// - a return item's `shipmentState` can only be `Advised` or `Returned` (ReturnItemDraft.raml),
//   and its `paymentState` starts as `NonRefundable` (Advised) or `Initial` (Returned)
//   (ReturnPaymentState.raml); the mock accepted any state and always wrote `Initial`. A value
//   outside ReturnShipmentState is 400 InvalidJsonInput, BackInStock/Unusable 400 InvalidInput;
// - setReturnPaymentState (returnItemId or returnItemKey) sets one return item's payment state
//   (OrderSetReturnPaymentStateAction.raml); the mock lacked the action;
// - setReturnShipmentState (returnItemId or returnItemKey) "can only transition Return Items from
//   the `Returned` state to `BackInStock` or `Unusable`" (OrderSetReturnShipmentStateAction.raml):
//   another move is 400 InvalidOperation [?: the code], a value outside ReturnShipmentState 400
//   InvalidJsonInput; the mock lacked the action.
import { checkEnum } from './internals.mjs';

const RETURN_SHIPMENT_STATES = ['Advised', 'Returned', 'BackInStock', 'Unusable'];
const RETURN_PAYMENT_STATES = ['NonRefundable', 'Initial', 'Refunded', 'NotRefunded'];
const FIRST_PAYMENT_STATE = { Advised: 'NonRefundable', Returned: 'Initial' };

const returnItems = (order) => (order.returnInfo ?? []).flatMap((info) => info.items);

function checkDrafts(ctx, order, items) {
  const keys = new Set(
    returnItems(order)
      .map((item) => item.key)
      .filter(Boolean),
  );
  for (const [index, item] of items.entries()) {
    checkEnum(
      ctx,
      item.shipmentState,
      RETURN_SHIPMENT_STATES,
      `actions -> items -> [${index}] -> shipmentState`,
    );
    if (!FIRST_PAYMENT_STATE[item.shipmentState]) {
      throw ctx.errors.invalidInput(
        `items[${index}].shipmentState must be Advised or Returned, got '${item.shipmentState}'.`,
      );
    }
    if (!item.key) continue;
    if (keys.has(item.key)) {
      throw ctx.errors.duplicateField(
        'key',
        item.key,
        `A return item with key '${item.key}' already exists on this order.`,
      );
    }
    keys.add(item.key);
  }
}

function addReturnInfo(ctx, original) {
  return async (context, order, action) => {
    checkDrafts(ctx, order, action.items ?? []);
    await original(context, order, action);
    const added = order.returnInfo.at(-1).items;
    for (const [index, draft] of (action.items ?? []).entries()) {
      const item = added[index];
      if (draft.key) item.key = draft.key;
      item.paymentState = FIRST_PAYMENT_STATE[draft.shipmentState];
    }
  };
}

function returnItem(ctx, order, { returnItemId, returnItemKey }) {
  if (!returnItemId && !returnItemKey) {
    throw ctx.errors.requiredField(
      'returnItemId',
      'Either returnItemId or returnItemKey is required.',
    );
  }
  const item = returnItems(order).find((i) =>
    returnItemId ? i.id === returnItemId : i.key === returnItemKey,
  );
  if (!item) {
    const which = returnItemId ? `ID '${returnItemId}'` : `key '${returnItemKey}'`;
    throw ctx.errors.invalidOperation(`A return item with ${which} was not found on this order.`);
  }

  return item;
}

function setReturnPaymentState(ctx) {
  return async (_context, order, action) => {
    const item = returnItem(ctx, order, action);
    checkEnum(ctx, action.paymentState, RETURN_PAYMENT_STATES, 'actions -> paymentState');
    item.paymentState = action.paymentState;
  };
}

function setReturnShipmentState(ctx) {
  return async (_context, order, action) => {
    const item = returnItem(ctx, order, action);
    const target = checkEnum(
      ctx,
      action.shipmentState,
      RETURN_SHIPMENT_STATES,
      'actions -> shipmentState',
    );
    if (item.shipmentState !== 'Returned' || !['BackInStock', 'Unusable'].includes(target)) {
      throw ctx.errors.invalidOperation(
        `Return item '${item.id}' cannot move from shipment state '${item.shipmentState}' to ` +
          `'${target}': only Returned items move, to BackInStock or Unusable.`,
      );
    }
    item.shipmentState = target;
  };
}

export function registerReturnRules(ctx) {
  ctx.override('order', 'addReturnInfo', (original) => addReturnInfo(ctx, original));
  ctx.override('order', 'setReturnPaymentState', () => setReturnPaymentState(ctx));
  ctx.override('order', 'setReturnShipmentState', () => setReturnShipmentState(ctx));
}
