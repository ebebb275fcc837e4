import type { Order } from '@commercetools/platform-sdk';

import { describeError, isRetryable, VersionConflictError } from '../../errors/errors';
import { FULFILLMENT_SYNC_FLOW } from './fulfillment-sync.deps';
import { type ApplyContext, fulfillmentFailureRef, recordProblem } from './fulfillment-context';
import type { LwOrderRef, LwRefundMoney } from './fulfillment.types';
import { planRefundTransactions, refundPaymentOf } from './refund-money.mapper';

/**
 * Books a Linnworks order's refund rows on the commercetools order's payment as `Refund`
 * transactions (`FULFILLMENT_REFUND_TRANSACTION` record|request): one per row, keyed by
 * `interactionId`, so a replay or an overlapping window adds nothing. A version conflict re-reads
 * the payment and plans again (the plan is idempotent).
 */
export async function bookRefundTransactions(
  ctx: ApplyContext,
  ref: LwOrderRef,
  order: Order,
  money: LwRefundMoney[],
): Promise<void> {
  const mode = ctx.deps.settings.refundTransaction;
  if (!mode || money.length === 0) return;
  const ids = (order.paymentInfo?.payments ?? []).map((p) => p.id);
  for (let attempt = 0; attempt < 3; attempt++) {
    const payment = refundPaymentOf(await ctx.deps.ct.getPayments(ids));
    if (!payment) {
      await recordProblem(ctx, 'refunds', ref, {
        reasonCode: 'REFUND_NO_PAYMENT',
        message: `order ${order.id} has ${ids.length === 0 ? 'no payment' : 'several payments and none charged'} to book Linnworks refunds on`,
        field: 'paymentInfo.payments',
        retryable: false,
      });

      return;
    }
    const drafts = planRefundTransactions(order, payment, money, mode);
    if (drafts.length === 0) return;
    if (ctx.dryRun) {
      ctx.counts.add('refunds.transactions', drafts.length);
      return;
    }
    try {
      await ctx.deps.ct.addTransactions(payment, drafts);
      ctx.counts.add('refunds.transactions', drafts.length);
      const failureRef = fulfillmentFailureRef('refunds', ref);
      await ctx.deps.failures.resolveFor(FULFILLMENT_SYNC_FLOW, failureRef, 'applied');

      return;
    } catch (error) {
      if (error instanceof VersionConflictError) continue;
      const described = describeError(error);
      await recordProblem(ctx, 'refunds', ref, {
        reasonCode: described.code,
        message: `refund transactions for order ${order.id}: ${described.message}`,
        field: 'paymentInfo.payments',
        retryable: isRetryable(error),
      });

      return;
    }
  }
}
