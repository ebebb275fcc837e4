import type { Order } from '@commercetools/platform-sdk';

import type { CtApi } from '../../src/commercetools/client';

const money = (centAmount: number) => ({
  type: 'centPrecision' as const,
  currencyCode: 'EUR',
  centAmount,
  fractionDigits: 2,
});

/**
 * Seeds what an imported order with shipping info needs on the commercetools test server:
 * products for the SKUs and a shipping method (the test server drops shippingInfo without one).
 */
export async function seedCatalogue(
  api: CtApi,
  skus: string[],
): Promise<{ shippingMethodId: string }> {
  const productType = await api
    .productTypes()
    .post({ body: { key: 'pt', name: 'pt', description: 'pt' } })
    .execute();
  const [first, ...rest] = skus;
  await api
    .products()
    .post({
      body: {
        productType: { typeId: 'product-type', id: productType.body.id },
        name: { en: 'Product' },
        slug: { en: 'product' },
        masterVariant: { sku: first },
        variants: rest.map((sku) => ({ sku })),
        publish: true,
      },
    })
    .execute();
  const taxCategory = await api
    .taxCategories()
    .post({
      body: {
        name: 'std',
        rates: [{ name: 'x', amount: 0.2, includedInPrice: true, country: 'GB' }],
      },
    })
    .execute();
  const zone = await api
    .zones()
    .post({ body: { name: 'GB', locations: [{ country: 'GB' }] } })
    .execute();
  const method = await api
    .shippingMethods()
    .post({
      body: {
        key: 'standard',
        name: 'Standard',
        taxCategory: { typeId: 'tax-category', id: taxCategory.body.id },
        zoneRates: [
          { zone: { typeId: 'zone', id: zone.body.id }, shippingRates: [{ price: money(0) }] },
        ],
        isDefault: false,
      },
    })
    .execute();

  return { shippingMethodId: method.body.id };
}

/** Imports an order with line items (sku, quantity) and shipping info. */
export async function importOrder(
  api: CtApi,
  shippingMethodId: string,
  orderNumber: string,
  lines: Array<{ sku: string; quantity: number }>,
): Promise<Order> {
  const res = await api
    .orders()
    .importOrder()
    .post({
      body: {
        orderNumber,
        totalPrice: money(1000),
        lineItems: lines.map((l) => ({
          name: { en: l.sku },
          variant: { sku: l.sku },
          price: { value: money(500) },
          quantity: l.quantity,
        })),
        shippingInfo: {
          shippingMethodName: 'Standard',
          price: money(0),
          shippingRate: { price: money(0) },
          shippingMethod: { typeId: 'shipping-method', id: shippingMethodId },
        },
        shippingAddress: { country: 'GB' },
        orderState: 'Open',
      },
    })
    .execute();

  return res.body;
}

/**
 * A payment with one successful charge of the order's total, added to the order (what a
 * checkout leaves): the payment refunds are booked on. Returns the payment's id.
 */
export async function addChargedPayment(api: CtApi, order: Order): Promise<string> {
  const amount = {
    currencyCode: order.totalPrice.currencyCode,
    centAmount: order.totalPrice.centAmount,
  };
  const payment = await api
    .payments()
    .post({
      body: {
        amountPlanned: amount,
        transactions: [{ type: 'Charge', state: 'Success', amount }],
      },
    })
    .execute();
  const current = (await api.orders().withId({ ID: order.id }).get().execute()).body;
  await api
    .orders()
    .withId({ ID: order.id })
    .post({
      body: {
        version: current.version,
        actions: [{ action: 'addPayment', payment: { typeId: 'payment', id: payment.body.id } }],
      },
    })
    .execute();

  return payment.body.id;
}
