// The line-item staged actions of an Order Edit (api-specs/api/types/order-edit/updates/):
// - changeLineItemQuantity (StagedOrderChangeLineItemQuantityAction.raml): `quantity` ≥ 0, 0
//   removes the line; `externalPrice` sets the unit price (priceMode ExternalPrice);
// - removeLineItem (StagedOrderRemoveLineItemAction.raml): `quantity` ≥ 1 units less, or the
//   whole line when left out (or when it is the whole quantity or more [?]);
// - addLineItem (StagedOrderAddLineItemAction.raml): by `sku`, or `productId` and `variantId`
//   (master variant when left out) of a published Product; the same variant without external
//   price, custom fields or channels raises that line's quantity instead; the Price is the
//   variant's for the Order's currency (and `country`, Customer Group, distribution channel,
//   validity) or 400 MatchingPriceNotFound; the TaxRate comes from the Product's Tax Category for
//   the shipping address (400 MissingTaxRateForCountry), or `externalTaxRate` in External
//   TaxMode.
// A changed line gets its totals recalculated (order-prices.mjs). Line-item States stay summed to
// the quantity (StagedOrderImportLineItemStateAction.raml: "The quantity in the ItemStates must
// match the sum of all Line Item states' quantities"): added units go to `Initial`; removed ones
// come out of `Initial` only, and an edit that would take units from another State (picked,
// shipped, cancelled…) is 400 InvalidOperation [?: the docs do not say which States give way].
// Test-server limits: the unit price of a kept line is not re-selected from the Product
// (commercetools re-selects it for Platform-priced lines), and `externalTotalPrice` is refused.
import { randomUUID } from 'node:crypto';

import { channels, selectPrice, taxRateFor, variantOf } from './line-item-sources.mjs';
import { findLineItem } from './line-item-states.mjs';
import { repriceLine } from './order-prices.mjs';
import { builtInInitialState } from './states.mjs';

function checkQuantity(ctx, quantity, minimum, path) {
  if (!Number.isInteger(quantity) || quantity < minimum) {
    throw ctx.errors.invalidInput(`${path} must be an integer of at least ${minimum}.`);
  }
}

function refuseUnsupported(ctx, action) {
  for (const field of ['externalTotalPrice', 'custom', 'shippingDetails', 'recurrenceInfo']) {
    if (action[field] !== undefined) {
      throw ctx.errors.invalidInput(
        `${field} on ${action.action} is not supported by the commercetools test server.`,
      );
    }
  }
}

/** Sets a line's quantity: States follow (see above), then its totals. 0 removes the line. */
async function setQuantity(ctx, context, order, line, quantity) {
  if (quantity === 0) {
    order.lineItems = order.lineItems.filter((l) => l.id !== line.id);

    return;
  }
  const initial = await builtInInitialState(ctx, context.projectKey);
  line.state = line.state ?? [];
  let entry = line.state.find((s) => s.state.id === initial.id);
  const change = quantity - line.quantity;
  if (change < 0 && (entry?.quantity ?? 0) < -change) {
    throw ctx.errors.invalidOperation(
      `Line item '${line.id}' has ${entry?.quantity ?? 0} units in State 'Initial', fewer than ` +
        `the ${-change} to remove: units in other States are not removed by an edit.`,
    );
  }
  if (!entry) {
    entry = { quantity: 0, state: { typeId: 'state', id: initial.id } };
    line.state.unshift(entry);
  }
  entry.quantity += change;
  line.state = line.state.filter((s) => s.quantity > 0);
  line.quantity = quantity;
  repriceLine(ctx, order, line);
}

function changeLineItemQuantity(ctx) {
  return async (context, order, action) => {
    const line = findLineItem(ctx, order, action);
    checkQuantity(ctx, action.quantity, 0, 'quantity');
    refuseUnsupported(ctx, action);
    if (action.externalPrice) {
      line.price = { ...line.price, value: { type: 'centPrecision', ...action.externalPrice } };
      line.priceMode = 'ExternalPrice';
    }
    await setQuantity(ctx, context, order, line, action.quantity);
  };
}

function removeLineItem(ctx) {
  return async (context, order, action) => {
    const line = findLineItem(ctx, order, action);
    refuseUnsupported(ctx, action);
    if (action.quantity === undefined) return setQuantity(ctx, context, order, line, 0);
    checkQuantity(ctx, action.quantity, 1, 'quantity');

    return setQuantity(ctx, context, order, line, Math.max(0, line.quantity - action.quantity));
  };
}

const sameKind = (line, product, variant, refs, action) =>
  line.productId === product.id &&
  line.variant.id === variant.id &&
  line.lineItemMode === 'Standard' &&
  !line.custom &&
  !action.externalPrice &&
  line.supplyChannel?.id === refs.supplyChannel?.id &&
  line.distributionChannel?.id === refs.distributionChannel?.id;

function addLineItem(ctx) {
  return async (context, order, action) => {
    refuseUnsupported(ctx, action);
    const quantity = action.quantity ?? 1;
    checkQuantity(ctx, quantity, 1, 'quantity');
    if (action.key && order.lineItems.some((l) => l.key === action.key)) {
      throw ctx.errors.duplicateField(
        'key',
        action.key,
        `A line item with key '${action.key}' exists on the Order already.`,
      );
    }
    const { product, variant } = await variantOf(ctx, context.projectKey, action);
    const refs = await channels(ctx, context.projectKey, action);
    const existing = order.lineItems.find((l) => sameKind(l, product, variant, refs, action));
    if (existing) return setQuantity(ctx, context, order, existing, existing.quantity + quantity);
    const price = action.externalPrice
      ? { value: { type: 'centPrecision', fractionDigits: 2, ...action.externalPrice } }
      : selectPrice(ctx, order, product, variant, refs.distributionChannel?.id);
    const initial = await builtInInitialState(ctx, context.projectKey);
    const line = {
      id: randomUUID(),
      key: action.key,
      addedAt: action.addedAt ?? new Date().toISOString(),
      productId: product.id,
      productKey: product.key,
      productSlug: product.masterData.current.slug,
      productType: product.productType,
      name: product.masterData.current.name,
      variant,
      price,
      quantity,
      taxRate: await taxRateFor(ctx, context.projectKey, order, product, action),
      taxedPricePortions: [],
      perMethodTaxRate: [],
      discountedPricePerQuantity: [],
      lineItemMode: 'Standard',
      priceMode: action.externalPrice ? 'ExternalPrice' : 'Platform',
      state: [{ quantity, state: { typeId: 'state', id: initial.id } }],
      ...refs,
    };
    repriceLine(ctx, order, line);
    order.lineItems.push(line);
  };
}

/** Staged actions on line items, by name: (context, stagedOrder, action) => Promise<void>. */
export function lineItemActions(ctx) {
  return {
    changeLineItemQuantity: changeLineItemQuantity(ctx),
    removeLineItem: removeLineItem(ctx),
    addLineItem: addLineItem(ctx),
  };
}
