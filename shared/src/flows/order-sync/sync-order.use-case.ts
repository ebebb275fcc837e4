import type { Order } from '@commercetools/platform-sdk';

import { isRetryable, PermanentUpstreamError, VersionConflictError } from '../../errors/errors';
import { type LinnworksChannelOrder, LINNWORKS_STATUS_PAID } from '../../linnworks/linnworks-types';
import type { StoredObject } from '../../state/state-store';
import {
  isOrderPaid,
  linnworksReferenceFor,
  mapOrderToLinnworks,
  NO_STORE_KEY,
} from './ct-order.mapper';
import { cancelInLinnworks } from './cancel-order.use-case';
import { isConnectorOrder } from './linnworks-order.contract';
import { markPaidInLinnworks } from './mark-paid.use-case';
import { paidLater } from './paid-later';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import { hasLinnworksSyncInfo } from './ct-order-sync.port';
import type { OrderState } from './order-state.contract';
import { type OrderProblem, problem } from './order-problems';

export interface SyncOrderOptions {
  /** Compute and validate, read what is needed, write nothing. */
  dryRun?: boolean;
}

function stateOf(
  order: Order,
  previous: OrderState | undefined,
  reference: string,
  now: Date,
  patch: Partial<OrderState>,
): OrderState {
  return {
    ...previous,
    ctOrderId: order.id,
    ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
    linnworksReference: reference,
    status: previous?.status ?? 'pending',
    paid: previous?.paid ?? false,
    lastOrderVersion: order.version,
    attempts: (previous?.attempts ?? 0) + 1,
    updatedAt: now.toISOString(),
    ...patch,
  };
}

/** Writes the state; on a concurrent write, merges onto the fresher record instead. */
async function saveState(
  deps: OrderSyncDeps,
  stored: StoredObject<OrderState> | undefined,
  next: OrderState,
): Promise<void> {
  try {
    await deps.states.put(next, stored?.version);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    await deps.states.update(next.ctOrderId, (current) =>
      current?.status === 'created' && next.status !== 'created' && next.status !== 'cancelled'
        ? undefined
        : { ...current, ...next, cancellation: next.cancellation ?? current?.cancellation },
    );
  }
}

async function reject(
  deps: OrderSyncDeps,
  order: Order,
  stored: StoredObject<OrderState> | undefined,
  reference: string,
  problems: OrderProblem[],
  dryRun: boolean,
): Promise<SyncResult> {
  const first = problems[0] as OrderProblem;
  const message = problems.map((p) => `${p.code} ${p.field}: ${p.message}`).join('; ');
  if (!dryRun) {
    deps.logger.warn(
      { ctOrderId: order.id, reasons: problems.map((p) => ({ code: p.code, field: p.field })) },
      'order rejected; recorded in the failure queue',
    );
    await deps.failures.record({
      flow: ORDER_SYNC_FLOW,
      reasonCode: first.code,
      message,
      field: first.field,
      retryable: false,
      ref: { type: 'order', id: order.id },
    });
    const now = deps.now?.() ?? new Date();
    const previous = stored?.value;
    await saveState(deps, stored, stateOf(order, previous, reference, now, { status: 'rejected' }));
  }

  return { outcome: 'rejected', action: 'rejected', reasonCode: first.code, message };
}

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

function gateSays(deps: OrderSyncDeps, order: Order): SyncResult | undefined {
  const { stores, paidOnly } = deps.settings;
  const storeKey = order.store?.key ?? NO_STORE_KEY;
  if (stores.length > 0 && !stores.includes(storeKey)) {
    return { outcome: 'ignored', action: 'store-not-synced' };
  }
  if (paidOnly && !isOrderPaid(order)) return { outcome: 'skipped', action: 'awaiting-payment' };

  return undefined;
}

async function validateAndMap(deps: OrderSyncDeps, order: Order, reference: string) {
  const result = mapOrderToLinnworks(order, deps.settings, reference);
  if (!result.ok) return result;
  if (deps.settings.unknownSkuPolicy === 'reject') {
    const unknown = await deps.knownSkus.unknown(deps.linnworks, result.mapped.skus);
    if (unknown.length > 0) {
      const problems = unknown.map((sku) => {
        const index = order.lineItems.findIndex((l) => l.variant.sku === sku);

        return problem(
          'SKU_UNKNOWN',
          `lineItems[${index}].variant.sku`,
          `SKU of line item ${order.lineItems[index]?.id ?? '?'} is unknown to Linnworks`,
        );
      });

      return { ok: false as const, problems };
    }
  }

  return result;
}

/**
 * Brings one commercetools order into Linnworks, exactly once, deciding from the order's
 * current state (a message is only a hint). Idempotent: run it again and nothing changes.
 * Retryable failures are thrown; everything else ends in a result.
 */
export async function syncOrder(
  deps: OrderSyncDeps,
  orderId: string,
  options: SyncOrderOptions = {},
): Promise<SyncResult> {
  const dryRun = options.dryRun ?? false;
  const [stored, order] = await Promise.all([deps.states.get(orderId), deps.ct.getOrder(orderId)]);
  if (!order) return { outcome: 'ignored', action: 'order-not-found' };
  const state = stored?.value;
  if (order.orderState === 'Cancelled') return cancelInLinnworks(deps, order, stored, dryRun);
  const gate = gateSays(deps, order);
  if (gate) return gate;
  const paid = isOrderPaid(order);
  const reference = state?.linnworksReference ?? linnworksReferenceFor(order);
  const now = deps.now?.() ?? new Date();

  if (state?.status === 'created' && state.linnworksOrderId) {
    const lwId = state.linnworksOrderId;
    if (!hasLinnworksSyncInfo(order, lwId) && !dryRun) {
      await deps.ct.recordLinnworksOrderId(order, lwId);
    }
    if (state.paid || !paid)
      return { outcome: 'skipped', action: 'already-synced', linnworksOrderId: lwId };
    const mapped = mapOrderToLinnworks(order, deps.settings, reference);
    if (!mapped.ok) return reject(deps, order, stored, reference, mapped.problems, dryRun);
    if (dryRun) return { outcome: 'processed', action: 'would-mark-paid', linnworksOrderId: lwId };

    return paidLater(deps, order, mapped.mapped, lwId, async () => {
      await saveState(deps, stored, stateOf(order, state, reference, now, { paid: true }));
    });
  }

  const mapped = await validateAndMap(deps, order, reference);
  if (!mapped.ok) return reject(deps, order, stored, reference, mapped.problems, dryRun);
  if (dryRun) return { outcome: 'processed', action: 'would-create' };

  let linnworksOrderId: string;
  try {
    // No completed state: an earlier attempt may have created it and crashed before saving.
    const existing = await findExisting(deps, order);
    const existingPaid = existing?.GeneralInfo.Status === LINNWORKS_STATUS_PAID;
    if (existing && paid && !existingPaid) {
      // Created unpaid by an earlier attempt that crashed; the payment arrived since.
      await markPaidInLinnworks(deps, existing.OrderId, mapped.mapped);
    }
    linnworksOrderId = existing
      ? existing.OrderId
      : await createInLinnworks(deps, order, mapped.mapped.order, mapped.mapped.location);
  } catch (error) {
    if (isRetryable(error) || !(error instanceof PermanentUpstreamError)) throw error;
    const reason = problem(
      'LINNWORKS_REJECTED',
      'order',
      `Linnworks refused the order: ${error.message}`,
    );

    return reject(deps, order, stored, reference, [reason], false);
  }
  await saveState(
    deps,
    stored,
    stateOf(order, state, reference, now, { status: 'created', linnworksOrderId, paid }),
  );
  if (!hasLinnworksSyncInfo(order, linnworksOrderId)) {
    await deps.ct.recordLinnworksOrderId(order, linnworksOrderId);
  }
  if (state?.status === 'rejected') {
    await deps.failures.resolveFor(
      ORDER_SYNC_FLOW,
      { type: 'order', id: order.id },
      'order created in Linnworks',
    );
  }
  deps.logger.info({ ctOrderId: order.id, linnworksOrderId, paid }, 'order created in Linnworks');

  return { outcome: 'processed', action: 'created', linnworksOrderId };
}
