import { ctLineItemIdOf } from '../../../src/flows/order-sync/linnworks-order.contract';
import { type LinnworksChannelOrderItem } from '../../../src/linnworks/linnworks-types';
import { mapOrderToLinnworks } from '../../../src/flows/order-sync/ct-order.mapper';
import { type OrderSyncSettings } from '../../../src/flows/order-sync/order-sync.settings';
import { buildCtOrder, type OrderSpec } from '../../../testing/builders/ct-order.builder';

const settings: OrderSyncSettings = {
  source: 'COMMERCETOOLS',
  storeMapping: {
    _none: { subSource: 'web', location: 'Default' },
    uk: { subSource: 'uk-store', location: 'UK' },
  },
  shippingMethodMapping: { standard: { postalService: 'Royal Mail 24', tag: 'rm24' } },
  countryLocations: { US: 'US Warehouse' },
  paidOnly: false,
  paidWhen: 'paymentState',
  paymentMethodMapping: {},
  stores: [],
  unknownSkuPolicy: 'reject',
  skuMatching: { trim: false, case: 'preserve' },
  supportedCurrencies: ['EUR', 'GBP', 'JPY'],
  postcodeCountries: [],
  titleLocale: 'de',
  dispatchWithinHours: 24,
};

const basic: OrderSpec = {
  id: 'o-1',
  orderNumber: 'CT-1',
  lines: [{ quantity: 2, unitCents: 1000, ratePercent: 19 }],
  shipping: { priceCents: 495, ratePercent: 19, method: 'standard' },
};

function mapped(spec: Partial<OrderSpec>, s: Partial<OrderSyncSettings> = {}) {
  const result = mapOrderToLinnworks(buildCtOrder({ ...basic, ...spec }), { ...settings, ...s });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));

  return result.mapped;
}

function problemsOf(order: ReturnType<typeof buildCtOrder>, s: Partial<OrderSyncSettings> = {}) {
  const result = mapOrderToLinnworks(order, { ...settings, ...s });

  return result.ok ? [] : result.problems.map((p) => [p.code, p.field]);
}

describe('mapOrderToLinnworks', () => {
  it('when an order maps, then references, source, location, dates, payment and postage are set from it and the settings', () => {
    const { order, location } = mapped({});
    expect(location).toBe('Default');
    expect(order).toMatchObject({
      Source: 'COMMERCETOOLS',
      SubSource: 'web',
      ReferenceNumber: 'CT-1',
      SecondaryReferenceNumber: 'o-1',
      ExternalReference: 'o-1',
      ReceivedDate: '2026-11-01T10:00:00.000Z',
      DispatchBy: '2026-11-02T10:00:00.000Z',
      Currency: 'EUR',
      PaymentStatus: 'Paid',
      PostalServiceName: 'Royal Mail 24',
      MatchPostalServiceTag: 'rm24',
      PostalServiceCost: 4.95,
      PostalServiceTaxRate: 19,
      AutomaticallyLinkBySKU: true,
      DeliveryAddress: {
        MatchCountryCode: 'DE',
        PostCode: '10115',
        Address1: 'Hauptstr. 1',
        FullName: 'Jane Smith',
      },
    });
    expect(order.OrderItems).toEqual([
      expect.objectContaining({
        ItemNumber: 'line-1',
        ChannelReferenceId: 'line-1',
        ChannelSKU: 'SKU-1',
        ItemTitle: 'Produkt 1',
        Qty: 2,
        PricePerUnit: 10,
        TaxRate: 19,
        TaxCostInclusive: true,
        IsService: false,
      }),
    ]);
  });

  it('when the order has no order number, then the reference falls back to the order id', () => {
    expect(mapped({ orderNumber: undefined }).order.ReferenceNumber).toBe('o-1');
  });

  it('when a discounted line does not divide into whole cents per unit, then it is split into two items that add up exactly', () => {
    const { order } = mapped({
      lines: [{ quantity: 3, unitCents: 1000, discountCents: 1, ratePercent: 19 }],
    });
    const items = order.OrderItems.map((i: LinnworksChannelOrderItem) => [
      i.ItemNumber,
      i.ChannelReferenceId,
      i.Qty,
      i.PricePerUnit,
    ]);
    expect(items).toEqual([
      ['line-1', 'line-1', 1, 9.99],
      ['line-1#2', 'line-1', 2, 10],
    ]);
    // ItemNumber is a unique line number (SDK); the commercetools line id is recoverable.
    expect(order.OrderItems.map((i) => ctLineItemIdOf(i))).toEqual(['line-1', 'line-1']);
  });

  it('when a shipping method is mapped without a tag, then the postal service name is what Linnworks matches (MatchPostalServiceTag)', () => {
    const { order } = mapped(
      {},
      { shippingMethodMapping: { standard: { postalService: 'Royal Mail 24' } } },
    );
    expect(order).toMatchObject({
      MatchPostalServiceTag: 'Royal Mail 24',
      PostalServiceName: 'Royal Mail 24',
      SavePostalServiceIfNotExist: false,
    });
  });

  it('when an order maps, then no ConversionRate is sent: Linnworks sets it from the Currency', () => {
    const { order } = mapped({});
    expect(order).not.toHaveProperty('ConversionRate');
    expect(order.Currency).toBe('EUR');
  });

  it('when the store has a mapping and the shipping country a route, then SubSource comes from the store and the location from the country', () => {
    const result = mapOrderToLinnworks(
      buildCtOrder({ ...basic, storeKey: 'uk', country: 'US' }),
      settings,
    );
    expect(result.ok && [result.mapped.order.SubSource, result.mapped.location]).toEqual([
      'uk-store',
      'US Warehouse',
    ]);
  });

  it('when custom line items are present, then they are sent as service items keyed by their id', () => {
    const { order } = mapped({
      lines: [
        { quantity: 1, unitCents: 100, ratePercent: 19 },
        { quantity: 1, unitCents: 250, ratePercent: 19, custom: true },
      ],
    });
    expect(order.OrderItems[1]).toMatchObject({
      ItemNumber: 'line-2',
      ChannelSKU: 'service-2',
      IsService: true,
    });
  });

  it('when the order is unpaid, then PaymentStatus is Unpaid and no PaidOn is sent', () => {
    const { order } = mapped({ paymentState: 'BalanceDue' });
    expect(order.PaymentStatus).toBe('Unpaid');
    expect(order.PaidOn).toBeUndefined();
  });

  it('when anything required is missing or unmapped, then every problem is reported with its reason code and field', () => {
    const order = buildCtOrder({
      ...basic,
      currency: 'CHF',
      storeKey: 'nowhere',
      shippingMode: 'Multiple',
      lines: [{ quantity: 1, unitCents: 100, ratePercent: 19, sku: '' }],
      shipping: { priceCents: 0, ratePercent: 19, method: 'express' },
    });
    expect(problemsOf(order)).toEqual([
      ['CURRENCY_UNSUPPORTED', 'totalPrice.currencyCode'],
      ['MULTIPLE_SHIPPING_ADDRESSES', 'shippingMode'],
      ['STORE_UNMAPPED', 'store'],
      ['SHIPPING_METHOD_UNMAPPED', 'shippingInfo.shippingMethod'],
      ['SKU_MISSING', 'lineItems[0].variant.sku'],
    ]);
  });

  it('when the shipping address lacks country, postcode, street or name, then each is a problem naming the field', () => {
    const order = buildCtOrder(basic);
    const noCountry = { ...order, shippingAddress: { ...order.shippingAddress!, country: '' } };
    expect(problemsOf(noCountry)).toEqual([['ADDRESS_COUNTRY_MISSING', 'shippingAddress.country']]);
    const bare = { ...order, shippingAddress: { country: 'DE' } };
    expect(problemsOf(bare)).toEqual([
      ['ADDRESS_POSTCODE_MISSING', 'shippingAddress.postalCode'],
      ['ADDRESS_STREET_MISSING', 'shippingAddress.streetName'],
      ['ADDRESS_NAME_MISSING', 'shippingAddress.lastName'],
    ]);
    const irish = {
      ...order,
      shippingAddress: { ...order.shippingAddress!, country: 'IE', postalCode: undefined },
    };
    expect(problemsOf(irish)).toEqual([]);
  });

  it('when the lines and shipping do not add up to the order taxedPrice, then the order is not sent', () => {
    const order = buildCtOrder(basic);
    const off = {
      ...order,
      taxedPrice: {
        ...order.taxedPrice!,
        totalGross: {
          ...order.taxedPrice!.totalGross,
          centAmount: order.taxedPrice!.totalGross.centAmount - 100,
        },
      },
    };
    expect(problemsOf(off)).toEqual([['TOTALS_UNRECONCILED', 'taxedPrice']]);
  });

  it('when a problem is reported, then its message carries no personal data', () => {
    const order = buildCtOrder(basic);
    const result = mapOrderToLinnworks(
      {
        ...order,
        shippingAddress: {
          ...order.shippingAddress!,
          postalCode: undefined,
          streetName: undefined,
        },
      },
      settings,
    );
    const text = JSON.stringify(result);
    for (const personal of ['Jane', 'Smith', 'jane@example.com', 'Berlin'])
      expect(text).not.toContain(personal);
  });
});
