import { isRetryable, PermanentUpstreamError } from '../../errors/errors';
import type { Order } from '@commercetools/platform-sdk';
import {
  type LinnworksChannelOrder,
  type LinnworksOrderDetails,
  LINNWORKS_STATUS_PAID,
} from '../../linnworks/linnworks-types';
import { findExisting, sendCreateBatch } from './create-batch.send';
import { hasLinnworksSyncInfo } from './ct-order-sync.port';
import { isOrderPaid, type MappedOrder } from './ct-order.mapper';
import { markPaidInLinnworks } from './mark-paid.use-case';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import { type OrderRun, reject, saveState, stateOf } from './order-sync.state';
import { problem } from './order-problems';

/**
 * The order's Linnworks order: created now (batched with concurrent ones when the deps have a
 * batcher), or the one an earlier attempt created (Linnworks' dedupe on Source, SubSource and
 * ReferenceNumber skips or updates it, docs/order-sync.md "Exactly once").
 */
async function createInLinnworks(
  deps: OrderSyncDeps,
  order: Order,
  payload: LinnworksChannelOrder,
  location: string,
): Promise<LinnworksOrderDetails> {
  const request = { order, payload };
  if (deps.createBatcher) return deps.createBatcher.submit(location, request);
  const [outcome] = await sendCreateBatch(deps, location, [request]);
  if (!outcome?.ok) throw outcome?.error;

  return outcome.value;
}

/** The action of an order not sent because every unit sits in a cancelled line-item state. */
export const ALL_UNITS_CANCELLED = 'all-units-cancelled';

/**
 * Every unit of a never-exported order sits in a cancelled line-item state: no Linnworks order is
 * created (Linnworks needs at least one item, and there is nothing to fulfil). A skip, not a
 * failure: it is logged, the state record says why (`notSent`, status `pending`), and a failure an
 * earlier attempt queued is resolved. Should units leave the cancelled state, the next message
 * (or the backstop) creates the order with them.
 */
export async function skipAllCancelled(run: OrderRun): Promise<SyncResult> {
  const { deps, order, stored, reference } = run;
  const result: SyncResult = { outcome: 'skipped', action: ALL_UNITS_CANCELLED };
  if (run.dryRun) return result;
  deps.logger.info(
    { ctOrderId: order.id, reason: ALL_UNITS_CANCELLED },
    'order not sent to Linnworks: every unit is in a cancelled line-item state',
  );
  const previous = stored?.value;
  if (previous?.notSent?.orderVersion !== order.version || previous.status !== 'pending') {
    const notSent = {
      reason: ALL_UNITS_CANCELLED,
      orderVersion: order.version,
      at: run.now.toISOString(),
    } as const;
    const next = stateOf(order, previous, reference, run.now, { status: 'pending', notSent });
    await saveState(deps, stored, next);
  }
  if (previous?.status === 'rejected') {
    await deps.failures.resolveFor(
      ORDER_SYNC_FLOW,
      { type: 'order', id: order.id },
      'every unit cancelled; nothing to send to Linnworks',
    );
  }

  return result;
}

/**
 * Creates the order in Linnworks unless an earlier attempt did (it may have crashed before
 * saving its state: Linnworks' dedupe and the lookup find it), then records the state and the
 * sync info.
 * A Linnworks refusal is a rejection; retryable failures are thrown.
 */
export async function createOrder(run: OrderRun, mapped: MappedOrder): Promise<SyncResult> {
  const { deps, order, stored, reference } = run;
  const paid = isOrderPaid(order, deps.settings);
  let linnworksOrderId: string;
  try {
    // A fresh order (no record) goes straight to CreateOrders; one with a record (a replay, an
    // earlier attempt) is looked up first, as its earlier attempt may have used another triple.
    const existing = stored ? await findExisting(deps, order) : undefined;
    const inLinnworks =
      existing ?? (await createInLinnworks(deps, order, mapped.order, mapped.location));
    if (paid && inLinnworks.GeneralInfo.Status !== LINNWORKS_STATUS_PAID) {
      // Created unpaid by an earlier attempt that crashed; the payment arrived since.
      await markPaidInLinnworks(deps, inLinnworks.OrderId, mapped);
    }
    linnworksOrderId = inLinnworks.OrderId;
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentUpstreamError)) throw error;
    const reason = problem(
      'LINNWORKS_REJECTED',
      'order',
      `Linnworks refused the order: ${error.message}`,
    );

    return reject(deps, order, stored, reference, [reason], false);
  }
  const patch = { status: 'created' as const, linnworksOrderId, paid, notSent: undefined };
  // Both writes are idempotent and either one missing is made good by the redelivery (a 503
  // here): they go together, one commercetools round trip less per order.
  await Promise.all([
    saveState(deps, stored, stateOf(order, stored?.value, reference, run.now, patch)),
    hasLinnworksSyncInfo(order, linnworksOrderId)
      ? undefined
      : deps.ct.recordLinnworksOrderId(order, linnworksOrderId),
  ]);
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
