import { channelOrder, type Harness, startHarness } from './emulator-harness';
import {
  checkAgainstModel,
  checkRequestAgainstSdk,
  type EnumForm,
  endpointReturnType,
} from './sdk-models';

/**
 * Every emulator response uses only property names of the official SDK models, enums as their
 * integers (default, as the official samples) or names (`responseEnums: 'name'`), Linnworks
 * dates and lowercase GUIDs (linnworks-sdk-models.json).
 */
describe.each<EnumForm>(['integer', 'name'])(
  'Linnworks emulator responses against the SDK models (%s enums)',
  (enums) => {
    let h: Harness;
    let token: string;
    let orderId: string;
    let cancelledId: string;
    let stockItemId: string;
    const bodies = new Map<string, unknown>();
    let refusedRefund: unknown;

    async function call(endpoint: string, body: unknown): Promise<unknown> {
      const res = await h.raw(`/api/${endpoint}`, {
        headers: { authorization: token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`${endpoint} answered ${res.status}: ${res.text}`);

      return res.json;
    }

    async function get(pathAndQuery: string): Promise<unknown> {
      const res = await fetch(`${h.emulator.url}/api/${pathAndQuery}`, {
        headers: { authorization: token },
      });
      if (res.status !== 200) throw new Error(`${pathAndQuery} answered ${res.status}`);

      return (await res.json()) as unknown;
    }

    beforeAll(async () => {
      h = await startHarness({ responseEnums: enums });
      const control = h.emulator.control;
      control.seedLocations([{ name: 'Leeds' }]);
      [{ stockItemId = '' } = { stockItemId: '' }] = control.seedItems([
        { sku: 'SKU-1', barcode: '5000001', stock: { Default: 5, Leeds: 2 } },
        { sku: 'SKU-2', stock: { Default: 5 } },
      ]);
      control.seedPostalServices([
        { name: 'Royal Mail 24', vendor: 'Royal Mail', code: 'RM24', tag: 'standard' },
      ]);
      const c = h.emulator.credentials;
      const auth = await h.raw('/api/Auth/AuthorizeByApplication', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ApplicationId: c.applicationId,
          ApplicationSecret: c.applicationSecret,
          Token: c.installationToken,
        }),
      });
      bodies.set('Auth/AuthorizeByApplication', auth.json);
      token = (auth.json as { Token: string }).Token;
      const item = (sku: string, qty: number) => ({
        ItemNumber: sku,
        ChannelSKU: sku,
        ItemTitle: sku,
        Qty: qty,
        PricePerUnit: 10,
        TaxRate: 20,
        TaxCostInclusive: true,
        UseChannelTax: true,
        LineDiscount: 0,
        IsService: false,
        Options: [{ Property: 'Colour', Value: 'Blue' }],
      });
      const order = (ref: string) => ({
        Source: 'COMMERCETOOLS',
        SubSource: 'uk',
        ReferenceNumber: ref,
        ReceivedDate: '2025-05-01T10:00:00Z',
        DispatchBy: '2025-05-02T10:00:00Z',
        PaymentStatus: 'Paid',
        MatchPostalServiceTag: 'Royal Mail 24',
        PostalServiceName: 'Royal Mail 24',
        AutomaticallyLinkBySKU: true,
        Currency: 'GBP',
        OrderItems: [item('SKU-1', 2), item('SKU-2', 1)],
        ExtendedProperties: [{ Name: 'ct', Value: '1', Type: 'Info' }],
        Notes: [
          { Note: 'n', NoteEntryDate: '2025-05-01T10:00:00Z', NoteUserName: 'ct', Internal: false },
        ],
      });
      const created = await call('Orders/CreateOrders', {
        orders: [order('R-1'), order('R-2'), order('R-3')],
        location: 'Default',
      });
      bodies.set('Orders/CreateOrders', created);
      [orderId = '', cancelledId = ''] = created as string[];
      control.setPrintFlags({ order: 'R-3', pickListPrinted: true });
      control.processOrder({
        order: orderId,
        trackingNumber: 'T1',
        packages: [
          { trackingNumber: 'T1', lines: [{ sku: 'SKU-1', quantity: 2 }] },
          { trackingNumber: 'T2', lines: [{ sku: 'SKU-2', quantity: 1 }] },
        ],
      });
      control.refundOrder({
        order: orderId,
        lines: [{ sku: 'SKU-1', quantity: 1, amount: 10 }],
        shippingAmount: 1,
      });
      control.returnItems({
        order: orderId,
        type: 'RETURNREFUND',
        lines: [{ sku: 'SKU-2', quantity: 1 }],
        refundAmounts: [10],
      });
      control.cancelOrder({ order: 'R-3', lines: [{ sku: 'SKU-2', quantity: 1 }] });
      await call('Orders/CancelOrder', {
        orderId: cancelledId,
        fulfilmentCenter: '00000000-0000-0000-0000-000000000000',
        refund: 0,
        note: '',
      });
      const range = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
      const paged = {
        searchField: '',
        exactMatch: false,
        searchTerm: '',
        pageNum: 1,
        numEntriesPerPage: 50,
        dateType: 'ALLDATES',
        ...range,
      };

      const unpaid = (await call('Orders/CreateOrders', {
        orders: [{ ...order('R-4'), PaymentStatus: 'Unpaid' }],
        location: 'Default',
      })) as string[];
      bodies.set(
        'Orders/ChangeStatus',
        await call('Orders/ChangeStatus', { orderIds: unpaid, status: 1 }),
      );
      bodies.set(
        'Orders/ChangeOrderTag',
        await call('Orders/ChangeOrderTag', { orderIds: unpaid, tag: null }),
      );
      bodies.set(
        'Orders/GetOrdersById',
        await call('Orders/GetOrdersById', { pkOrderIds: created }),
      );
      bodies.set('Orders/GetOrderById', await call('Orders/GetOrderById', { pkOrderId: orderId }));
      bodies.set(
        'Orders/GetOrderDetailsByReferenceId',
        await call('Orders/GetOrderDetailsByReferenceId', { ReferenceId: 'R-3' }),
      );
      bodies.set('Orders/GetShippingMethods', await call('Orders/GetShippingMethods', {}));
      bodies.set(
        'OpenOrders/SearchOrders',
        await call('OpenOrders/SearchOrders', { SearchTerm: 'R-1', IncludeProcessed: true }),
      );
      bodies.set(
        'ProcessedOrders/SearchProcessedOrders',
        await call('ProcessedOrders/SearchProcessedOrders', {
          request: {
            DateField: 'processed',
            FromDate: range.from,
            ToDate: range.to,
            PageNumber: 1,
            ResultsPerPage: 20,
          },
        }),
      );
      bodies.set(
        'ProcessedOrders/GetPackageSplit',
        await call('ProcessedOrders/GetPackageSplit', { pkOrderId: orderId }),
      );
      bodies.set(
        'ProcessedOrders/GetRefunds',
        await call('ProcessedOrders/GetRefunds', { pkOrderId: orderId }),
      );
      bodies.set(
        'ProcessedOrders/GetReturnsExchanges',
        await call('ProcessedOrders/GetReturnsExchanges', { pkOrderId: orderId }),
      );
      bodies.set(
        'ReturnsRefunds/GetRefundHeadersByOrderId',
        await call('ReturnsRefunds/GetRefundHeadersByOrderId', { request: { OrderId: orderId } }),
      );
      bodies.set(
        'ReturnsRefunds/GetRefundLinesByHeaderId',
        await call('ReturnsRefunds/GetRefundLinesByHeaderId', {
          request: { OrderId: orderId, RefundHeaderId: 1 },
        }),
      );
      const searches = await Promise.all(
        ['RETURNS', 'REFUNDS', 'CANCELLATIONS'].map((historyType) =>
          call('ReturnsRefunds/SearchReturnsRefundsPaged', { ...paged, historyType }),
        ),
      );
      bodies.set('ReturnsRefunds/SearchReturnsRefundsPaged', searches);
      bodies.set('Inventory/GetStockLocations', await call('Inventory/GetStockLocations', {}));
      bodies.set(
        'Inventory/GetStockItemIdsBySKU',
        await call('Inventory/GetStockItemIdsBySKU', { request: { SKUS: ['SKU-1'] } }),
      );
      bodies.set(
        'Stock/GetStockItemsFull',
        await call('Stock/GetStockItemsFull', {
          keyword: '',
          loadCompositeParents: false,
          loadVariationParents: false,
          entriesPerPage: 10,
          pageNumber: 1,
          dataRequirements: ['StockLevels'],
          searchTypes: ['SKU'],
        }),
      );
      bodies.set(
        'Stock/GetStockLevel_Batch',
        await call('Stock/GetStockLevel_Batch', { request: { StockItemIds: [stockItemId] } }),
      );
      bodies.set('Stock/GetStockLevel', await call('Stock/GetStockLevel', { stockItemId }));
      bodies.set(
        'PostalServices/GetPostalServices',
        await call('PostalServices/GetPostalServices', {}),
      );
      await callWrites();
    });

    /** The calls of #14, #15 and #16: open-order edits, open-order list, cancellation, refunds. */
    async function callWrites(): Promise<void> {
      const [openId = ''] = (await call('Orders/CreateOrders', {
        orders: [channelOrder({ ReferenceNumber: 'W-1', SubSource: 'uk' })],
        location: 'Default',
      })) as string[];
      const [details] = (await call('Orders/GetOrdersById', { pkOrderIds: [openId] })) as Array<{
        CustomerInfo: unknown;
        Items: Array<Record<string, unknown>>;
      }>;
      const edit = { orderId: openId, fulfilmentCenter: '00000000-0000-0000-0000-000000000000' };
      const item = details!.Items[0]!;
      bodies.set(
        'Orders/SetOrderCustomerInfo',
        await call('Orders/SetOrderCustomerInfo', { orderId: openId, info: details!.CustomerInfo }),
      );
      bodies.set(
        'Orders/SetOrderShippingInfo',
        await call('Orders/SetOrderShippingInfo', {
          orderId: openId,
          info: { PostalServiceId: null, PostageCost: 2, TrackingNumber: '', ManualAdjust: true },
        }),
      );
      bodies.set(
        'Orders/UpdateOrderItem',
        await call('Orders/UpdateOrderItem', {
          ...edit,
          orderItem: item,
          source: 'COMMERCETOOLS',
          subSource: 'uk',
        }),
      );
      const added = (await call('Orders/AddOrderItem', {
        ...edit,
        itemId: stockItemId,
        channelSKU: 'SKU-1',
        quantity: 1,
      })) as { Item: { RowId: string } };
      bodies.set('Orders/AddOrderItem', added);
      bodies.set(
        'Orders/RemoveOrderItem',
        await call('Orders/RemoveOrderItem', { ...edit, rowid: added.Item.RowId }),
      );
      bodies.set(
        'Orders/GetOpenOrders',
        await call('Orders/GetOpenOrders', {
          entriesPerPage: 10,
          pageNumber: 1,
          filters: {
            DateFields: [
              { FieldCode: 'GENERAL_INFO_DATE', Type: 'Range', DateFrom: '2000-01-01T00:00:00Z' },
            ],
          },
          sorting: [{ FieldCode: 'GENERAL_INFO_DATE', Direction: 'Ascending', Order: 0 }],
        }),
      );
      bodies.set(
        'PostSale/GetCancellationOptions',
        await get(`PostSale/GetCancellationOptions?orderId=${openId}`),
      );
      bodies.set(
        'PostSale/CreateCancellation',
        await call('PostSale/CreateCancellation', {
          request: { OrderId: openId, InternalOnly: true, CreateFullRefund: true },
        }),
      );
      const refund = { OrderId: orderId, ChannelInitiated: true };
      bodies.set(
        'ReturnsRefunds/GetRefundOptions',
        await call('ReturnsRefunds/GetRefundOptions', {
          request: { ...refund, RefundHeaderId: 1 },
        }),
      );
      const booked = (await call('ReturnsRefunds/CreateRefund', {
        request: {
          ...refund,
          RefundLines: [{ RefundedUnit: 'Additional', Amount: 1, ExternalReference: 'x' }],
        },
      })) as { RefundHeaderId: number };
      const refused = await call('ReturnsRefunds/CreateRefund', {
        request: { ...refund, RefundLines: [{ RefundedUnit: 'Shipping', Amount: 99 }] },
      });
      bodies.set('ReturnsRefunds/CreateRefund', booked);
      refusedRefund = refused;
      bodies.set(
        'ReturnsRefunds/ActionRefund',
        await call('ReturnsRefunds/ActionRefund', {
          request: { OrderId: orderId, RefundHeaderId: booked.RefundHeaderId },
        }),
      );
    }

    afterAll(async () => {
      await h.emulator.close();
    });

    const endpoints = [
      'Auth/AuthorizeByApplication',
      'Orders/CreateOrders',
      'Orders/GetOrdersById',
      'Orders/GetOrderById',
      'Orders/GetOrderDetailsByReferenceId',
      'Orders/GetShippingMethods',
      'Orders/ChangeStatus',
      'Orders/ChangeOrderTag',
      'OpenOrders/SearchOrders',
      'ProcessedOrders/SearchProcessedOrders',
      'ProcessedOrders/GetPackageSplit',
      'ProcessedOrders/GetRefunds',
      'ProcessedOrders/GetReturnsExchanges',
      'ReturnsRefunds/GetRefundHeadersByOrderId',
      'ReturnsRefunds/GetRefundLinesByHeaderId',
      'Inventory/GetStockLocations',
      'Inventory/GetStockItemIdsBySKU',
      'Stock/GetStockItemsFull',
      'Stock/GetStockLevel_Batch',
      'Stock/GetStockLevel',
      'PostalServices/GetPostalServices',
      'Orders/SetOrderCustomerInfo',
      'Orders/SetOrderShippingInfo',
      'Orders/AddOrderItem',
      'Orders/UpdateOrderItem',
      'Orders/RemoveOrderItem',
      'Orders/GetOpenOrders',
      'PostSale/GetCancellationOptions',
      'PostSale/CreateCancellation',
      'ReturnsRefunds/GetRefundOptions',
      'ReturnsRefunds/CreateRefund',
      'ReturnsRefunds/ActionRefund',
    ];

    it.each(endpoints)(
      'when %s answers, then it uses only SDK property names, enums in the chosen form, Linnworks dates and GUIDs',
      (endpoint) => {
        const body = bodies.get(endpoint);

        expect(body).toBeDefined();
        expect(JSON.stringify(body).length).toBeGreaterThan(4);
        expect(checkAgainstModel(endpointReturnType(endpoint), body, enums)).toEqual([]);
      },
    );

    it('when a refund is refused, then the answer names the reason and each line error with SDK names', () => {
      expect(refusedRefund).toMatchObject({ RefundHeaderId: null, Errors: [expect.any(String)] });
      const lines = (refusedRefund as { RefundLines: unknown[] }).RefundLines;
      expect(lines).toHaveLength(1);
      expect(
        checkAgainstModel(endpointReturnType('ReturnsRefunds/CreateRefund'), refusedRefund, enums),
      ).toEqual([]);
    });

    it('when a request uses a name the SDK lacks or an enum it does not have, then the request check reports it (the check can fail)', () => {
      expect(
        checkRequestAgainstSdk('Orders/SetOrderShippingInfo', {
          orderId: '00000000-0000-0000-0000-000000000000',
          info: { PostalServiceName: 'DPD' },
        }),
      ).toEqual([
        'Orders/SetOrderShippingInfo.info.PostalServiceName: not a property of UpdateOrderShippingInfoRequest',
      ]);
      expect(
        checkRequestAgainstSdk('Orders/GetOpenOrders', {
          sorting: [{ FieldCode: 'GENERAL_INFO_DATE', Direction: 'Up' }],
          location: 'Default',
        }),
      ).toEqual([
        'Orders/GetOpenOrders.sorting[0].Direction: "Up" is not a ListSortDirection name',
        'Orders/GetOpenOrders.location: not a parameter of Orders/GetOpenOrders',
      ]);
    });

    it('when refund headers are read, then they come without lines, as in the official sample', () => {
      const { RefundHeaders } = bodies.get('ReturnsRefunds/GetRefundHeadersByOrderId') as {
        RefundHeaders: { RefundLines: unknown }[];
      };
      expect(RefundHeaders.length).toBeGreaterThan(0);
      expect(RefundHeaders.every((header) => header.RefundLines === null)).toBe(true);
    });

    it('when returns, refunds and cancellations are searched, then each page uses only ReturnsRefundsWeb names and is not empty', () => {
      const pages = bodies.get('ReturnsRefunds/SearchReturnsRefundsPaged') as { Data: unknown[] }[];

      expect(pages.map((p) => p.Data.length)).toEqual([1, 3, 1]);
      for (const page of pages)
        expect(
          checkAgainstModel(
            endpointReturnType('ReturnsRefunds/SearchReturnsRefundsPaged'),
            page,
            enums,
          ),
        ).toEqual([]);
    });

    it('when the checker meets a misspelt property or an enum in the other form, then it reports them (the check can fail)', () => {
      expect(checkAgainstModel('OrderTotalsInfo', { TotalCharge: 1, UnitCost: 2 })).toEqual([
        '$.UnitCost: not a property of OrderTotalsInfo',
      ]);
      const other = enums === 'integer' ? 'EU' : 0;
      expect(checkAgainstModel('BaseSession', { Locality: other }, enums)).toEqual([
        `$.Locality: ${JSON.stringify(other)} is not a LocalityType ${enums}`,
      ]);
      expect(checkAgainstModel('BaseSession', { Locality: 3 }, 'integer')).toEqual([
        '$.Locality: 3 is not a LocalityType integer',
      ]);
      expect(checkAgainstModel('List<StockItemLevel>', [{ LastUpdateDate: '10/01/2023' }])).toEqual(
        ['$[0].LastUpdateDate: "10/01/2023" is not a Linnworks date'],
      );
    });
  },
);
