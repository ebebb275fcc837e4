import { channelOrder, type Harness, startHarness } from './emulator-harness';

/**
 * The emulator refuses what Linnworks refuses, at its strict defaults, and each switch gives the
 * other reading of the docs (README, "Choices"). Raw HTTP, so nothing of the client is assumed.
 */
describe('the strict Linnworks emulator', () => {
  let h: Harness;
  let token: string;
  const post = (path: string, body: unknown, host?: string) =>
    fetch(`${host ?? h.emulator.url}${path}`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, json: (await res.json()) as unknown }));
  const create = (order: Record<string, unknown>, location: string | null = 'Default') =>
    post('/api/Orders/CreateOrders', {
      orders: [channelOrder(order)],
      ...(location === null ? {} : { location }),
    });
  const details = async (id: string) =>
    (
      (await post('/api/Orders/GetOrdersById', { pkOrderIds: [id] })).json as Array<{
        GeneralInfo: Record<string, unknown>;
        ShippingInfo: Record<string, unknown>;
        TotalsInfo: Record<string, number>;
        Items: Array<Record<string, unknown>>;
      }>
    )[0]!;

  async function start(options: Parameters<typeof startHarness>[0] = {}) {
    h = await startHarness({ rateLimits: false, ...options });
    h.emulator.control.seedLocations([
      { name: 'Leeds', id: 'a5f2b1c4-0000-4000-8000-000000000001' },
    ]);
    h.emulator.control.seedItems([{ sku: 'SKU-1', stock: { Default: 10 } }]);
    h.emulator.control.seedPostalServices([
      { name: 'Royal Mail 24', vendor: 'Royal Mail', tag: 'rm24' },
    ]);
    token = await h.sessionToken();
  }

  afterEach(async () => {
    await h.emulator.close();
  });

  describe('hosts', () => {
    it('when auth is called on the data host or data on the auth host, then 404; with one host, both work', async () => {
      await start();
      expect(h.emulator.authUrl).not.toBe(h.emulator.url);
      const auth = await post('/api/Auth/AuthorizeByApplication', {}, h.emulator.url);
      const data = await post('/api/Inventory/GetStockLocations', {}, h.emulator.authUrl);
      expect([auth.status, data.status]).toEqual([404, 404]);
      await h.emulator.close();

      await start({ separateAuthHost: false });
      expect(h.emulator.authUrl).toBe(h.emulator.url);
      expect((await post('/api/Inventory/GetStockLocations', {})).status).toBe(200);
    });
  });

  describe('CreateOrders location', () => {
    it('when the location is missing, then 400; with missingLocation default, Default and a warning', async () => {
      await start();
      expect(await create({}, null)).toEqual({
        status: 400,
        json: { Message: 'location is required' },
      });
      await h.emulator.close();

      await start({ missingLocation: 'default' });
      expect((await create({}, null)).status).toBe(200);
      expect(h.emulator.control.warnings()).toEqual([
        expect.objectContaining({ endpoint: 'Orders/CreateOrders' }),
      ]);
    });

    it('when the location is given by id, then 400: CreateOrders takes a name (case-insensitive)', async () => {
      await start();
      const byId = await create({}, 'a5f2b1c4-0000-4000-8000-000000000001');
      expect(byId.status).toBe(400);
      expect((await create({ ReferenceNumber: 'CT-2' }, 'leeds')).status).toBe(200);
    });
  });

  describe('request wrappers', () => {
    const search = {
      DateField: 'processed',
      FromDate: '2025-01-01T00:00:00Z',
      ToDate: '2025-01-02T00:00:00Z',
      PageNumber: 1,
      ResultsPerPage: 20,
    };

    it('when a request method gets an unwrapped body, then 400 (strict); observed: 400 where seen, else a warning; lenient: accepted', async () => {
      await start();
      const missing = { Message: "'request' parameter is missing" };
      expect(await post('/api/ProcessedOrders/SearchProcessedOrders', search)).toEqual({
        status: 400,
        json: missing,
      });
      await h.emulator.close();

      await start({ requestWrapping: 'observed' });
      expect((await post('/api/ProcessedOrders/SearchProcessedOrders', search)).status).toBe(200);
      const headers = await post('/api/ReturnsRefunds/GetRefundHeadersByOrderId', { OrderId: 'x' });
      expect(headers).toEqual({ status: 400, json: missing });
      expect(h.emulator.control.warnings().map((w) => w.endpoint)).toEqual([
        'ProcessedOrders/SearchProcessedOrders',
      ]);
      await h.emulator.close();

      await start({ requestWrapping: 'lenient' });
      expect((await post('/api/ProcessedOrders/SearchProcessedOrders', search)).status).toBe(200);
      expect(h.emulator.control.warnings()).toEqual([]);
    });

    it('when SearchOrders is wrapped, then Linnworks does not see the term (400) unless lenient', async () => {
      await start();
      const wrapped = await post('/api/OpenOrders/SearchOrders', { request: { SearchTerm: 'x' } });
      expect(wrapped).toEqual({ status: 400, json: { Message: 'Must provide a search term.' } });
    });
  });

  describe('postal service', () => {
    it('when MatchPostalServiceTag is a service name, then that service; a tag or only PostalServiceName, then the default service', async () => {
      await start();
      const ids = await Promise.all(
        [
          { ReferenceNumber: 'A', MatchPostalServiceTag: 'Royal Mail 24' },
          { ReferenceNumber: 'B', MatchPostalServiceTag: 'rm24' },
          { ReferenceNumber: 'C', MatchPostalServiceTag: undefined },
        ].map(async (o) => ((await create(o)).json as string[])[0]!),
      );
      const names = await Promise.all(ids.map(async (id) => (await details(id)).ShippingInfo));
      expect(names.map((s) => [s.PostalServiceName, s.Vendor])).toEqual([
        ['Royal Mail 24', 'Royal Mail'],
        ['Default', 'Default'],
        ['Default', 'Default'],
      ]);
    });

    it('when nothing matches and SavePostalServiceIfNotExist is true, then a service named PostalServiceName is saved', async () => {
      await start();
      const res = await create({
        MatchPostalServiceTag: 'Courier X',
        PostalServiceName: 'Courier X',
        SavePostalServiceIfNotExist: true,
      });
      expect((await details((res.json as string[])[0]!)).ShippingInfo.PostalServiceName).toBe(
        'Courier X',
      );
    });
  });

  describe('items', () => {
    it('when two items share an ItemNumber, then the later overwrites the earlier and a warning names it', async () => {
      await start();
      const item = channelOrder().OrderItems[0]!;
      const res = await create({
        OrderItems: [
          { ...item, ItemNumber: 'line-1', Qty: 1, PricePerUnit: 9.99 },
          { ...item, ItemNumber: 'line-1', Qty: 2, PricePerUnit: 10 },
        ],
      });
      const order = await details((res.json as string[])[0]!);
      expect(order.Items.map((i) => [i.ItemNumber, i.Quantity])).toEqual([['line-1', 2]]);
      expect(h.emulator.control.warnings()[0]?.message).toMatch(/ItemNumber line-1 sent twice/);
    });

    it('when ItemNumber equals a SKU but ChannelSKU does not, then the line is not linked: SKUs link by ChannelSKU', async () => {
      await start();
      const item = channelOrder().OrderItems[0]!;
      const res = await create({ OrderItems: [{ ...item, ItemNumber: 'SKU-1', ChannelSKU: 'X' }] });
      expect((await details((res.json as string[])[0]!)).Items[0]).toMatchObject({
        IsUnlinked: true,
      });
    });
  });

  describe('money', () => {
    it('when postage tax sits on a half cent, then .NET half-even rounding applies; half-away behind the switch', async () => {
      await start();
      const id = ((await create({})).json as string[])[0]!;
      expect((await details(id)).TotalsInfo).toMatchObject({ PostageCostExTax: 3.33, Tax: 4.66 });
      await h.emulator.close();

      await start({ moneyRounding: 'half-away' });
      const away = ((await create({})).json as string[])[0]!;
      expect((await details(away)).TotalsInfo).toMatchObject({ PostageCostExTax: 3.32, Tax: 4.67 });
    });

    it('when PostalServiceDiscount is 20, then it is a percentage that leaves PostageCost alone and shows in TotalDiscount', async () => {
      await start();
      const id = (
        (await create({ PostalServiceCost: 4, PostalServiceDiscount: 20 })).json as string[]
      )[0]!;
      expect((await details(id)).TotalsInfo).toMatchObject({ PostageCost: 4, TotalDiscount: 1 });
    });

    it('when no ConversionRate is sent, then the tenant rate of the currency is set at save; a sent rate is kept', async () => {
      await start();
      const eur = ((await create({ Currency: 'EUR' })).json as string[])[0]!;
      const sent = (
        (await create({ ReferenceNumber: 'R', ConversionRate: 2 })).json as string[]
      )[0]!;
      expect((await details(eur)).TotalsInfo.ConversionRate).toBe(1.17);
      expect((await details(sent)).TotalsInfo.ConversionRate).toBe(2);
    });
  });

  describe('paid later', () => {
    it('when an unpaid order is re-sent as paid, then it stays unpaid and parked; resendMarksPaid gives the other reading', async () => {
      await start();
      const [id] = (await create({ PaymentStatus: 'Unpaid' })).json as string[];
      await create({ PaymentStatus: 'Paid' });
      expect((await details(id!)).GeneralInfo).toMatchObject({ Status: 0, IsParked: true });
      await h.emulator.close();

      await start({ resendMarksPaid: true });
      const [other] = (await create({ PaymentStatus: 'Unpaid' })).json as string[];
      await create({ PaymentStatus: 'Paid' });
      expect((await details(other!)).GeneralInfo).toMatchObject({ Status: 1, IsParked: false });
    });

    it('when the tag of a parked UNPAID order is removed, then it stays parked and is left out of the answer', async () => {
      await start();
      const [id] = (await create({ PaymentStatus: 'Unpaid' })).json as string[];
      const tag = await post('/api/Orders/ChangeOrderTag', { orderIds: [id], tag: null });
      expect(tag.json).toEqual([]);
      expect((await details(id!)).GeneralInfo).toMatchObject({ IsParked: true, Marker: 7 });
      await post('/api/Orders/ChangeStatus', { orderIds: [id], status: 1 });
      expect(
        (await post('/api/Orders/ChangeOrderTag', { orderIds: [id], tag: null })).json,
      ).toEqual([id]);
      expect((await details(id!)).GeneralInfo).toMatchObject({ Status: 1, IsParked: false });
    });
  });

  describe('refund headers', () => {
    it('when headers are read, then RefundLines is null; included behind the switch', async () => {
      await start({ refundHeaderLines: 'included' });
      const [id] = (await create({})).json as string[];
      h.emulator.control.processOrder({ order: id!, trackingNumber: 'T' });
      h.emulator.control.refundOrder({
        order: id!,
        lines: [{ sku: 'SKU-1', quantity: 1, amount: 1 }],
      });
      const res = await post('/api/ReturnsRefunds/GetRefundHeadersByOrderId', {
        request: { OrderId: id },
      });
      const [header] = (res.json as { RefundHeaders: Array<{ RefundLines: unknown[] }> })
        .RefundHeaders;
      expect(header?.RefundLines).toHaveLength(1);
    });
  });
});
