// Return items, as commercetools keeps them:
// - addReturnInfo keeps each item's `key`, unique among the Order's return items
//   (api-specs/api/types/order/ReturnItemDraft.raml); the mock dropped it;
// - a return item's `shipmentState` can only be `Advised` or `Returned` (ReturnItemDraft.raml),
//   and its `paymentState` starts as `NonRefundable` (Advised) or `Initial` (Returned)
//   (ReturnPaymentState.raml); the mock accepted any state and always wrote `Initial`;
// - setReturnPaymentState (returnItemId or returnItemKey) sets one return item's payment state
//   (OrderSetReturnPaymentStateAction.raml); the mock lacked the action.
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

function setReturnPaymentState(ctx) {
  return async (_context, order, { returnItemId, returnItemKey, paymentState }) => {
    if (!returnItemId && !returnItemKey) {
      throw ctx.errors.requiredField(
        'returnItemId',
        'Either returnItemId or returnItemKey is required.',
      );
    }
    if (!RETURN_PAYMENT_STATES.includes(paymentState)) {
      throw ctx.errors.invalidInput(
        `paymentState must be one of ${RETURN_PAYMENT_STATES.join(', ')}, got '${paymentState}'.`,
      );
    }
    const item = returnItems(order).find((i) =>
      returnItemId ? i.id === returnItemId : i.key === returnItemKey,
    );
    if (!item) {
      const which = returnItemId ? `ID '${returnItemId}'` : `key '${returnItemKey}'`;
      throw ctx.errors.invalidOperation(`A return item with ${which} was not found on this order.`);
    }
    item.paymentState = paymentState;
  };
}

export function registerReturnRules(ctx) {
  ctx.override('order', 'addReturnInfo', (original) => addReturnInfo(ctx, original));
  ctx.override('order', 'setReturnPaymentState', () => setReturnPaymentState(ctx));
}
