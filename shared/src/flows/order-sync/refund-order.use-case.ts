import type { Order } from '@commercetools/platform-sdk';

import { isRetryable, PermanentUpstreamError } from '../../errors/errors';
import type { LinnworksRefundOptions } from '../../linnworks/linnworks-types';
import type { LinnworksNewRefundLine } from '../../linnworks/linnworks-write-types';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import { failureLookup } from './order-sync.state';
import { ctRefundsOf, refundLinesFor } from './refund-lines.mapper';

export const REFUND_REFUSED = 'REFUND_REFUSED';

/** Refund failures are their own record: an edit failure of the same order does not hide them. */
export function refundFailureRef(orderId: string) {
  return { type: 'order-refund', id: orderId };
}

async function recordRefusal(deps: OrderSyncDeps, order: Order, reason: string, message: string) {
  deps.logger.warn({ ctOrderId: order.id, reason }, 'refund not booked in Linnworks; recorded');
  await deps.failures.record({
    flow: ORDER_SYNC_FLOW,
    reasonCode: REFUND_REFUSED,
    message,
    field: 'paymentInfo.payments',
    retryable: false,
    ref: refundFailureRef(order.id),
    ...failureLookup(order),
  });

  return {
    outcome: 'rejected' as const,
    action: 'refund-refused',
    reasonCode: REFUND_REFUSED,
    message,
  };
}

/** What Linnworks already holds per reference: its header, and whether it was actioned. */
function existingByReference(options: LinnworksRefundOptions) {
  const found = new Map<string, { headerId: number; actioned: boolean }>();
  for (const line of options.AllExistingRefunds) {
    if (!line.ExternalReference || line.Deleted) continue;
    const seen = found.get(line.ExternalReference);
    found.set(line.ExternalReference, {
      headerId: line.RefundHeaderId,
      actioned: (seen?.actioned ?? true) && line.Actioned,
    });
  }

  return found;
}

/** Books and actions one refund; Linnworks' refusal is returned as its reason. */
async function createAndAction(
  deps: OrderSyncDeps,
  orderId: string,
  lines: LinnworksNewRefundLine[],
): Promise<string | undefined> {
  try {
    const created = await deps.linnworks.createRefund({ orderId, channelInitiated: true, lines });
    await deps.linnworks.actionRefund({ orderId, refundHeaderId: created.RefundHeaderId ?? 0 });

    return undefined;
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentUpstreamError)) throw error;

    return error.message;
  }
}

/**
 * Brings the order's successful commercetools `Refund` transactions to its processed Linnworks
 * order (ReturnsRefunds/CreateRefund, then ActionRefund), once each: the transaction id is the
 * refund's `ExternalReference`, looked up in GetRefundOptions' `AllExistingRefunds` first (found
 * and actioned: done; found, booked: action it). Per line and quantity when the refund pays for
 * the order's refunded return items, else an order-level amount. Refusals (`CannotRefundReason`,
 * line errors) go to the failure queue with Linnworks' reason.
 */
export async function syncRefunds(
  deps: OrderSyncDeps,
  orderId: string,
  dryRun = false,
): Promise<SyncResult> {
  const [stored, order] = await Promise.all([deps.states.get(orderId), deps.ct.getOrder(orderId)]);
  if (!order) return { outcome: 'ignored', action: 'order-not-found' };
  const lwId = stored?.value.linnworksOrderId;
  if (!lwId) return { outcome: 'skipped', action: 'refund-before-sync' };
  const payments = (order.paymentInfo?.payments ?? []).flatMap((p) => (p.obj ? [p.obj] : []));
  const refunds = ctRefundsOf(payments);
  if (refunds.length === 0)
    return { outcome: 'skipped', action: 'no-refunds', linnworksOrderId: lwId };
  const options = await deps.linnworks.getRefundOptions({ orderId: lwId });
  const existing = existingByReference(options);
  const fresh = refunds.filter((r) => !existing.get(r.reference)?.actioned);
  if (fresh.length === 0)
    return { outcome: 'skipped', action: 'refunds-in-step', linnworksOrderId: lwId };
  if (dryRun)
    return { outcome: 'processed', action: `would-refund ${fresh.length}`, linnworksOrderId: lwId };
  const [details] = await deps.linnworks.getOrdersById({ orderIds: [lwId] });
  const plans = refundLinesFor(order, details?.Items ?? [], refunds);
  const refused: string[] = [];
  for (const refund of fresh) {
    const booked = existing.get(refund.reference);
    if (booked) {
      await deps.linnworks.actionRefund({ orderId: lwId, refundHeaderId: booked.headerId });
      continue;
    }
    const reason = options.CannotRefundReason;
    if (reason && reason !== 'None') {
      refused.push(`${refund.transaction.id}: ${reason}`);
      continue;
    }
    const said = await createAndAction(deps, lwId, plans.get(refund.reference) ?? []);
    if (said) refused.push(`${refund.transaction.id}: ${said}`);
  }
  if (refused.length > 0) {
    const number = details?.NumOrderId ?? lwId;
    const message = `Linnworks did not take the refund of order ${number}: ${refused.join('; ')}`;
    return recordRefusal(deps, order, options.CannotRefundReason ?? 'None', message.slice(0, 1000));
  }
  await deps.failures.resolveFor(
    ORDER_SYNC_FLOW,
    { type: 'order', id: order.id },
    'refunds booked in Linnworks',
  );
  deps.logger.info(
    { ctOrderId: order.id, linnworksOrderId: lwId, refunds: fresh.length },
    'refunds booked in Linnworks',
  );

  return { outcome: 'processed', action: `refunded ${fresh.length}`, linnworksOrderId: lwId };
}
