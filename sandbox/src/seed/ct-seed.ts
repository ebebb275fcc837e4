import type { CtApi } from 'shared';

import {
  CUSTOMERS,
  DISCOUNT,
  NEW_ARRIVAL,
  PRODUCTS,
  SHIPPING_METHODS,
  STORES,
  TAX_CATEGORIES,
  WAREHOUSES,
  ZONES,
} from './catalog';

export interface CtSeedResult {
  taxCategories: number;
  zones: number;
  shippingMethods: number;
  channels: number;
  stores: number;
  products: number;
  variants: number;
  discountCodes: number;
  customers: number;
}

const en = (text: string) => ({ en: text });
const slug = (key: string) => ({ en: key });

/**
 * Seeds a commercetools project (on the test server, or any empty project) with the sandbox
 * merchant: tax categories, zones, shipping methods, supply channels, stores, a product type,
 * published products with SKUs and EANs, a discount code and customers.
 */
export async function seedCommercetools(api: CtApi): Promise<CtSeedResult> {
  for (const tax of TAX_CATEGORIES) {
    await api
      .taxCategories()
      .post({ body: { key: tax.key, name: tax.name, rates: tax.rates.map((r) => ({ ...r })) } })
      .execute();
  }
  for (const zone of ZONES) {
    await api
      .zones()
      .post({
        body: {
          key: zone.key,
          name: zone.name,
          locations: zone.countries.map((country) => ({ country })),
        },
      })
      .execute();
  }
  for (const method of SHIPPING_METHODS) {
    await api
      .shippingMethods()
      .post({
        body: {
          key: method.key,
          name: method.name,
          isDefault: method.key === 'standard',
          taxCategory: { typeId: 'tax-category', key: 'standard' },
          zoneRates: ZONES.map((zone) => ({
            zone: { typeId: 'zone', key: zone.key },
            shippingRates: method.rates
              .filter((r) => r.zone === zone.key)
              .map((r) => ({ price: { currencyCode: r.currency, centAmount: r.centAmount } })),
          })),
        },
      })
      .execute();
  }
  for (const wh of WAREHOUSES) {
    await api
      .channels()
      .post({ body: { key: wh.channel, name: en(wh.name), roles: ['InventorySupply'] } })
      .execute();
  }
  for (const store of STORES) {
    const channels = store.key === 'uk-store' ? ['wh-london', 'wh-manchester'] : ['wh-berlin'];
    await api
      .stores()
      .post({
        body: {
          key: store.key,
          name: en(store.name),
          languages: ['en'],
          supplyChannels: channels.map((key) => ({ typeId: 'channel' as const, key })),
        },
      })
      .execute();
  }
  await api
    .productTypes()
    .post({
      body: {
        key: 'outdoor-goods',
        name: 'Outdoor goods',
        description: 'Goods sold by the sandbox shop',
        attributes: ['ean', 'colour'].map((name) => ({
          name,
          label: en(name.toUpperCase()),
          type: { name: 'text' as const },
          isRequired: false,
          isSearchable: true,
          attributeConstraint: 'None' as const,
        })),
      },
    })
    .execute();
  for (const product of [...PRODUCTS, NEW_ARRIVAL]) {
    const [master, ...others] = product.variants.map((v) => ({
      sku: v.sku,
      key: v.sku.toLowerCase(),
      attributes: [
        { name: 'ean', value: v.ean },
        ...(v.colour ? [{ name: 'colour', value: v.colour }] : []),
      ],
      prices: [
        { value: { currencyCode: 'GBP', centAmount: v.gbp }, country: 'GB' },
        { value: { currencyCode: 'EUR', centAmount: v.eur }, country: 'DE' },
      ],
    }));
    await api
      .products()
      .post({
        body: {
          key: product.key,
          name: en(product.name),
          slug: slug(product.key),
          productType: { typeId: 'product-type', key: 'outdoor-goods' },
          taxCategory: { typeId: 'tax-category', key: product.taxCategory },
          ...(master ? { masterVariant: master } : {}),
          variants: others,
          publish: true,
        },
      })
      .execute();
  }
  const discount = await api
    .cartDiscounts()
    .post({
      body: {
        key: DISCOUNT.cartDiscountKey,
        name: en('Welcome 10 % off'),
        value: { type: 'relative', permyriad: DISCOUNT.permyriad },
        cartPredicate: '1 = 1',
        target: { type: 'lineItems', predicate: '1 = 1' },
        sortOrder: '0.5',
        isActive: true,
        requiresDiscountCode: true,
      },
    })
    .execute();
  await api
    .discountCodes()
    .post({
      body: {
        code: DISCOUNT.code,
        cartDiscounts: [{ typeId: 'cart-discount', id: discount.body.id }],
        isActive: true,
      },
    })
    .execute();
  for (const customer of CUSTOMERS) {
    await api
      .customers()
      .post({
        body: {
          key: customer.key,
          email: customer.email,
          password: 'sandbox-only-password',
          firstName: customer.firstName,
          lastName: customer.lastName,
          addresses: [
            {
              key: 'home',
              firstName: customer.firstName,
              lastName: customer.lastName,
              email: customer.email,
              ...customer.address,
            },
          ],
          defaultShippingAddress: 0,
        },
      })
      .execute();
  }

  return {
    taxCategories: TAX_CATEGORIES.length,
    zones: ZONES.length,
    shippingMethods: SHIPPING_METHODS.length,
    channels: WAREHOUSES.length,
    stores: STORES.length,
    products: PRODUCTS.length + 1,
    variants: [...PRODUCTS, NEW_ARRIVAL].reduce((n, p) => n + p.variants.length, 0),
    discountCodes: 1,
    customers: CUSTOMERS.length,
  };
}
