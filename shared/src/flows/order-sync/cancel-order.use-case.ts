import type { Order } from '@commercetools/platform-sdk';

import { isRetryable, PermanentUpstreamError, VersionConflictError } from '../../errors/errors';
import type { StoredObject } from '../../state/state-store';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import type { OrderState } from './order-state.contract';
import { failureLookup } from './order-sync.state';

async function markState(
  deps: OrderSyncDeps,
  stored: StoredObject<OrderState>,
  patch: Partial<OrderState>,
): Promise<StoredObject<OrderState>> {
  const next = { ...stored.value, ...patch, updatedAt: (deps.now?.() ?? new Date()).toISOString() };
  try {
    return await deps.states.put(next, stored.version);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const merged = await deps.states.update(next.ctOrderId, (current) => ({ ...current, ...next }));

    return merged ?? stored;
  }
}

async function recordConflict(
  deps: OrderSyncDeps,
  order: Order,
  reasonCode: 'CANCEL_CONFLICT_SHIPPED' | 'CANCEL_REJECTED',
  message: string,
): Promise<SyncResult> {
  deps.logger.warn(
    { ctOrderId: order.id, reasonCode },
    'cancellation not applied in Linnworks; recorded',
  );
  await deps.failures.record({
    flow: ORDER_SYNC_FLOW,
    reasonCode,
    message,
    field: 'orderState',
    retryable: false,
    ref: { type: 'order', id: order.id },
    ...failureLookup(order),
  });

  return { outcome: 'rejected', action: 'cancel-conflict', reasonCode, message };
}

/**
 * An order cancelled in commercetools: cancel it in Linnworks while it is open there. A
 * cancellation that came from Linnworks (written into commercetools by fulfillment-sync, which
 * marks `cancellation.source = 'linnworks'` first) is not sent back. Before cancelling in
 * Linnworks, the record is marked `cancellation.source = 'commercetools'`, so fulfillment-sync
 * does not echo it either.
 */
export async function cancelInLinnworks(
  deps: OrderSyncDeps,
  order: Order,
  stored: StoredObject<OrderState> | undefined,
  dryRun: boolean,
): Promise<SyncResult> {
  const state = stored?.value;
  if (!stored || !state?.linnworksOrderId)
    return { outcome: 'skipped', action: 'cancelled-before-sync' };
  const lwId = state.linnworksOrderId;
  if (state.status === 'cancelled' || state.settled?.as === 'cancelled')
    return { outcome: 'skipped', action: 'already-cancelled', linnworksOrderId: lwId };
  if (state.cancellation?.source === 'linnworks') {
    if (!dryRun) await markState(deps, stored, { status: 'cancelled' });

    return { outcome: 'skipped', action: 'cancelled-by-linnworks', linnworksOrderId: lwId };
  }
  const [details] = await deps.linnworks.getOrdersById({ orderIds: [lwId] });
  if (!details) {
    return dryRun
      ? { outcome: 'rejected', action: 'would-record-conflict', reasonCode: 'CANCEL_REJECTED' }
      : recordConflict(deps, order, 'CANCEL_REJECTED', `Linnworks order ${lwId} was not found`);
  }
  if (details.Processed && details.GeneralInfo.HoldOrCancel) {
    if (!dryRun) await markState(deps, stored, { status: 'cancelled' });

    return {
      outcome: 'processed',
      action: 'already-cancelled-in-linnworks',
      linnworksOrderId: lwId,
    };
  }
  if (details.Processed) {
    const message = `order was cancelled in commercetools but Linnworks order ${details.NumOrderId} is already processed (shipped)`;

    return dryRun
      ? {
          outcome: 'rejected',
          action: 'would-record-conflict',
          reasonCode: 'CANCEL_CONFLICT_SHIPPED',
          message,
        }
      : recordConflict(deps, order, 'CANCEL_CONFLICT_SHIPPED', message);
  }
  if (dryRun) return { outcome: 'processed', action: 'would-cancel', linnworksOrderId: lwId };

  return cancelOpenOrder(deps, order, stored, details.FulfilmentLocationId);
}

/**
 * Cancels an order open in Linnworks: marks the origin first (echo prevention), then cancels;
 * a refusal is recorded as a conflict, retryable failures are thrown.
 */
async function cancelOpenOrder(
  deps: OrderSyncDeps,
  order: Order,
  stored: StoredObject<OrderState>,
  fulfilmentCenter: string | null | undefined,
): Promise<SyncResult> {
  const lwId = stored.value.linnworksOrderId ?? '';
  const at = (deps.now?.() ?? new Date()).toISOString();
  const marked = await markState(deps, stored, { cancellation: { source: 'commercetools', at } });
  try {
    await deps.linnworks.cancelOrder({
      orderId: lwId,
      fulfilmentCenter: fulfilmentCenter ?? '00000000-0000-0000-0000-000000000000',
      refund: 0,
      note: 'Cancelled in commercetools',
    });
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentUpstreamError)) throw error;

    return recordConflict(
      deps,
      order,
      'CANCEL_REJECTED',
      `Linnworks refused the cancellation: ${error.message}`,
    );
  }
  await markState(deps, marked, { status: 'cancelled' });
  deps.logger.info({ ctOrderId: order.id, linnworksOrderId: lwId }, 'order cancelled in Linnworks');

  return { outcome: 'processed', action: 'cancelled', linnworksOrderId: lwId };
}
