import { type Harness, startHarness } from './emulator-harness';

const FORM = 'application/x-www-form-urlencoded';

describe('Linnworks emulator request encodings (reference §1.3)', () => {
  let h: Harness;
  let token: string;
  let skuId: string;

  beforeEach(async () => {
    h = await startHarness();
    [{ stockItemId: skuId = '' } = { stockItemId: '' }] = h.emulator.control.seedItems([
      { sku: 'SKU-1', stock: { Default: 3 } },
    ]);
    token = await h.sessionToken();
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  const c = () => h.emulator.credentials;

  it('when auth is sent as a form field holding JSON, then a session comes back with Server pointing at the emulator', async () => {
    const body = new URLSearchParams({
      request: JSON.stringify({
        ApplicationId: c().applicationId,
        ApplicationSecret: c().applicationSecret,
        Token: c().installationToken,
      }),
    });

    const res = await h.raw('/api/Auth/AuthorizeByApplication', {
      headers: { 'content-type': FORM },
      body: body.toString(),
    });

    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ Server: h.emulator.url, Locality: 0, TTL: 1800 });
  });

  it('when auth is sent as flat lower-case form fields, then it is accepted', async () => {
    const body = new URLSearchParams({
      applicationId: c().applicationId,
      applicationSecret: c().applicationSecret,
      token: c().installationToken,
    });

    const res = await h.raw('/api/Auth/AuthorizeByApplication', {
      headers: { 'content-type': FORM },
      body: body.toString(),
    });

    expect((res.json as { Token: string }).Token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a wrapped request is sent as a form field, as wrapped JSON or with odd-cased names, then the answers are the same', async () => {
    const form = new URLSearchParams({ request: JSON.stringify({ StockItemIds: [skuId] }) });
    const asForm = await h.raw('/api/Stock/GetStockLevel_Batch', {
      headers: { authorization: token, 'content-type': FORM },
      body: form.toString(),
    });
    const asJson = await h.raw('/api/Stock/GetStockLevel_Batch', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ request: { StockItemIds: [skuId] } }),
    });
    const oddCase = await h.raw('/api/stock/getstocklevel_batch', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ REQUEST: { stockitemids: [skuId] } }),
    });

    expect(asForm.status).toBe(200);
    expect(asJson.json).toEqual(asForm.json);
    expect(oddCase.json).toEqual(asForm.json);
  });

  it('when the emulator is lenient, then an unwrapped body works for a wrapper-requiring endpoint', async () => {
    h.emulator.control.setOptions({ requestWrapping: 'lenient' });

    const res = await h.raw('/api/Stock/GetStockLevel_Batch', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ StockItemIds: [skuId] }),
    });

    expect((res.json as unknown[]).length).toBe(1);
  });

  it('when scalar parameters come in the query string, then a GET works with case-insensitive names', async () => {
    const res = await h.raw(`/api/Stock/GetStockLevel?STOCKITEMID=${skuId}`, {
      method: 'GET',
      headers: { authorization: token },
    });

    expect(res.status).toBe(200);
    expect((res.json as { StockLevel: number }[])[0]?.StockLevel).toBe(3);
  });

  it('when form scalars use .NET spelling, then True, numbers and JSON lists are decoded', async () => {
    const form = new URLSearchParams({
      keyword: '',
      loadCompositeParents: 'True',
      loadVariationParents: 'False',
      entriesPerPage: '10',
      pageNumber: '1',
      dataRequirements: '[0]',
      searchTypes: '[0]',
    });

    const res = await h.raw('/api/Stock/GetStockItemsFull', {
      headers: { authorization: token, 'content-type': FORM },
      body: form.toString(),
    });

    expect(res.status).toBe(200);
    expect((res.json as { StockLevels: unknown[] }[])[0]?.StockLevels).toHaveLength(1);
  });

  it('when SearchOrders is sent with the request wrapper, then the term is not seen (as observed live)', async () => {
    const res = await h.raw('/api/OpenOrders/SearchOrders', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ request: { SearchTerm: 'x' } }),
    });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ Message: 'Must provide a search term.' });
  });

  it('when a body is not valid JSON, then Linnworks answers 400 "The request is invalid."', async () => {
    const res = await h.raw('/api/Orders/CreateOrders', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: '{"orders": [',
    });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({ Message: 'The request is invalid.' });
  });

  it('when an unknown method is called, then the answer is 404 with a Message', async () => {
    const res = await h.raw('/api/Orders/NoSuchMethod', { headers: { authorization: token } });

    expect(res.status).toBe(404);
    expect((res.json as { Message: string }).Message).toContain('No HTTP resource was found');
  });

  it('when an enum is sent as its integer value, then it binds like the name', async () => {
    const order = {
      Source: 'S',
      SubSource: 'SS',
      ReferenceNumber: 'R1',
      ReceivedDate: '2025-05-01T10:00:00Z',
      DispatchBy: '2025-05-02T10:00:00Z',
      PaymentStatus: 1,
      OrderItems: [
        {
          ItemNumber: 'SKU-1',
          ChannelSKU: 'SKU-1',
          ItemTitle: 'x',
          Qty: 1,
          PricePerUnit: 1,
          TaxRate: 0,
          TaxCostInclusive: true,
          UseChannelTax: true,
          LineDiscount: 0,
          IsService: false,
        },
      ],
    };
    const form = new URLSearchParams({ orders: JSON.stringify([order]), location: 'default' });

    const res = await h.raw('/api/Orders/CreateOrders', {
      headers: { authorization: token, 'content-type': FORM },
      body: form.toString(),
    });

    expect(res.status).toBe(200);
    expect(h.emulator.control.getOrder('R1')).toMatchObject({
      GeneralInfo: expect.objectContaining({ Status: 1 }),
    });
  });

  it('when an enum has an unknown name, then model binding fails with 400', async () => {
    const order = {
      Source: 'S',
      SubSource: 'SS',
      ReferenceNumber: 'R2',
      ReceivedDate: '2025-05-01T10:00:00Z',
      DispatchBy: '2025-05-02T10:00:00Z',
      PaymentStatus: 'Settled',
      OrderItems: [{ ItemNumber: 'SKU-1', Qty: 1 }],
    };

    const res = await h.raw('/api/Orders/CreateOrders', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ orders: [order], location: 'Default' }),
    });

    expect(res.status).toBe(400);
  });

  it('when an order is cancelled successfully, then the 2xx body is empty', async () => {
    const order = {
      Source: 'S',
      SubSource: 'SS',
      ReferenceNumber: 'R3',
      ReceivedDate: '2025-05-01T10:00:00Z',
      DispatchBy: '2025-05-02T10:00:00Z',
      OrderItems: [{ ItemNumber: 'SKU-1', ChannelSKU: 'SKU-1', Qty: 1 }],
    };
    const created = await h.raw('/api/Orders/CreateOrders', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ orders: [order], location: 'Default' }),
    });
    const [orderId] = created.json as string[];

    const res = await h.raw('/api/Orders/CancelOrder', {
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({
        orderId,
        fulfilmentCenter: '00000000-0000-0000-0000-000000000000',
        refund: 0,
        note: '',
      }),
    });

    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });
});
