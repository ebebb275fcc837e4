import {
  type LinnworksChannelOrder,
  type LinnworksNewRefundLine,
  type LinnworksOrderDetails,
  type PermanentUpstreamError,
  ValidationError,
} from 'shared';

import { ZERO_GUID } from '../../linnworks-emulator/src';
import { channelOrder, type Harness, startHarness } from './emulator-harness';

/**
 * Cancellations and refunds written to Linnworks (#16) against the strict emulator: refunds
 * only on processed orders, never beyond what was paid per line, booked then actioned, and not
 * deduplicated; cancellations whole, in Linnworks only, over GET-only options.
 */
describe('Linnworks money back', () => {
  let h: Harness;
  let order: LinnworksOrderDetails;

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedItems([{ sku: 'SKU-1', stock: { Default: 10 } }]);
    const [id = ''] = await h.client.createOrders({
      orders: [channelOrder() as LinnworksChannelOrder],
      location: 'Default',
    });
    [order] = (await h.client.getOrdersById({ orderIds: [id] })) as [LinnworksOrderDetails];
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  const orderId = () => order.OrderId;
  const item = (fields: Partial<LinnworksNewRefundLine> = {}): LinnworksNewRefundLine => ({
    RefundedUnit: 'Item',
    OrderItemRowId: order.Items[0]!.RowId,
    Amount: 12,
    Quantity: 1,
    ExternalReference: 'ct-tx-1',
    ...fields,
  });
  const refused = (lines: LinnworksNewRefundLine[]) =>
    h.client
      .createRefund({ orderId: orderId(), channelInitiated: true, lines })
      .then(() => undefined)
      .catch((error: unknown) => (error as PermanentUpstreamError).details);
  const ship = () => h.emulator.control.processOrder({ order: orderId(), trackingNumber: 'T' });

  describe('cancellation', () => {
    it('when the options are asked with POST, then 405 as the method page allows GET only; the client asks with GET', async () => {
      const post = await h.api('PostSale/GetCancellationOptions', { orderId: orderId() });

      expect(post).toEqual({
        status: 405,
        json: { Message: "The requested resource does not support http method 'POST'." },
      });
      expect(await h.client.getCancellationOptions({ orderId: orderId() })).toMatchObject({
        CanCancelInternally: true,
        CanCancel: false,
        CanCancelOrderLines: false,
        CanCancelPartially: false,
        Errors: [],
      });
    });

    it('when a channel cancellation is asked for a source without a channel, then it is refused and the order stays open', async () => {
      const error = await h.client
        .createCancellation({ orderId: orderId(), internalOnly: false })
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ code: 'LINNWORKS_CANCEL_REJECTED' });
      expect((await h.client.getOrdersById({ orderIds: [orderId()] }))[0]?.Processed).toBe(false);
    });

    it('when the open order is cancelled with a full refund, then it is cancelled whole, its stock released, the refund booked as a cancellation; again, refused', async () => {
      const result = await h.client.createCancellation({
        orderId: orderId(),
        note: 'asked',
        createFullRefund: true,
        refundReference: 'ct-cancel-1',
      });

      expect(result).toMatchObject({ Status: 'PROCESSED', RefundReference: 'ct-cancel-1' });
      const [after] = await h.client.getOrdersById({ orderIds: [orderId()] });
      expect(after?.GeneralInfo.HoldOrCancel).toBe(true);
      expect(h.emulator.control.getStock('SKU-1')[0]?.inOrders).toBe(0);
      const [header] = await h.client.getRefundHeadersByOrderId({ orderId: orderId() });
      const lines = await h.client.getRefundLinesByHeaderId({
        orderId: orderId(),
        refundHeaderId: header!.RefundHeaderId,
      });
      expect(lines.map((l) => [l.RefundedUnit, l.Amount, l.IsCancellation])).toEqual([
        ['Item', 24, true],
        ['Shipping', 3.99, true],
      ]);
      await expect(h.client.createCancellation({ orderId: orderId() })).rejects.toMatchObject({
        code: 'LINNWORKS_CANCEL_REJECTED',
        message: expect.stringContaining('Order is already processed'),
      });
    });
  });

  describe('refunds', () => {
    it('when the order is open or unknown, then no refund is possible, with the documented reason', async () => {
      expect((await h.client.getRefundOptions({ orderId: orderId() })).CannotRefundReason).toBe(
        'OpenOrderInLinnworks',
      );
      expect(await refused([item()])).toMatchObject({ cannotRefundReason: 'OpenOrderInLinnworks' });
      const unknown = await h.client.getRefundOptions({ orderId: ZERO_GUID });
      expect(unknown).toMatchObject({
        CanRefund: false,
        CannotRefundReason: 'MissingOrderInLinnworks',
      });
    });

    it('when a refund is created, then it is booked (OPEN, out of actioned searches) until ActionRefund; actioning twice is still success', async () => {
      ship();
      const booked = await h.client.createRefund({
        orderId: orderId(),
        channelInitiated: true,
        lines: [item()],
      });
      const [header] = await h.client.getRefundHeadersByOrderId({ orderId: orderId() });
      expect([booked.Status, header?.Status, header?.ChannelInitiated]).toEqual([
        'OPEN',
        'OPEN',
        true,
      ]);
      const search = () =>
        h.client.searchReturnsRefunds({
          historyType: 'REFUNDS',
          dateType: 'ACTIONED',
          from: '2000-01-01T00:00:00Z',
          to: '2100-01-01T00:00:00Z',
          pageNumber: 1,
          entriesPerPage: 50,
        });
      expect((await search()).Data).toEqual([]);

      const refundHeaderId = booked.RefundHeaderId!;
      expect(await h.client.actionRefund({ orderId: orderId(), refundHeaderId })).toMatchObject({
        SuccessfullyActioned: true,
        Status: 'PROCESSED',
      });
      expect((await search()).Data.map((r) => r.Amount)).toEqual([12]);
      const again = await h.client.actionRefund({ orderId: orderId(), refundHeaderId });
      expect(again).toMatchObject({ SuccessfullyActioned: false, Status: 'PROCESSED' });
      await expect(
        h.client.actionRefund({ orderId: ZERO_GUID, refundHeaderId }),
      ).rejects.toMatchObject({ details: { cannotRefundReason: 'RefundNotInSystem' } });
    });

    it("when the same refund is created twice with one ExternalReference, then Linnworks saves it twice: dedupe is the caller's", async () => {
      ship();
      for (let i = 0; i < 2; i++) {
        await h.client.createRefund({
          orderId: orderId(),
          channelInitiated: true,
          lines: [item()],
        });
      }
      const { AllExistingRefunds } = await h.client.getRefundOptions({ orderId: orderId() });

      expect(AllExistingRefunds.map((r) => [r.ExternalReference, r.Amount])).toEqual([
        ['ct-tx-1', 12],
        ['ct-tx-1', 12],
      ]);
    });

    it('when a line asks more than was paid for it, more units than it has, or more shipping than charged, then the refund is refused per line and nothing is saved', async () => {
      ship();

      expect(await refused([item({ Amount: 24.01 })])).toMatchObject({
        lineErrors: [{ error: 'OverRefunding' }],
      });
      expect(await refused([item({ Quantity: 3 })])).toMatchObject({
        lineErrors: [{ error: 'OverRefunding', message: expect.stringContaining('3 units') }],
      });
      expect(await refused([item({ Amount: 12 }), item({ Amount: 12.01 })])).toMatchObject({
        lineErrors: [{ error: 'OverRefunding' }],
      });
      expect(await refused([{ RefundedUnit: 'Shipping', Amount: 4 }])).toMatchObject({
        lineErrors: [{ refundedUnit: 'Shipping', error: 'OverRefunding' }],
      });
      expect(await refused([item({ OrderItemRowId: ZERO_GUID })])).toMatchObject({
        lineErrors: [{ error: 'ItemNotFoundInLinnworks' }],
      });
      expect((await h.client.getRefundOptions({ orderId: orderId() })).AllExistingRefunds).toEqual(
        [],
      );
    });

    it('when an Additional amount goes beyond the order total, then it is allowed: Linnworks sets no limit on that row', async () => {
      ship();
      await h.client.createRefund({
        orderId: orderId(),
        channelInitiated: true,
        lines: [{ RefundedUnit: 'Additional', Amount: 500, FreeTextOrNote: 'goodwill' }],
      });

      expect((await h.client.getRefundOptions({ orderId: orderId() })).CanRefund).toBe(true);
    });

    it('when lines carry two references, a reason tag, or no amount, then the refusal says why', async () => {
      ship();

      expect(
        await refused([item(), item({ Amount: 1, ExternalReference: 'other' })]),
      ).toMatchObject({
        cannotRefundReason: 'MultipleReferences',
      });
      expect(await refused([item({ ReasonTag: 'DAMAGED' })])).toMatchObject({
        lineErrors: [{ error: 'ReasonTagIncorrect' }],
      });
      await expect(
        h.client.createRefund({
          orderId: orderId(),
          channelInitiated: true,
          lines: [item({ Amount: 0 })],
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      const raw = await h.api('ReturnsRefunds/CreateRefund', {
        request: { OrderId: orderId(), RefundLines: [{ RefundedUnit: 'Item', Amount: 0 }] },
      });
      expect((raw.json as { Errors: string[] }).Errors).toEqual([
        'Refund amount 0 must be more than 0',
      ]);
    });

    it('when every line and the shipping are refunded in full, then the order is fully refunded and nothing more can be booked', async () => {
      ship();
      await h.client.createRefund({
        orderId: orderId(),
        channelInitiated: true,
        lines: [item({ Amount: 24, Quantity: 2 }), { RefundedUnit: 'Shipping', Amount: 3.99 }],
      });

      expect((await h.client.getRefundOptions({ orderId: orderId() })).CannotRefundReason).toBe(
        'OrderIsFullyRefundedInLinnworks',
      );
      expect(await refused([item({ Amount: 1 })])).toMatchObject({
        cannotRefundReason: 'OrderIsFullyRefundedInLinnworks',
      });
    });
  });
});
