import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import { mapOrderToLinnworks } from './ct-order.mapper';
import { orderAsSent } from './line-cancellation';
import { type EditPlan, planOrderEdits } from './order-edits.mapper';
import { applyPlan, EditRefused } from './order-edit.calls';
import type { OrderState } from './order-state.contract';
import { ORDER_SYNC_FLOW, type OrderSyncDeps, type SyncResult } from './order-sync.deps';
import { type OrderRun, saveState } from './order-sync.state';

export const ORDER_ALREADY_PROCESSED = 'ORDER_ALREADY_PROCESSED';

function isProcessed(details: LinnworksOrderDetails): boolean {
  return details.Processed === true;
}

async function readOrder(deps: OrderSyncDeps, lwId: string) {
  return (await deps.linnworks.getOrdersById({ orderIds: [lwId] }))[0];
}

/** Records why an edit cannot reach Linnworks; the order's state stays `created`. */
async function recordEditFailure(
  run: OrderRun,
  reasonCode: string,
  field: string,
  message: string,
): Promise<SyncResult> {
  const { deps, order } = run;
  deps.logger.warn({ ctOrderId: order.id, reasonCode, field }, 'order edit not applied; recorded');
  await deps.failures.record({
    flow: ORDER_SYNC_FLOW,
    reasonCode,
    message,
    field,
    retryable: false,
    ref: { type: 'order', id: order.id },
  });

  return { outcome: 'rejected', action: 'edit-not-applied', reasonCode, message };
}

function processedFailure(run: OrderRun, plan: EditPlan, details: LinnworksOrderDetails) {
  const message =
    `Linnworks order ${details.NumOrderId ?? details.OrderId} was already processed; ` +
    `these changes did not reach it: ${plan.parts.join(', ')} (order version ${run.order.version})`;

  return recordEditFailure(run, ORDER_ALREADY_PROCESSED, plan.parts.join(','), message);
}

/** Applies the plan, saves the version, reads back: a refusal or a processed order is recorded. */
async function applyAndCheck(
  run: OrderRun,
  details: LinnworksOrderDetails,
  plan: EditPlan,
  addedRows: Record<string, string>,
  save: (patch: Partial<OrderState>) => Promise<void>,
): Promise<SyncResult | undefined> {
  const { deps, order } = run;
  try {
    await applyPlan(deps, details, plan, addedRows);
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    await save({ addedRows });
    return recordEditFailure(run, error.code, error.field, error.message);
  }
  await save({ addedRows });
  const after = await readOrder(deps, details.OrderId);
  if (after && isProcessed(after)) return processedFailure(run, plan, after);
  await deps.failures.resolveFor(
    ORDER_SYNC_FLOW,
    { type: 'order', id: order.id },
    'order edits applied in Linnworks',
  );
  deps.logger.info(
    { ctOrderId: order.id, linnworksOrderId: details.OrderId, parts: plan.parts },
    'order edits applied in Linnworks',
  );

  return undefined;
}

/**
 * Brings a change made to an exported order (address, email, shipping, lines, units moved to
 * the cancelled line-item state) to its Linnworks order while it is open, with Linnworks'
 * documented order-item calls (a partial cancellation: PostSale/CreateCancellation has no lines); once processed, records
 * `ORDER_ALREADY_PROCESSED` naming what changed. Idempotent by order version (`editedVersion`).
 */
export async function syncOrderEdits(
  run: OrderRun,
  state: OrderState,
  lwId: string,
  force = false,
): Promise<SyncResult> {
  const { deps, order, stored, reference, dryRun } = run;
  if (!force && order.version <= (state.editedVersion ?? 0)) {
    return { outcome: 'skipped', action: 'edits-already-applied', linnworksOrderId: lwId };
  }
  // Units in a cancelled line-item state leave Linnworks like units an edit removed; the ones
  // Linnworks cancelled itself are already gone there, so they are not sent back.
  const mapped = mapOrderToLinnworks(orderAsSent(order, deps.settings), deps.settings, reference);
  const details = await readOrder(deps, lwId);
  if (!details) return { outcome: 'skipped', action: 'linnworks-order-not-found' };
  if (!mapped.ok) {
    const p = mapped.problems[0]!;
    return dryRun
      ? { outcome: 'rejected', action: 'edit-invalid', reasonCode: p.code }
      : recordEditFailure(run, p.code, p.field, p.message);
  }
  const addedRows = { ...state.addedRows };
  const plan = planOrderEdits(mapped.mapped.order, details, addedRows);
  const save = (patch: Partial<OrderState>) =>
    saveState(deps, stored, {
      ...state,
      editedVersion: order.version,
      updatedAt: run.now.toISOString(),
      ...patch,
    });
  if (plan.parts.length === 0) {
    if (!dryRun) await save({});
    // A replay (force) of an order with nothing left to change: it is in step.
    const action = force ? 'already-synced' : 'no-edit';

    return { outcome: 'skipped', action, linnworksOrderId: lwId };
  }
  if (dryRun) return { outcome: 'processed', action: `would-edit ${plan.parts.join(',')}` };
  if (isProcessed(details)) {
    await save({});
    return processedFailure(run, plan, details);
  }
  const failed = await applyAndCheck(run, details, plan, addedRows, save);
  if (failed) return failed;

  return { outcome: 'processed', action: `edited ${plan.parts.join(',')}`, linnworksOrderId: lwId };
}
