import type { Payment } from '@commercetools/platform-sdk';
import type { FulfillmentSyncSettings } from 'shared';
import { addChargedPayment, captureLogger, ctTestUrl } from 'shared/testing';

import {
  createLinkedOrders,
  type FulfillmentWorld,
  startFulfillmentWorld,
  worldSettings,
} from './fulfillment-world';

const settings: FulfillmentSyncSettings = { ...worldSettings, progressRules: [] };

async function refundsOn(w: FulfillmentWorld, paymentId: string) {
  const payment: Payment = (await w.ctApi.payments().withId({ ID: paymentId }).get().execute())
    .body;

  return payment.transactions.filter((t) => t.type === 'Refund');
}

/** Linnworks' own refund total of an order in minor units (what the refund headers say). */
async function linnworksRefundedCents(w: FulfillmentWorld, lwOrderId: string): Promise<number> {
  const headers = await w.linnworks.getRefundHeadersByOrderId({ orderId: lwOrderId });

  return headers.reduce((sum, h) => sum + Math.round(h.Amount * 100), 0);
}

describe('Linnworks refunds as commercetools payment transactions (FULFILLMENT_REFUND_TRANSACTION)', () => {
  let w: FulfillmentWorld;
  afterEach(async () => {
    await w.close();
  });

  async function refundedInLinnworks() {
    const [order] = await createLinkedOrders(w, 1, [
      { sku: 'SKU-1', quantity: 3 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    const paymentId = await addChargedPayment(w.ctApi, order!.ct);
    w.emulator.control.processOrder({ order: order!.reference, trackingNumber: 'T1' });
    // Two of three units and part of the postage back; no goods came back.
    w.emulator.control.refundOrder({
      order: order!.reference,
      lines: [{ sku: 'SKU-1', quantity: 2, amount: 10 }],
      shippingAmount: 1.99,
      note: 'damaged in transit',
    });

    return { order: order!, paymentId };
  }

  const runTwice = async (mode: FulfillmentSyncSettings['refundTransaction']) => {
    const flow = w.flow({
      now: () => new Date(Date.now() + 60_000),
      settings: { refundTransaction: mode, job: { timeBudgetMs: 600_000, pageSize: 20 } },
    });
    const first = await flow.run({ dryRun: false });
    const second = await flow.run({ dryRun: false });

    return { first, second };
  };

  it.each([
    ['record', 'Success'],
    ['request', 'Initial'],
  ] as const)(
    'when Linnworks refunds an item and shipping in %s mode, then one Refund transaction per refund row (%s) reaches the payment, to the cent, and a second run adds nothing',
    async (mode, state) => {
      w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
      const { order, paymentId } = await refundedInLinnworks();

      const { first, second } = await runTwice(mode);

      const refunds = await refundsOn(w, paymentId);
      expect(refunds.map((t) => [t.state, t.amount.centAmount])).toEqual([
        [state, 1000],
        [state, 199],
      ]);
      expect(refunds.every((t) => t.interactionId?.startsWith('lw-refund-'))).toBe(true);
      const booked = refunds.reduce((sum, t) => sum + t.amount.centAmount, 0);
      expect(booked).toBe(await linnworksRefundedCents(w, order.lwOrderId));
      expect(first.counts['refunds.transactions']).toBe(2);
      expect(second.counts['refunds.transactions']).toBeUndefined();
      // Money only: no goods came back, so no return item.
      const ct = (await w.ctApi.orders().withId({ ID: order.ct.id }).get().execute()).body;
      expect(ct.returnInfo ?? []).toEqual([]);
    },
  );

  it('when the mode is none (the default), then the payment is left as it was', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const { paymentId } = await refundedInLinnworks();
    await runTwice(undefined);
    expect(await refundsOn(w, paymentId)).toEqual([]);
  });

  it('when the refund was created by order-sync for a commercetools refund, then it is not echoed back as a transaction', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 3 }]);
    const paymentId = await addChargedPayment(w.ctApi, order!.ct);
    w.emulator.control.processOrder({ order: order!.reference, trackingNumber: 'T1' });
    const created = await w.linnworks.createRefund({
      orderId: order!.lwOrderId,
      channelInitiated: true,
      lines: [
        {
          RefundedUnit: 'Additional',
          Amount: 3.5,
          ExternalReference: 'ct-tx-0000',
          FreeTextOrNote: 'goodwill',
        },
      ],
    });
    await w.linnworks.actionRefund({
      orderId: order!.lwOrderId,
      refundHeaderId: created.RefundHeaderId!,
    });

    await runTwice('record');

    expect(await refundsOn(w, paymentId)).toEqual([]);
  });

  it('when the goods come back with the refund (a return row), then the order gets a Returned item besides the transaction', async () => {
    w = await startFulfillmentWorld(ctTestUrl(), settings, captureLogger().logger);
    const [order] = await createLinkedOrders(w, 1, [{ sku: 'SKU-1', quantity: 3 }]);
    const paymentId = await addChargedPayment(w.ctApi, order!.ct);
    w.emulator.control.processOrder({ order: order!.reference, trackingNumber: 'T1' });
    w.emulator.control.returnItems({
      order: order!.reference,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      type: 'RETURNREFUND',
      refundAmounts: [5],
    });

    await runTwice('record');

    const ct = (await w.ctApi.orders().withId({ ID: order!.ct.id }).get().execute()).body;
    const items = (ct.returnInfo ?? []).flatMap((r) => r.items);
    expect(items).toEqual([
      expect.objectContaining({ quantity: 1, shipmentState: 'Returned', paymentState: 'Refunded' }),
    ]);
    expect((await refundsOn(w, paymentId)).map((t) => t.amount.centAmount)).toEqual([500]);
  });
});
