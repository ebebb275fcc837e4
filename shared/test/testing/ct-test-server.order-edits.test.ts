import type {
  Order,
  OrderEdit,
  OrderEditApplied,
  OrderEditPreviewFailure,
  OrderEditPreviewSuccess,
  StagedOrderUpdateAction,
} from '@commercetools/platform-sdk';
import { applyOrderEdit, ctTestApi, ctTestConfig, ctTestSeed } from 'shared/testing';

import type { CtApi } from '../../src/commercetools/client';
import { badJson, conflict, createVia, rejected, update } from './ct-test-server.helpers';

// Order Edits on the test server: created, previewed and applied as commercetools does, with line
// and order totals recalculated to the cent (docs/testing.md, "Order Edits").

const money = (centAmount: number, currencyCode = 'EUR') => ({ currencyCode, centAmount });
const VAT = { name: 'vat', amount: 0.19, includedInPrice: true, country: 'DE' };

interface Shop {
  api: CtApi;
  config: ReturnType<typeof ctTestConfig>;
  standardId: string;
  expressId: string;
  productId: string;
}

async function shippingMethod(api: CtApi, key: string, cents: number, refs: Refs) {
  return api
    .shippingMethods()
    .post({
      body: {
        key,
        name: key,
        taxCategory: { typeId: 'tax-category', id: refs.taxCategoryId },
        zoneRates: [
          { zone: { typeId: 'zone', id: refs.zoneId }, shippingRates: [{ price: money(cents) }] },
        ],
        isDefault: false,
      },
    })
    .execute();
}
interface Refs {
  taxCategoryId: string;
  zoneId: string;
}

/** A DE shop: VAT 19% included, two shipping methods, one product with variants A, B, C. */
async function shop(): Promise<Shop> {
  const config = ctTestConfig();
  const api = ctTestApi(config);
  const tax = await api
    .taxCategories()
    .post({ body: { name: 'std', rates: [VAT] } })
    .execute();
  const zone = await api
    .zones()
    .post({ body: { name: 'DE', locations: [{ country: 'DE' }] } })
    .execute();
  const refs = { taxCategoryId: tax.body.id, zoneId: zone.body.id };
  const standard = await shippingMethod(api, 'standard', 500, refs);
  const express = await shippingMethod(api, 'express', 900, refs);
  const type = await api
    .productTypes()
    .post({ body: { name: 'pt', description: 'pt' } })
    .execute();
  const product = await api
    .products()
    .post({
      body: {
        productType: { typeId: 'product-type', id: type.body.id },
        taxCategory: { typeId: 'tax-category', id: tax.body.id },
        name: { en: 'Mug' },
        slug: { en: 'mug' },
        masterVariant: { sku: 'A', prices: [{ value: money(333) }] },
        variants: [
          { sku: 'B', prices: [{ value: money(1999) }] },
          { sku: 'C', prices: [{ value: money(10) }] },
        ],
        publish: true,
      },
    })
    .execute();

  return {
    api,
    config,
    standardId: standard.body.id,
    expressId: express.body.id,
    productId: product.body.id,
  };
}

interface Line {
  sku: string;
  quantity: number;
  unit: number;
  rate?: number;
}

/** Imports an order; prices are gross when `included`, net otherwise. */
async function importOrder(
  s: Shop,
  lines: Line[],
  options: { included?: boolean; shipping?: boolean; currency?: string } = {},
): Promise<Order> {
  const { included = true, shipping = true, currency = 'EUR' } = options;
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unit, shipping ? 500 : 0);
  const res = await s.api
    .orders()
    .importOrder()
    .post({
      body: {
        orderNumber: `E-${Math.random().toString(36).slice(2, 10)}`,
        totalPrice: money(total, currency),
        shippingAddress: { country: 'DE' },
        lineItems: lines.map((l) => ({
          variant: { sku: l.sku },
          name: { en: l.sku },
          price: { value: money(l.unit, currency) },
          quantity: l.quantity,
          taxRate: {
            ...VAT,
            name: `vat-${l.rate ?? 19}`,
            amount: (l.rate ?? 19) / 100,
            includedInPrice: included,
          },
        })),
        ...(shipping
          ? {
              shippingInfo: {
                shippingMethodName: 'standard',
                price: money(500),
                shippingRate: { price: money(500) },
                shippingMethod: { typeId: 'shipping-method', id: s.standardId },
              },
            }
          : {}),
      },
    })
    .execute();

  return res.body;
}

const createEdit = async (
  s: Shop,
  order: Order,
  stagedActions: StagedOrderUpdateAction[],
  dryRun?: boolean,
) =>
  (
    await s.api
      .orders()
      .edits()
      .post({ body: { resource: { typeId: 'order', id: order.id }, stagedActions, dryRun } })
      .execute()
  ).body;

const applyEdit = (s: Shop, edit: OrderEdit, resourceVersion: number, editVersion = edit.version) =>
  s.api
    .orders()
    .edits()
    .withId({ ID: edit.id })
    .apply()
    .post({ body: { editVersion, resourceVersion } })
    .execute();

const lineOf = (order: Order, sku: string) => order.lineItems.find((l) => l.variant.sku === sku);
const cents = (order: Order) => ({
  total: order.totalPrice.centAmount,
  net: order.taxedPrice?.totalNet.centAmount,
  gross: order.taxedPrice?.totalGross.centAmount,
  tax: order.taxedPrice?.totalTax?.centAmount,
  portions: order.taxedPrice?.taxPortions.map((p) => [p.name, p.amount.centAmount]),
});
const change = (lineItemId: string | undefined, quantity: number) =>
  ({ action: 'changeLineItemQuantity', lineItemId, quantity }) as StagedOrderUpdateAction;

describe('commercetools test server: applying an order edit recalculates the money', () => {
  it('when a tax-included order loses units, then lines, shipping and order totals reconcile to the cent', async () => {
    const s = await shop();
    const order = await importOrder(s, [
      { sku: 'A', quantity: 3, unit: 333 },
      { sku: 'B', quantity: 2, unit: 1999, rate: 7 },
    ]);
    const { edit, order: after } = await applyOrderEdit(s.api, order.id, [
      change(lineOf(order, 'A')?.id, 1),
      { action: 'removeLineItem', lineItemId: lineOf(order, 'B')?.id, quantity: 1 },
    ]);

    // A: 333 gross at 19% = 280 net + 53 tax; B: 1999 at 7% = 1868 + 131; shipping 500 = 420 + 80.
    expect(lineOf(after, 'A')).toMatchObject({
      quantity: 1,
      totalPrice: { centAmount: 333 },
      taxedPrice: { totalNet: { centAmount: 280 }, totalGross: { centAmount: 333 } },
    });
    expect(lineOf(after, 'B')?.taxedPrice?.totalTax?.centAmount).toBe(131);
    expect(cents(after)).toEqual({
      total: 2832,
      net: 2568,
      gross: 2832,
      tax: 264,
      portions: [
        ['vat-19', 53],
        ['vat-7', 131],
        ['vat', 80],
      ],
    });
    expect(after.version).toBe(order.version + 1);
    expect(after.lastModifiedAt > order.lastModifiedAt).toBe(true);
    expect(edit.result).toEqual<OrderEditApplied>({
      type: 'Applied',
      appliedAt: expect.any(String),
      excerptBeforeEdit: {
        totalPrice: order.totalPrice,
        taxedPrice: order.taxedPrice,
        version: order.version,
      },
      excerptAfterEdit: {
        totalPrice: after.totalPrice,
        taxedPrice: after.taxedPrice,
        version: after.version,
      },
    });
  });

  it('when a tax-excluded order changes quantities, then taxes come on top, rounded half-even, and a removed line leaves the totals', async () => {
    const s = await shop();
    const order = await importOrder(
      s,
      [
        { sku: 'A', quantity: 3, unit: 1000, rate: 20 },
        { sku: 'B', quantity: 2, unit: 1235, rate: 7.5 },
        { sku: 'C', quantity: 3, unit: 10, rate: 5 },
      ],
      { included: false, shipping: false },
    );
    // C: 30 at 5% is 1.5 cents of tax, rounded half-even to 2.
    expect(lineOf(order, 'C')?.taxedPrice?.totalTax?.centAmount).toBe(2);
    const { order: after } = await applyOrderEdit(s.api, order.id, [
      change(lineOf(order, 'A')?.id, 2),
      { action: 'removeLineItem', lineItemId: lineOf(order, 'B')?.id, quantity: 1 },
      change(lineOf(order, 'C')?.id, 1),
    ]);
    // A: 2000 + 400; B: 1235 + 92.625 → 93; C: 10 + 0.5 → 0 (half-even).
    expect(
      after.lineItems.map((l) => [
        l.variant.sku,
        l.totalPrice.centAmount,
        l.taxedPrice?.totalGross.centAmount,
      ]),
    ).toEqual([
      ['A', 2000, 2400],
      ['B', 1235, 1328],
      ['C', 10, 10],
    ]);
    expect(cents(after)).toMatchObject({ total: 3245, net: 3245, gross: 3738, tax: 493 });

    const { order: without } = await applyOrderEdit(s.api, order.id, [
      { action: 'removeLineItem', lineItemId: lineOf(order, 'B')?.id },
    ]);
    expect(without.lineItems.map((l) => l.variant.sku)).toEqual(['A', 'C']);
    expect(cents(without)).toMatchObject({ total: 2010, net: 2010, gross: 2410 });
  });
});

describe('commercetools test server: line-item states under an order edit', () => {
  async function picked(s: Shop) {
    const state = await createVia(s.api.states(), { key: 'picked', type: 'LineItemState' });
    const order = await importOrder(s, [{ sku: 'A', quantity: 3, unit: 333 }]);
    const line = order.lineItems[0];
    const moved = await update(s, order, {
      action: 'transitionLineItemState',
      lineItemId: line?.id ?? '',
      quantity: 2,
      fromState: { typeId: 'state', key: 'Initial' },
      toState: { typeId: 'state', key: 'picked' },
    });

    return {
      order: moved,
      lineId: line?.id,
      pickedId: state.id,
      initialId: line?.state[0]?.state.id,
    };
  }

  it('when units are removed or added, then they leave or join Initial and the states still sum to the quantity', async () => {
    const s = await shop();
    const { order, lineId, pickedId, initialId } = await picked(s);
    const { order: fewer } = await applyOrderEdit(s.api, order.id, [change(lineId, 2)]);
    expect(fewer.lineItems[0]?.state).toEqual([
      { quantity: 2, state: { typeId: 'state', id: pickedId } },
    ]);
    const { order: more } = await applyOrderEdit(s.api, order.id, [change(lineId, 5)]);
    expect(more.lineItems[0]?.state).toEqual([
      { quantity: 3, state: { typeId: 'state', id: initialId } },
      { quantity: 2, state: { typeId: 'state', id: pickedId } },
    ]);
  });

  it('when an edit would take units out of a state other than Initial, then the edit fails, in preview and on apply', async () => {
    const s = await shop();
    const { order, lineId } = await picked(s);
    const edit = await createEdit(s, order, [change(lineId, 1)]);
    expect((edit.result as OrderEditPreviewFailure).errors).toEqual([
      expect.objectContaining({
        code: 'InvalidOperation',
        message: expect.stringMatching(/1 units in State 'Initial', fewer than the 2/),
      }),
    ]);
    await expect(applyEdit(s, edit, order.version)).rejects.toMatchObject(
      rejected('InvalidOperation'),
    );
  });
});

describe('commercetools test server: order edit lifecycle', () => {
  it('when an edit is created, then its result previews the order (or is NotProcessed), and a dry run stores nothing', async () => {
    const s = await shop();
    const order = await importOrder(s, [{ sku: 'A', quantity: 3, unit: 333 }]);
    const edit = await createEdit(s, order, [change(order.lineItems[0]?.id, 2)]);
    const preview = edit.result as OrderEditPreviewSuccess;
    expect(preview.type).toBe('PreviewSuccess');
    expect(preview.preview.totalPrice.centAmount).toBe(666 + 500);
    expect(preview.messagePayloads).toEqual([]);
    const stored = await s.api.orders().withId({ ID: order.id }).get().execute();
    expect(stored.body.version).toBe(order.version);

    const empty = await createEdit(s, order, []);
    expect(empty.result).toEqual({ type: 'NotProcessed' });
    const dry = await createEdit(s, order, [change(order.lineItems[0]?.id, 1)], true);
    expect(dry.result.type).toBe('PreviewSuccess');
    await expect(
      s.api.orders().edits().withId({ ID: dry.id }).get().execute(),
    ).rejects.toMatchObject(rejected('ResourceNotFound', undefined, 404));
  });

  it('when the order or the edit moved on, then apply is a 409; an applied edit is final', async () => {
    const s = await shop();
    const order = await importOrder(s, [{ sku: 'A', quantity: 3, unit: 333 }]);
    const edit = await createEdit(s, order, [change(order.lineItems[0]?.id, 2)]);
    const touched = await s.api
      .orders()
      .withId({ ID: order.id })
      .post({
        body: { version: order.version, actions: [{ action: 'setCustomerEmail', email: 'a@b.c' }] },
      })
      .execute();
    await expect(applyEdit(s, edit, order.version)).rejects.toMatchObject(
      conflict(touched.body.version),
    );
    await expect(applyEdit(s, edit, touched.body.version, edit.version + 1)).rejects.toMatchObject(
      conflict(edit.version),
    );
    const applied = (await applyEdit(s, edit, touched.body.version)).body;
    expect(applied).toMatchObject({ version: edit.version + 1, result: { type: 'Applied' } });
    await expect(applyEdit(s, applied, touched.body.version + 1)).rejects.toMatchObject(
      rejected('InvalidOperation', /applied already/),
    );
    await expect(
      s.api
        .orders()
        .edits()
        .withId({ ID: edit.id })
        .post({
          body: {
            version: applied.version,
            actions: [
              { action: 'addStagedAction', stagedAction: change(order.lineItems[0]?.id, 1) },
            ],
          },
        })
        .execute(),
    ).rejects.toMatchObject(rejected('InvalidOperation', /staged actions are final/));
  });

  it('when staged actions are set by update, then they need the edit version and known action names', async () => {
    const s = await shop();
    const order = await importOrder(s, [{ sku: 'A', quantity: 3, unit: 333 }]);
    const edit = await createEdit(s, order, []);
    const byKey = s.api.orders().edits().withId({ ID: edit.id });
    const set = (version: number, stagedActions: StagedOrderUpdateAction[]) =>
      byKey
        .post({ body: { version, actions: [{ action: 'setStagedActions', stagedActions }] } })
        .execute();
    const updated = (await set(edit.version, [change(order.lineItems[0]?.id, 1)])).body;
    expect(updated.version).toBe(edit.version + 1);
    expect(updated.result.type).toBe('PreviewSuccess');
    await expect(set(edit.version, [])).rejects.toMatchObject(conflict(updated.version));
    await expect(
      set(updated.version, [{ action: 'fly' } as unknown as StagedOrderUpdateAction]),
    ).rejects.toMatchObject(
      badJson(/stagedActions -> \[0\] -> action: Unknown staged order update action 'fly'/),
    );
    await expect(
      byKey.delete({ queryArgs: { version: edit.version } }).execute(),
    ).rejects.toMatchObject(conflict(updated.version));
    expect(
      (await byKey.delete({ queryArgs: { version: updated.version } }).execute()).statusCode,
    ).toBe(200);
  });

  it('when a request carries no token, then the order-edit routes answer 401 like every other route', async () => {
    const s = await shop();
    const res = await fetch(`${s.config.apiUrl}/${s.config.projectKey}/orders/edits`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'invalid_token' }] });
  });

  it('when the order reserves inventory, then no edit can be created for it', async () => {
    const s = await shop();
    const imported = await importOrder(s, [{ sku: 'A', quantity: 1, unit: 333 }]);
    const reserving = await ctTestSeed<Order>(s.config, 'order', {
      ...imported,
      id: `reserving-${imported.id}`,
      orderNumber: `${imported.orderNumber}-R`,
      inventoryMode: 'ReserveOnOrder',
    });
    await expect(createEdit(s, reserving, [])).rejects.toMatchObject(
      rejected('InvalidOperation', /InventoryMode/),
    );
  });
});

describe('commercetools test server: staged actions', () => {
  it('when a line is added by SKU or by product and variant, then it gets the product price, the tax category rate and Initial; the same variant again adds units', async () => {
    const s = await shop();
    const order = await importOrder(s, [{ sku: 'A', quantity: 1, unit: 333 }]);
    const { order: after } = await applyOrderEdit(s.api, order.id, [
      { action: 'addLineItem', sku: 'B', quantity: 2 },
      { action: 'addLineItem', productId: s.productId, variantId: 3 },
      { action: 'addLineItem', sku: 'B' },
    ]);
    const added = lineOf(after, 'B');
    expect(added).toMatchObject({
      quantity: 3,
      productId: s.productId,
      price: { value: { centAmount: 1999 } },
      totalPrice: { centAmount: 5997 },
      taxRate: { amount: 0.19, includedInPrice: true },
      taxedPrice: { totalNet: { centAmount: 5039 } },
      state: [{ quantity: 3, state: expect.objectContaining({ typeId: 'state' }) }],
    });
    expect(lineOf(after, 'C')?.quantity).toBe(1);
    expect(cents(after).total).toBe(333 + 5997 + 10 + 500);
  });

  it('when a line cannot be priced or found, then the edit fails with the documented error', async () => {
    const s = await shop();
    const eur = await importOrder(s, [{ sku: 'A', quantity: 1, unit: 333 }]);
    await expect(
      applyOrderEdit(s.api, eur.id, [{ action: 'addLineItem', sku: 'Z' }]),
    ).rejects.toMatchObject(
      rejected('InvalidOperation', /No published product variant with SKU 'Z'/),
    );
    const gbp = await importOrder(s, [{ sku: 'A', quantity: 1, unit: 333 }], {
      currency: 'GBP',
      shipping: false,
    });
    await expect(
      applyOrderEdit(s.api, gbp.id, [{ action: 'addLineItem', sku: 'B' }]),
    ).rejects.toMatchObject(rejected('MatchingPriceNotFound'));
  });

  it('when addresses, email and shipping method are staged, then the order takes them and the new shipping price', async () => {
    const s = await shop();
    const order = await importOrder(s, [{ sku: 'A', quantity: 1, unit: 333 }]);
    const { order: after } = await applyOrderEdit(s.api, order.id, [
      {
        action: 'setShippingAddress',
        address: { country: 'DE', city: 'Köln', postalCode: '51147' },
      },
      { action: 'setBillingAddress', address: { country: 'DE', city: 'Bonn' } },
      { action: 'setCustomerEmail', email: 'new@example.com' },
      {
        action: 'setShippingMethod',
        shippingMethod: { typeId: 'shipping-method', key: 'express' },
      },
    ]);
    expect(after).toMatchObject({
      shippingAddress: { city: 'Köln' },
      billingAddress: { city: 'Bonn' },
      customerEmail: 'new@example.com',
      shippingInfo: { shippingMethod: { id: s.expressId }, price: { centAmount: 900 } },
    });
    expect(cents(after).total).toBe(333 + 900);
    await expect(
      applyOrderEdit(s.api, order.id, [
        { action: 'setShippingAddress', address: { country: 'Deutschland' } },
      ]),
    ).rejects.toMatchObject(badJson(/address -> country/));
  });

  it('when a staged action is one the test server does not implement, then the edit fails saying so', async () => {
    const s = await shop();
    const order = await importOrder(s, [{ sku: 'A', quantity: 1, unit: 333 }]);
    const edit = await createEdit(s, order, [{ action: 'addDiscountCode', code: 'SAVE' }]);
    expect((edit.result as OrderEditPreviewFailure).errors[0]?.message).toMatch(
      /'addDiscountCode' is not supported by the commercetools test server/,
    );
    await expect(applyEdit(s, edit, order.version)).rejects.toMatchObject(rejected('InvalidInput'));
  });
});
