import { isSettled } from './order-lifecycle.contract';
import type { Order } from '@commercetools/platform-sdk';

import {
  isOrderPaid,
  linnworksReferenceFor,
  mapOrderToLinnworks,
  NO_STORE_KEY,
} from './ct-order.mapper';
import { cancelInLinnworks } from './cancel-order.use-case';
import { createOrder, skipAllCancelled } from './create-order.use-case';
import { allUnitsCancelled, orderAsSent } from './line-cancellation';
import { hasLinnworksSyncInfo } from './ct-order-sync.port';
import type { OrderState } from './order-state.contract';
import type { OrderSyncDeps, SyncResult } from './order-sync.deps';
import { type OrderRun, reject, saveState, stateOf } from './order-sync.state';
import { paidLater } from './paid-later';
import { syncOrderEdits } from './edit-order.use-case';
import { normaliseSku } from '../stock-sync/sku-matching.contract';
import { problem } from './order-problems';
import { withStoreRules } from './store-rules';

export interface SyncOrderOptions {
  /** Compute and validate, read what is needed, write nothing. */
  dryRun?: boolean;
  /**
   * For an order already in Linnworks, bring its changes there too: `if-new-version` (an edit
   * message; skipped for a version already handled) or `always` (a replay).
   */
  edits?: 'if-new-version' | 'always';
}

function gateSays(deps: OrderSyncDeps, order: Order): SyncResult | undefined {
  const { stores, paidOnly } = deps.settings;
  const storeKey = order.store?.key ?? NO_STORE_KEY;
  if (stores.length > 0 && !stores.includes(storeKey)) {
    return { outcome: 'ignored', action: 'store-not-synced' };
  }
  if (paidOnly && !isOrderPaid(order, deps.settings))
    return { outcome: 'skipped', action: 'awaiting-payment' };

  return undefined;
}

async function validateAndMap(deps: OrderSyncDeps, order: Order, reference: string) {
  const result = mapOrderToLinnworks(order, deps.settings, reference);
  if (!result.ok) return result;
  if (deps.settings.unknownSkuPolicy === 'reject') {
    const unknown = await deps.knownSkus.unknown(deps.linnworks, result.mapped.skus);
    if (unknown.length > 0) {
      const problems = unknown.map((sku) => {
        const index = order.lineItems.findIndex(
          (l) => normaliseSku(l.variant.sku ?? '', deps.settings.skuMatching) === sku,
        );

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

/** The order is already in Linnworks: record its sync info, and mark it paid if it was paid since. */
async function syncCreatedOrder(
  run: OrderRun,
  state: OrderState,
  lwId: string,
  edits: SyncOrderOptions['edits'],
): Promise<SyncResult> {
  const { deps, order, stored, reference, dryRun } = run;
  if (!hasLinnworksSyncInfo(order, lwId) && !dryRun) {
    await deps.ct.recordLinnworksOrderId(order, lwId);
  }
  if (state.paid || !isOrderPaid(order, deps.settings)) {
    if (edits) return syncOrderEdits(run, state, lwId, edits === 'always');
    return { outcome: 'skipped', action: 'already-synced', linnworksOrderId: lwId };
  }
  // Marking paid sends CreateOrders again (an in-place update): the lines as sent, cancelled
  // units left out, or it would bring them back.
  const mapped = mapOrderToLinnworks(orderAsSent(order, deps.settings), deps.settings, reference);
  if (!mapped.ok) return reject(deps, order, stored, reference, mapped.problems, dryRun);
  if (dryRun) return { outcome: 'processed', action: 'would-mark-paid', linnworksOrderId: lwId };

  return paidLater(deps, order, mapped.mapped, lwId, async () => {
    await saveState(deps, stored, stateOf(order, state, reference, run.now, { paid: true }));
  });
}

/**
 * Brings one commercetools order into Linnworks, exactly once, deciding from the order's
 * current state (a message is only a hint). Idempotent: run it again and nothing changes.
 * Retryable failures are thrown; everything else ends in a result. The order's store rules
 * (store-rules.ts) are resolved once, here: everything after sees only the effective settings.
 */
export async function syncOrder(
  flowDeps: OrderSyncDeps,
  orderId: string,
  options: SyncOrderOptions = {},
): Promise<SyncResult> {
  const dryRun = options.dryRun ?? false;
  const [stored, order] = await Promise.all([
    flowDeps.states.get(orderId),
    flowDeps.ct.getOrder(orderId),
  ]);
  if (!order) return { outcome: 'ignored', action: 'order-not-found' };
  const deps = withStoreRules(flowDeps, order);
  const state = stored?.value;
  if (order.orderState === 'Cancelled') return cancelInLinnworks(deps, order, stored, dryRun);
  const gate = gateSays(deps, order);
  if (gate) return gate;
  const reference = state?.linnworksReference ?? linnworksReferenceFor(order);
  const run: OrderRun = { deps, order, stored, reference, now: deps.now?.() ?? new Date(), dryRun };
  if (isSettled(state) && state?.linnworksOrderId) {
    // Shipped or cancelled in Linnworks (fulfillment-sync settled it): nothing left to send.
    return {
      outcome: 'skipped',
      action: 'settled-in-linnworks',
      linnworksOrderId: state.linnworksOrderId,
    };
  }
  if (state?.status === 'created' && state.linnworksOrderId) {
    return syncCreatedOrder(run, state, state.linnworksOrderId, options.edits);
  }
  // The first export leaves out units already in a cancelled line-item state, as an edit would.
  const sent = orderAsSent(order, deps.settings);
  if (allUnitsCancelled(order, sent)) return skipAllCancelled(run);
  const mapped = await validateAndMap(deps, sent, reference);
  if (!mapped.ok) return reject(deps, order, stored, reference, mapped.problems, dryRun);
  if (dryRun) return { outcome: 'processed', action: 'would-create' };

  return createOrder(run, mapped.mapped);
}
