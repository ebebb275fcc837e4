import { type LinnworksChannelOrder, ValidationError } from 'shared';

import { channelOrder, type Harness, startHarness } from './emulator-harness';

const FROM = '2025-05-01T00:00:00Z';
const TO = '2025-05-31T00:00:00Z';

function order(reference: string, qty = 2): LinnworksChannelOrder {
  const items = [
    {
      ItemNumber: 'SKU-1',
      ChannelSKU: 'SKU-1',
      ItemTitle: 'Mug',
      Qty: qty,
      PricePerUnit: 12,
      TaxRate: 20,
      TaxCostInclusive: true,
      UseChannelTax: true,
      LineDiscount: 0,
      IsService: false,
    },
    {
      ItemNumber: 'SKU-2',
      ChannelSKU: 'SKU-2',
      ItemTitle: 'Plate',
      Qty: 1,
      PricePerUnit: 8,
      TaxRate: 20,
      TaxCostInclusive: true,
      UseChannelTax: true,
      LineDiscount: 0,
      IsService: false,
    },
  ];

  return channelOrder({ ReferenceNumber: reference, OrderItems: items }) as LinnworksChannelOrder;
}

describe('Linnworks fulfilment: processed orders, tracking and packages', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedItems([
      { sku: 'SKU-1', stock: { Default: 10 } },
      { sku: 'SKU-2', stock: { Default: 5 } },
    ]);
    h.emulator.control.seedPostalServices([
      { name: 'Royal Mail 24', vendor: 'Royal Mail', code: 'RM24' },
      { name: 'DPD Next Day', vendor: 'DPD', code: 'DPD1' },
    ]);
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when an order is shipped in two boxes, then the processed search shows vendor and tracking and the package split has one row per item per box', async () => {
    const [id] = await h.client.createOrders({ orders: [order('CT-1')], location: 'Default' });
    h.emulator.control.processOrder({
      order: 'CT-1',
      vendor: 'DPD',
      postalServiceName: 'DPD Next Day',
      processedOn: '2025-05-10T09:00:00Z',
      packages: [
        { trackingNumber: 'TRK-A', lines: [{ sku: 'SKU-1', quantity: 2 }] },
        { trackingNumber: 'TRK-B', lines: [{ sku: 'SKU-2', quantity: 1 }] },
      ],
    });

    const page = await h.client.searchProcessedOrders({
      dateField: 'processed',
      from: FROM,
      to: TO,
      pageNumber: 1,
      resultsPerPage: 20,
    });
    expect(page).toMatchObject({ PageNumber: 1, TotalEntries: 1, TotalPages: 1 });
    expect(page.Data[0]).toMatchObject({
      pkOrderID: id,
      ReferenceNum: 'CT-1',
      Vendor: 'DPD',
      PostalServiceName: 'DPD Next Day',
      PostalServiceCode: 'DPD1',
      PostalTrackingNumber: 'TRK-A',
      dProcessedOn: '2025-05-10T09:00:00.000Z',
      dCancelledOn: null,
      HoldOrCancel: false,
    });

    const split = await h.client.getPackageSplit({ orderId: id ?? '' });
    expect(split.map((r) => [r.BinIndex, r.SKU, r.Quantity, r.TrackingNumber])).toEqual([
      [1, 'SKU-1', 2, 'TRK-A'],
      [2, 'SKU-2', 1, 'TRK-B'],
    ]);
    expect(new Set(split.map((r) => r.pkBinId)).size).toBe(2);
    expect(h.emulator.control.getStock('SKU-1')[0]).toMatchObject({
      stockLevel: 8,
      inOrders: 0,
      available: 8,
    });
  });

  it('when orders are processed outside the window, then they are not returned', async () => {
    await h.client.createOrders({ orders: [order('CT-1')], location: 'Default' });
    h.emulator.control.processOrder({
      order: 'CT-1',
      trackingNumber: 'T',
      processedOn: '2025-06-10T09:00:00Z',
    });

    const page = await h.client.searchProcessedOrders({
      dateField: 'processed',
      from: FROM,
      to: TO,
      pageNumber: 1,
      resultsPerPage: 20,
    });

    expect(page.Data).toEqual([]);
  });

  it('when 45 orders are processed, then pages of 20 cover them in order and report three pages', async () => {
    for (let batch = 0; batch < 3; batch++) {
      const orders = Array.from({ length: 15 }, (_, i) => order(`CT-${batch * 15 + i}`, 1));
      await h.client.createOrders({ orders, location: 'Default' });
    }
    for (let i = 0; i < 45; i++)
      h.emulator.control.processOrder({
        order: `CT-${i}`,
        trackingNumber: `T${i}`,
        processedOn: new Date(Date.parse('2025-05-02T00:00:00Z') + i * 60_000),
      });

    const refs: string[] = [];
    for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
      const page = await h.client.searchProcessedOrders({
        dateField: 'processed',
        from: FROM,
        to: TO,
        pageNumber,
        resultsPerPage: 20,
      });
      expect(page.TotalPages).toBe(3);
      refs.push(...page.Data.map((o) => o.ReferenceNum));
    }

    expect(refs).toEqual(Array.from({ length: 45 }, (_, i) => `CT-${i}`));
  });

  it('when cancelled orders are searched by the cancelled date, then only cancelled orders come back, flagged HoldOrCancel', async () => {
    const [a] = await h.client.createOrders({ orders: [order('CT-A')], location: 'Default' });
    await h.client.createOrders({ orders: [order('CT-B')], location: 'Default' });
    h.emulator.control.processOrder({ order: 'CT-B', trackingNumber: 'T' });
    await h.client.cancelOrder({
      orderId: a ?? '',
      fulfilmentCenter: '00000000-0000-0000-0000-000000000000',
    });
    const now = new Date();

    const page = await h.client.searchProcessedOrders({
      dateField: 'cancelled',
      from: new Date(now.getTime() - 60_000),
      to: new Date(now.getTime() + 60_000),
      pageNumber: 1,
      resultsPerPage: 20,
    });

    expect(page.Data.map((o) => [o.ReferenceNum, o.HoldOrCancel])).toEqual([['CT-A', true]]);
    expect(page.Data[0]?.dCancelledOn).not.toBeNull();
  });

  it('when filtering by Source, then other channels are excluded', async () => {
    await h.client.createOrders({
      orders: [order('CT-1'), { ...order('EB-1'), Source: 'EBAY' }],
      location: 'Default',
    });
    h.emulator.control.processOrder({ order: 'CT-1', trackingNumber: 'T1' });
    h.emulator.control.processOrder({ order: 'EB-1', trackingNumber: 'T2' });
    const now = Date.now();

    const page = await h.client.searchProcessedOrders({
      dateField: 'processed',
      from: new Date(now - 60_000),
      to: new Date(now + 60_000),
      pageNumber: 1,
      resultsPerPage: 20,
      filters: [{ SearchField: 'Source', SearchTerm: 'COMMERCETOOLS' }],
    });

    expect(page.Data.map((o) => o.ReferenceNum)).toEqual(['CT-1']);
  });

  it('when fewer than 20 results per page are asked, then the client refuses and Linnworks would answer 400', async () => {
    await expect(
      h.client.searchProcessedOrders({
        dateField: 'processed',
        from: FROM,
        to: TO,
        pageNumber: 1,
        resultsPerPage: 19,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const token = await h.sessionToken();

    const res = await h.raw('/api/ProcessedOrders/SearchProcessedOrders', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({
        request: {
          DateField: 'processed',
          FromDate: FROM,
          ToDate: TO,
          PageNumber: 1,
          ResultsPerPage: 19,
        },
      }),
    });

    expect(res.status).toBe(400);
  });

  it('when part of an order ships first, then a child order with the same reference is processed and the rest stays open', async () => {
    const [parentId] = await h.client.createOrders({
      orders: [order('CT-P')],
      location: 'Default',
    });
    h.emulator.control.shipPartial({
      order: 'CT-P',
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      vendor: 'Royal Mail',
      postalServiceName: 'Royal Mail 24',
      trackingNumber: 'RM1',
    });

    const all = await h.client.getOrderDetailsByReferenceId({ referenceId: 'CT-P' });

    expect(all).toHaveLength(2);
    const parent = all.find((o) => o.OrderId === parentId);
    const child = all.find((o) => o.OrderId !== parentId);
    expect(parent).toMatchObject({
      Processed: false,
      GeneralInfo: expect.objectContaining({ PartShipped: true }),
    });
    expect(parent?.Items.map((i) => [i.SKU, i.Quantity])).toEqual([
      ['SKU-1', 1],
      ['SKU-2', 1],
    ]);
    expect(child).toMatchObject({
      Processed: true,
      ShippingInfo: expect.objectContaining({ TrackingNumber: 'RM1', Vendor: 'Royal Mail' }),
    });
    expect(child?.Items.map((i) => [i.SKU, i.Quantity])).toEqual([['SKU-1', 1]]);
    expect(h.emulator.control.getStock('SKU-1')[0]).toMatchObject({ stockLevel: 9, inOrders: 1 });
  });

  it('when postal services are read, then vendor, code and tracking requirement come back', async () => {
    const services = await h.client.getPostalServices();

    expect(
      services.map((s) => [
        s.PostalServiceName,
        s.Vendor,
        s.PostalServiceCode,
        s.TrackingNumberRequired,
      ]),
    ).toEqual([
      ['Royal Mail 24', 'Royal Mail', 'RM24', true],
      ['DPD Next Day', 'DPD', 'DPD1', true],
    ]);
  });
});
