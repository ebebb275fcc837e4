import { isRetryable, PermanentUpstreamError } from '../../errors/errors';
import type { Order } from '@commercetools/platform-sdk';
import { type LinnworksChannelOrder, LINNWORKS_STATUS_PAID } from '../../linnworks/linnworks-types';
import { hasLinnworksSyncInfo } from './ct-order-sync.port';
import { isOrderPaid, type MappedOrder } from './ct-order.mapper';
import { isConnectorOrder } from './linnworks-order.contract';
import { markPaidInLinnworks } from './mark-paid.use-case';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import { type OrderRun, reject, saveState, stateOf } from './order-sync.state';
import { problem } from './order-problems';

/** The connector's order in Linnworks for this commercetools order, if one exists. */
async function findExisting(deps: OrderSyncDeps, order: Order) {
  const found = await deps.linnworks.getOrderDetailsByReferenceId({ referenceId: order.id });

  return found.find(
    (o) =>
      isConnectorOrder(o, deps.settings.source) &&
      (o.GeneralInfo.SecondaryReference === order.id ||
        o.GeneralInfo.ExternalReferenceNum === order.id),
  );
}

async function createInLinnworks(
  deps: OrderSyncDeps,
  order: Order,
  payload: LinnworksChannelOrder,
  location: string,
): Promise<string> {
  const ids = await deps.linnworks.createOrders({ orders: [payload], location });
  if (ids[0]) return ids[0];
  // A paid duplicate is skipped by Linnworks and may be missing from the result.
  const existing = await findExisting(deps, order);
  if (!existing) {
    throw new PermanentUpstreamError('LINNWORKS_REJECTED', 'CreateOrders saved no order');
  }

  return existing.OrderId;
}

/**
 * Creates the order in Linnworks unless an earlier attempt did (it may have crashed before
 * saving its state: the lookup by reference finds it), then records the state and the sync info.
 * A Linnworks refusal is a rejection; retryable failures are thrown.
 */
export async function createOrder(run: OrderRun, mapped: MappedOrder): Promise<SyncResult> {
  const { deps, order, stored, reference } = run;
  const paid = isOrderPaid(order, deps.settings);
  let linnworksOrderId: string;
  try {
    const existing = await findExisting(deps, order);
    const existingPaid = existing?.GeneralInfo.Status === LINNWORKS_STATUS_PAID;
    if (existing && paid && !existingPaid) {
      // Created unpaid by an earlier attempt that crashed; the payment arrived since.
      await markPaidInLinnworks(deps, existing.OrderId, mapped);
    }
    linnworksOrderId = existing
      ? existing.OrderId
      : await createInLinnworks(deps, order, mapped.order, mapped.location);
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentUpstreamError)) throw error;
    const reason = problem(
      'LINNWORKS_REJECTED',
      'order',
      `Linnworks refused the order: ${error.message}`,
    );

    return reject(deps, order, stored, reference, [reason], false);
  }
  const patch = { status: 'created' as const, linnworksOrderId, paid };
  await saveState(deps, stored, stateOf(order, stored?.value, reference, run.now, patch));
  if (!hasLinnworksSyncInfo(order, linnworksOrderId)) {
    await deps.ct.recordLinnworksOrderId(order, linnworksOrderId);
  }
  if (stored?.value.status === 'rejected') {
    await deps.failures.resolveFor(
      ORDER_SYNC_FLOW,
      { type: 'order', id: order.id },
      'order created in Linnworks',
    );
  }
  deps.logger.info({ ctOrderId: order.id, linnworksOrderId, paid }, 'order created in Linnworks');

  return { outcome: 'processed', action: 'created', linnworksOrderId };
}
