import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import axios, { type AxiosAdapter } from 'axios';

import { LinnworksClient } from '../../src/linnworks/linnworks.client';
import { unlimitedRateBudget } from '../../testing/rate-budget';

/**
 * The sample responses of Linnworks' own method pages (fixtures/method-pages, see its README)
 * go through the real client: enums arrive as integers and are read as the SDK's names, and
 * refund headers arrive without lines.
 */
const SAMPLES = join(__dirname, 'fixtures', 'method-pages');
const sample = (name: string): string => readFileSync(join(SAMPLES, `${name}.json`), 'utf8');
const AUTH = sample('Auth-AuthorizeByApplication');

/** A client whose HTTP answers the official auth sample (Server rewritten) and `body` for data. */
function clientAnswering(body: string) {
  const endpoints: string[] = [];
  const adapter: AxiosAdapter = async (config) => {
    const url = String(config.url);
    const data = url.includes('/Auth/AuthorizeByApplication')
      ? AUTH.replace('"sample string 20"', '"https://eu-ext.example"')
      : body;
    if (!url.includes('/Auth/')) endpoints.push(url.replace('https://eu-ext.example/api/', ''));

    return { data, status: 200, statusText: 'OK', headers: {}, config };
  };
  const client = new LinnworksClient({
    config: {
      applicationId: 'f2d6d944-b698-4776-bfc8-3d76c1d122c9',
      applicationSecret: '344ef882-043e-40c9-b2ab-e5be49226c68',
      installationToken: 'eda49e47-ea27-40fe-a760-03433040e56a',
      authUrl: 'https://api.example',
    },
    http: axios.create({ adapter }),
    rateBudget: unlimitedRateBudget,
    retry: { maxAttempts: 1 },
  });

  return { client, endpoints };
}

describe('official method-page samples through the client', () => {
  it('when the GetRefundHeadersByOrderId sample is read, then StatusHeader 0 is OPEN and the missing lines stay null', async () => {
    const { client } = clientAnswering(sample('ReturnsRefunds-GetRefundHeadersByOrderId'));
    const [header] = await client.getRefundHeadersByOrderId({ orderId: 'o' });
    expect(header).toMatchObject({
      RefundHeaderId: 1,
      Status: 'OPEN',
      Actioned: true,
      Amount: 7,
      RefundLines: null,
    });
  });

  it('when the GetRefundLinesByHeaderId samples are read, then RefundedUnit 0 is Item and null lines are none', async () => {
    const withLines = clientAnswering(sample('ReturnsRefunds-GetRefundLinesByHeaderId.with-lines'));
    const [line] = await withLines.client.getRefundLinesByHeaderId({
      orderId: 'o',
      refundHeaderId: 1,
    });
    expect(line).toMatchObject({
      RefundRowId: 'c0186adc-b18f-4a0f-a6d5-0160ff35ccc0',
      RefundedUnit: 'Item',
      RefundedItem: { OrderItemRowId: '0e7490b6-2aa5-4b0e-b62f-231fafb5e448' },
    });
    const current = clientAnswering(sample('ReturnsRefunds-GetRefundLinesByHeaderId'));
    await expect(
      current.client.getRefundLinesByHeaderId({ orderId: 'o', refundHeaderId: 1 }),
    ).resolves.toEqual([]);
  });

  it('when the GetReturnsExchanges sample is read, then RowType 0 is UNKNOWN', async () => {
    const { client } = clientAnswering(sample('ProcessedOrders-GetReturnsExchanges'));
    const [row] = await client.getReturnsExchanges({ orderId: 'o' });
    expect(row).toMatchObject({ pkReturnId: 1, RowType: 'UNKNOWN', ReturnQty: 14 });
  });

  it('when a RefundInfo sample is read through GetRefunds, then RefundStatus 0 is OPEN', async () => {
    const { client } = clientAnswering(sample('ProcessedOrders-RefundShipping'));
    const [row] = await client.getRefunds({ orderId: 'o' });
    expect(row).toMatchObject({ RefundStatus: 'OPEN', Amount: 5.1, IsItem: true });
  });

  it('when the SearchReturnsRefundsPaged sample is read, then the page and its row parse', async () => {
    const { client } = clientAnswering(sample('ReturnsRefunds-SearchReturnsRefundsPaged'));
    const page = await client.searchReturnsRefunds({
      historyType: 'REFUNDS',
      dateType: 'ACTIONED',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-02T00:00:00Z',
      pageNumber: 1,
      entriesPerPage: 2,
    });
    expect(page).toMatchObject({ TotalPages: 2, Data: [{ pkOrderID: expect.any(String) }] });
  });

  it('when the GetOrderById sample is read through GetOrdersById, then StockAllocationType 0 is NotAllocated', async () => {
    const { client } = clientAnswering(`[${sample('Orders-GetOrderById')}]`);
    const [order] = await client.getOrdersById({ orderIds: ['o'] });
    expect(order?.GeneralInfo).toMatchObject({
      Status: 1,
      IsParked: true,
      StockAllocationType: 'NotAllocated',
    });
  });

  it('when the ProcessedOrderWeb sample is a SearchProcessedOrders row, then it parses', async () => {
    const row = JSON.parse(sample('ProcessedOrders-GetOrderInfo')) as unknown;
    const page = { PageNumber: 1, EntriesPerPage: 20, TotalEntries: 1, TotalPages: 1, Data: [row] };
    const { client } = clientAnswering(JSON.stringify({ ProcessedOrders: page }));
    const result = await client.searchProcessedOrders({
      dateField: 'processed',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-02T00:00:00Z',
      pageNumber: 1,
      resultsPerPage: 20,
    });
    expect(result.Data[0]).toMatchObject({ nOrderId: 14, PostalServiceName: 'sample string 20' });
  });

  it('when the GetStockLevel_Batch sample is read, then each level parses', async () => {
    const { client } = clientAnswering(sample('Stock-GetStockLevel_Batch'));
    const [entry] = await client.getStockLevelBatch({ stockItemIds: ['i'] });
    expect(entry?.StockItemLevels[0]).toMatchObject({ StockLevel: 1, InOrders: 4, Available: -3 });
  });

  it('when the ChangeOrderTag sample is read, then the changed ids come back', async () => {
    const { client, endpoints } = clientAnswering(sample('Orders-ChangeOrderTag'));
    await expect(client.changeOrderTag({ orderIds: ['o'], tag: null })).resolves.toEqual([
      '7035dd8e-7382-48ed-98b3-7e5c8031a0be',
    ]);
    expect(endpoints).toEqual(['Orders/ChangeOrderTag']);
  });
});

describe('official method-page samples of the post-sale writes through the client', () => {
  it('when the CreateRefund sample is read, then StatusHeader 0 is OPEN, CannotRefundReason 0 is None, and its Errors make it a refusal', async () => {
    const { client } = clientAnswering(sample('ReturnsRefunds-CreateRefund'));
    const args = {
      orderId: 'o',
      channelInitiated: true,
      lines: [{ RefundedUnit: 'Additional' as const, Amount: 1 }],
    };

    await expect(client.createRefund(args)).rejects.toMatchObject({
      code: 'LINNWORKS_REFUND_REFUSED',
      details: { cannotRefundReason: 'None', errors: ['sample string 1'] },
    });
    const clean = sample('ReturnsRefunds-CreateRefund').replace(
      /"Errors": \[[^\]]*\]/,
      '"Errors": []',
    );
    await expect(clientAnswering(clean).client.createRefund(args)).resolves.toMatchObject({
      RefundHeaderId: 1,
      RefundReference: 'sample string 1',
      Status: 'OPEN',
      CannotRefundReason: 'None',
      RefundLines: [],
    });
  });

  it('when the ActionRefund sample is read, then it is a success with its header', async () => {
    const { client } = clientAnswering(sample('ReturnsRefunds-ActionRefund'));
    await expect(client.actionRefund({ orderId: 'o', refundHeaderId: 1 })).resolves.toMatchObject({
      SuccessfullyActioned: true,
      RefundHeaderId: 1,
      Status: 'OPEN',
    });
  });

  it('when the GetCancellationOptions sample is read, then its flags and errors parse', async () => {
    const { client, endpoints } = clientAnswering(sample('PostSale-GetCancellationOptions'));
    await expect(client.getCancellationOptions({ orderId: 'o' })).resolves.toMatchObject({
      CanCancelInternally: true,
      CanCancelOrderLines: false,
      CancelFreeTextOrNoteMaxLength: 255,
      Errors: ['The ConnectionString property has not been initialized.'],
    });
    expect(endpoints).toEqual(['PostSale/GetCancellationOptions']);
  });
});

describe('enum values outside the SDK enum', () => {
  it('when StatusHeader is 9, then the client fails with LINNWORKS_UNEXPECTED_RESPONSE naming the field and the value', async () => {
    const body = sample('ReturnsRefunds-GetRefundHeadersByOrderId').replace(
      '"StatusHeader": 0',
      '"StatusHeader": 9',
    );
    const { client } = clientAnswering(body);
    const failure = client.getRefundHeadersByOrderId({ orderId: 'o' });
    await expect(failure).rejects.toMatchObject({
      code: 'LINNWORKS_UNEXPECTED_RESPONSE',
      details: { issues: [{ field: 'RefundHeaders.0.Status.StatusHeader' }] },
    });
    await expect(failure).rejects.toThrow(
      /RefundHeaders\.0\.Status\.StatusHeader: unknown PostSaleStatusType value 9/,
    );
  });

  it('when RefundedUnit is a name Linnworks does not have, then the error names it', async () => {
    const body = sample('ReturnsRefunds-GetRefundLinesByHeaderId.with-lines').replace(
      '"RefundedUnit": 0',
      '"RefundedUnit": "Voucher"',
    );
    const { client } = clientAnswering(body);
    await expect(
      client.getRefundLinesByHeaderId({ orderId: 'o', refundHeaderId: 1 }),
    ).rejects.toThrow(/RefundLines\.0\.RefundedUnit: unknown RefundUnitType value "Voucher"/);
  });

  it.each([
    [0, 'OPEN'],
    [1, 'PROCESSED'],
    [2, 'ERROR'],
    [3, 'ERROR_ACKED'],
    [4, 'PENDING'],
    ['PENDING', 'PENDING'],
    ['processed', 'PROCESSED'],
    ['3', 'ERROR_ACKED'],
  ])('when StatusHeader is %p, then it reads as %s (SDK member order)', async (value, name) => {
    const body = sample('ReturnsRefunds-GetRefundHeadersByOrderId').replace(
      '"StatusHeader": 0',
      `"StatusHeader": ${JSON.stringify(value)}`,
    );
    const { client } = clientAnswering(body);
    const [header] = await client.getRefundHeadersByOrderId({ orderId: 'o' });
    expect(header?.Status).toBe(name);
  });
});
