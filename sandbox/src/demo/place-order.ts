import type { Cart, CartUpdateAction, Order } from '@commercetools/platform-sdk';
import type { CtApi } from 'shared';

import {
  ALL_VARIANTS,
  CUSTOMERS,
  DISCOUNT,
  NEW_ARRIVAL,
  PRODUCTS,
  STORES,
  type ShippingMethodKey,
  type StoreKey,
  TAX_CATEGORIES,
} from '../seed/catalog';
import { orderFromCart } from './discount';

export interface OrderRequest {
  orderNumber: string;
  store: StoreKey;
  customer: (typeof CUSTOMERS)[number]['key'];
  lines: Array<{ sku: string; quantity: number }>;
  shipping: ShippingMethodKey;
  /** Applies the seeded discount code (10 % off every line). */
  discountCode?: boolean;
  /** Overrides the shipping address (e.g. an invalid one for the failure-queue story). */
  address?: Record<string, string | undefined>;
}

/** The externally computed tax rate of a SKU in a country (the cart uses External tax mode). */
export function taxRateFor(sku: string, country: string) {
  const product = [...PRODUCTS, NEW_ARRIVAL].find((p) => p.variants.some((v) => v.sku === sku));
  const category = TAX_CATEGORIES.find((t) => t.key === (product?.taxCategory ?? 'standard'));
  const rate = category?.rates.find((r) => r.country === country);
  if (!rate) throw new Error(`no tax rate for ${sku} in ${country}`);

  return { name: rate.name, amount: rate.amount, includedInPrice: rate.includedInPrice, country };
}

/** Places an order the way a shop does: an in-store cart, lines, shipping, then the order. */
export async function placeOrder(
  ct: CtApi,
  request: OrderRequest,
  unsafeAdd: (typeId: string, resource: object) => Promise<unknown>,
): Promise<Order> {
  const store = STORES.find((s) => s.key === request.store);
  const customer = CUSTOMERS.find((c) => c.key === request.customer);
  if (!store || !customer) throw new Error('unknown store or customer');
  const address = {
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    ...('company' in customer ? { company: customer.company } : {}),
    ...customer.address,
    ...request.address,
  };
  const inStore = ct.inStoreKeyWithStoreKeyValue({ storeKey: store.key });
  let cart: Cart = (
    await inStore
      .carts()
      .post({
        body: {
          currency: store.currency,
          country: store.country,
          taxMode: 'External',
          customerEmail: customer.email,
          shippingAddress: address,
          billingAddress: address,
          store: { typeId: 'store', key: store.key },
        },
      })
      .execute()
  ).body;
  const shippingRate = taxRateFor(ALL_VARIANTS[0]?.sku ?? '', address.country ?? store.country);
  const actions: CartUpdateAction[] = [
    ...request.lines.map((l): CartUpdateAction => ({
      action: 'addLineItem',
      sku: l.sku,
      quantity: l.quantity,
      externalTaxRate: taxRateFor(l.sku, store.country),
    })),
    {
      action: 'setShippingMethod',
      shippingMethod: { typeId: 'shipping-method', key: request.shipping },
      externalTaxRate: shippingRate,
    },
  ];
  cart = (
    await inStore
      .carts()
      .withId({ ID: cart.id })
      .post({ body: { version: cart.version, actions } })
      .execute()
  ).body;
  let cartDiscountId: string | undefined;
  if (request.discountCode) {
    cart = (
      await inStore
        .carts()
        .withId({ ID: cart.id })
        .post({
          body: {
            version: cart.version,
            actions: [{ action: 'addDiscountCode', code: DISCOUNT.code }],
          },
        })
        .execute()
    ).body;
    cartDiscountId = (
      await ct.cartDiscounts().withKey({ key: DISCOUNT.cartDiscountKey }).get().execute()
    ).body.id;
  }
  // Stored as commercetools would create it from the cart (see orderFromCart for why).
  const order = (await unsafeAdd(
    'order',
    orderFromCart(cart, request.orderNumber, cartDiscountId),
  )) as Order;

  return order;
}
