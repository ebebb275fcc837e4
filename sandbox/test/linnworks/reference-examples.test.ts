import { normaliseLinnworksDate } from 'shared';

import { fakeClock, type Harness, startHarness } from './emulator-harness';
import { LW_DATE } from './sdk-models';

/** The request example of reference §3.1, verbatim (placeholders and all). */
const CREATE_ORDERS_EXAMPLE = `{"location":"Default","orders":[{
  "Source":"COMMERCETOOLS","SubSource":"ct-store-uk","ReferenceNumber":"CT-100045","ExternalReference":"9d1c…ct-order-id","SecondaryReferenceNumber":"",
  "ChannelBuyerName":"jane@example.com","Site":"","Currency":"GBP","ConversionRate":1,
  "ReceivedDate":"2025-05-01T10:15:00Z","PaidOn":"2025-05-01T10:15:05Z","DispatchBy":"2025-05-02T17:00:00Z",
  "PaymentStatus":"Paid","MatchPaymentMethodTag":"card","PaymentMethodName":"Card","SavePaymentMethodIfNotExist":false,
  "MatchPostalServiceTag":"standard","PostalServiceName":"Royal Mail 24","SavePostalServiceIfNotExist":false,
  "PostalServiceCost":3.99,"PostalServiceTaxRate":20,"PostalServiceDiscount":0,"Discount":0,"DiscountType":"AllEvenly","DiscountTaxType":"DeductAfterTax",
  "UseChannelTax":true,"AutomaticallyLinkBySKU":true,"OrderState":"None",
  "DeliveryAddress":{"FullName":"Jane Smith","Company":"","Address1":"1 High St","Address2":"","Address3":"","Town":"Leeds","Region":"West Yorkshire","PostCode":"LS1 1AA","Country":"United Kingdom","MatchCountryCode":"GB","PhoneNumber":"+44…","EmailAddress":"jane@example.com"},
  "BillingAddress":{"…same shape…":""},
  "OrderItems":[{"ItemNumber":"SKU-123","ChannelSKU":"SKU-123","ItemTitle":"Blue mug","Qty":2,"PricePerUnit":12.00,"TaxRate":20,"TaxCostInclusive":true,"UseChannelTax":true,"LineDiscount":0,"IsService":false,"ChannelReferenceId":"ct-line-item-id","Options":[{"Property":"Colour","Value":"Blue"}]}],
  "ExtendedProperties":[{"Name":"ct_order_id","Value":"9d1c…","Type":"Info"}],
  "Notes":[{"Note":"Gift wrap","NoteEntryDate":"2025-05-01T10:15:00Z","NoteUserName":"commercetools","Internal":false}]
}]}`;

/** The request example of reference §5.2, verbatim. */
const SEARCH_PROCESSED_EXAMPLE = `{"request":{"DateField":"processed","FromDate":"2025-05-01T09:55:00Z","ToDate":"2025-05-01T10:10:00Z","PageNumber":1,"ResultsPerPage":200,
 "SearchFilters":[{"SearchField":"Source","SearchTerm":"COMMERCETOOLS"}],"SearchSorting":{"SortField":"dProcessedOn","SortDirection":"ASC"}}}`;

describe('Reference examples round-trip through the emulator', () => {
  let h: Harness;
  let token: string;
  const json = (body: string) => ({
    headers: { authorization: token, 'content-type': 'application/json' },
    body,
  });

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedItems([{ sku: 'SKU-123', title: 'Blue mug', stock: { Default: 10 } }]);
    h.emulator.control.seedPostalServices([
      { name: 'Royal Mail 24', vendor: 'Royal Mail', tag: 'standard', code: 'RM24' },
    ]);
    token = await h.sessionToken();
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when the §1.1 auth request is sent to the auth host, then the answer has the minimal BaseSession fields, Server being the data host and Locality an integer as in the official sample', async () => {
    const c = h.emulator.credentials;
    const res = await h.raw('/api/Auth/AuthorizeByApplication', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ApplicationId: c.applicationId,
        ApplicationSecret: c.applicationSecret,
        Token: c.installationToken,
      }),
    });

    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(res.json as object)).toEqual(
      expect.arrayContaining([
        'Token',
        'Server',
        'TTL',
        'Locality',
        'UserId',
        'EntityId',
        'Id',
        'Email',
        'UserName',
      ]),
    );
    expect(res.json).toMatchObject({
      Server: h.emulator.url,
      TTL: 1800,
      Locality: 0,
      Email: 'dev@example.com',
      UserName: 'dev',
    });
  });

  it('when the §3.1 CreateOrders example is sent, then every field comes back under its OrderDetails name', async () => {
    const created = await h.raw('/api/Orders/CreateOrders', json(CREATE_ORDERS_EXAMPLE));
    expect(created.status).toBe(200);
    const ids = created.json as string[];
    expect(ids).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);

    const read = await h.raw(
      '/api/Orders/GetOrdersById',
      json(JSON.stringify({ pkOrderIds: ids })),
    );
    const [details] = read.json as Record<string, Record<string, unknown>>[];

    expect(details?.GeneralInfo).toMatchObject({
      Status: 1,
      ReferenceNum: 'CT-100045',
      ExternalReferenceNum: '9d1c…ct-order-id',
      Source: 'COMMERCETOOLS',
      SubSource: 'ct-store-uk',
      ReceivedDate: '2025-05-01T10:15:00.0000000+00:00',
      DespatchByDate: '2025-05-02T17:00:00.0000000+00:00',
      IsParked: false,
      HoldOrCancel: false,
      Notes: 1,
    });
    expect(details?.PaidDateTime).toBe('2025-05-01T10:15:05.0000000+00:00');
    // MatchPostalServiceTag "standard" is matched by name (SDK); no service is named so, so the
    // order gets the default service. PostalServiceName is only for saving new services.
    expect(details?.ShippingInfo).toMatchObject({
      PostalServiceName: 'Default',
      Vendor: 'Default',
      PostageCost: 3.99,
    });
    expect(details?.CustomerInfo).toMatchObject({
      ChannelBuyerName: 'jane@example.com',
      Address: expect.objectContaining({
        FullName: 'Jane Smith',
        Town: 'Leeds',
        PostCode: 'LS1 1AA',
        Country: 'United Kingdom',
      }),
    });
    expect(details?.TotalsInfo).toMatchObject({
      Subtotal: 20,
      Tax: 4.66,
      TotalCharge: 27.99,
      PaymentMethod: 'Card',
      Currency: 'GBP',
      ConversionRate: 1,
    });
    expect(details?.Items).toEqual([
      expect.objectContaining({
        ItemNumber: 'SKU-123',
        ChannelSKU: 'SKU-123',
        SKU: 'SKU-123',
        Title: 'Blue mug',
        Quantity: 2,
        PricePerUnit: 12,
        TaxRate: 20,
        IsUnlinked: false,
        AdditionalInfo: [expect.objectContaining({ Property: 'Colour', Value: 'Blue' })],
      }),
    ]);
    expect(details?.ExtendedProperties).toEqual([
      expect.objectContaining({ Name: 'ct_order_id', Value: '9d1c…', Type: 'Info' }),
    ]);
    expect(details?.Notes).toEqual([
      expect.objectContaining({
        Note: 'Gift wrap',
        CreatedBy: 'commercetools',
        Internal: false,
        NoteDate: '2025-05-01T10:15:00.0000000+00:00',
      }),
    ]);
  });

  it('when the §3.1 example is sent in the form alternative, then the same order is saved', async () => {
    const { orders } = JSON.parse(CREATE_ORDERS_EXAMPLE) as { orders: unknown[] };
    const form = new URLSearchParams({ orders: JSON.stringify(orders), location: 'Default' });

    const res = await h.raw('/api/Orders/CreateOrders', {
      headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });

    expect(res.status).toBe(200);
    expect(h.emulator.control.getOrder('CT-100045')).toMatchObject({
      GeneralInfo: expect.objectContaining({ ReferenceNum: 'CT-100045' }),
    });
  });

  it('when the §5.2 SearchProcessedOrders example is sent, then the processed order in its window comes back wrapped in ProcessedOrders', async () => {
    await h.raw('/api/Orders/CreateOrders', json(CREATE_ORDERS_EXAMPLE));
    h.emulator.control.processOrder({
      order: 'CT-100045',
      trackingNumber: 'RM123456785GB',
      processedOn: '2025-05-01T10:05:00Z',
    });

    const res = await h.raw(
      '/api/ProcessedOrders/SearchProcessedOrders',
      json(SEARCH_PROCESSED_EXAMPLE),
    );

    const page = (res.json as { ProcessedOrders: { Data: Record<string, unknown>[] } })
      .ProcessedOrders;
    expect(page).toMatchObject({
      PageNumber: 1,
      EntriesPerPage: 200,
      TotalEntries: 1,
      TotalPages: 1,
    });
    expect(page.Data[0]).toMatchObject({
      ReferenceNum: 'CT-100045',
      Source: 'COMMERCETOOLS',
      PostalTrackingNumber: 'RM123456785GB',
      Vendor: 'Default',
      PostalServiceName: 'Default',
      dProcessedOn: '2025-05-01T10:05:00.0000000+00:00',
      dCancelledOn: '0001-01-01T00:00:00',
      HoldOrCancel: false,
      nStatus: 1,
    });
  });

  it('when the documented date format is read, then it matches the DOC sample and the client normalises it to UTC', () => {
    expect('2023-01-10T13:49:45.6295598+00:00').toMatch(LW_DATE);
    expect(normaliseLinnworksDate('2023-01-10T13:49:45.6295598+00:00')).toBe(
      '2023-01-10T13:49:45.629Z',
    );
    expect(normaliseLinnworksDate('2023-01-10T13:49:45.63')).toBe('2023-01-10T13:49:45.630Z');
    expect(normaliseLinnworksDate('0001-01-01T00:00:00')).toBeNull();
  });

  it('when an endpoint is called past its documented per-minute limit, then the 429 body is the documented quota message', async () => {
    const clock = fakeClock();
    const limited = await startHarness({ now: clock.date });
    try {
      const t = await limited.sessionToken();
      const call = (endpoint: string) =>
        limited.raw(`/api/${endpoint}`, { headers: { authorization: t } });
      for (let i = 0; i < 150; i++)
        expect(
          (await call('Stock/GetStockItemsFull?entriesPerPage=1&pageNumber=1')).status,
        ).not.toBe(429);
      const over = await call('Stock/GetStockItemsFull?entriesPerPage=1&pageNumber=1');
      expect(over.status).toBe(429);
      expect(over.json).toEqual({
        Message: 'API calls quota exceeded! Maximum admitted 150 per Minute.',
      });
      expect(over.headers.get('retry-after')).toBeNull();

      for (let i = 0; i < 250; i++)
        await call('Stock/GetStockLevel_Batch?request={"StockItemIds":[]}');
      const batch = await call('Stock/GetStockLevel_Batch?request={"StockItemIds":[]}');
      expect(batch.json).toEqual({
        Message: 'API calls quota exceeded! Maximum admitted 250 per Minute.',
      });

      clock.advance(60_001);
      expect((await call('Stock/GetStockItemsFull?entriesPerPage=1&pageNumber=1')).status).not.toBe(
        429,
      );
    } finally {
      await limited.emulator.close();
    }
  });
});
