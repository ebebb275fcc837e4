import type { Order } from '@commercetools/platform-sdk';

import { describeError, isRetryable, PermanentUpstreamError } from '../../errors/errors';
import type { MappedOrder } from './ct-order.mapper';
import { markPaidInLinnworks } from './mark-paid.use-case';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';

/**
 * An order created unpaid in Linnworks has been paid in commercetools: mark it paid and un-park
 * it (see `markPaidInLinnworks`), then `recordPaid`. A refusal is recorded in the failure queue
 * under the order (replay tries again) and the state keeps `paid: false`; retryable failures
 * are thrown so the message is redelivered.
 */
export async function paidLater(
  deps: OrderSyncDeps,
  order: Order,
  mapped: MappedOrder,
  lwOrderId: string,
  recordPaid: () => Promise<void>,
): Promise<SyncResult> {
  const ref = { type: 'order', id: order.id };
  let outcome;
  try {
    outcome = await markPaidInLinnworks(deps, lwOrderId, mapped);
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentUpstreamError)) throw error;
    const { code, message } = describeError(error);
    deps.logger.error(
      { ctOrderId: order.id, linnworksOrderId: lwOrderId, reasonCode: code },
      'Linnworks did not mark the order paid; recorded in the failure queue',
    );
    await deps.failures.record({
      flow: ORDER_SYNC_FLOW,
      reasonCode: code,
      message,
      field: 'paymentState',
      retryable: false,
      ref,
    });

    return {
      outcome: 'rejected',
      action: 'mark-paid-refused',
      linnworksOrderId: lwOrderId,
      reasonCode: code,
      message,
    };
  }
  await recordPaid();
  await deps.failures.resolveFor(ORDER_SYNC_FLOW, ref, 'marked paid in Linnworks');
  deps.logger.info(
    { ctOrderId: order.id, linnworksOrderId: lwOrderId, ...outcome },
    'Linnworks order marked paid',
  );

  return { outcome: 'processed', action: 'marked-paid', linnworksOrderId: lwOrderId };
}
