import type { Order } from '@commercetools/platform-sdk';

import { VersionConflictError } from '../../errors/errors';
import type { StoredObject } from '../../state/state-store';
import type { OrderState } from './order-state.contract';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import type { OrderProblem } from './order-problems';

/** One order being synced: what every step of `syncOrder` reads. */
export interface OrderRun {
  deps: OrderSyncDeps;
  order: Order;
  stored: StoredObject<OrderState> | undefined;
  /** The ReferenceNumber in Linnworks (the recorded one, else derived from the order). */
  reference: string;
  now: Date;
  dryRun: boolean;
}

export function stateOf(
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
export async function saveState(
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

/** Records why the order cannot go to Linnworks, and the state `rejected`. */
/** What an operator finds an order's failure by: its number, id and SKUs (no personal data). */
export function failureLookup(order: Order) {
  const skus = order.lineItems.flatMap((l) => (l.variant.sku ? [l.variant.sku] : []));

  return {
    ctOrderId: order.id,
    ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
    skus,
  };
}

export async function reject(
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
      ...failureLookup(order),
    });
    const now = deps.now?.() ?? new Date();
    const previous = stored?.value;
    await saveState(deps, stored, stateOf(order, previous, reference, now, { status: 'rejected' }));
  }

  return { outcome: 'rejected', action: 'rejected', reasonCode: first.code, message };
}
