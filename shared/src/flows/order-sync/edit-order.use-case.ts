import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import { mapOrderToLinnworks } from './ct-order.mapper';
import { type EditPlan, type LineEdit, planOrderEdits } from './order-edits.mapper';
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

async function postalServiceId(deps: OrderSyncDeps, name: string): Promise<string | undefined> {
  const services = await deps.linnworks.getPostalServices();

  return services.find((s) => s.PostalServiceName === name)?.pkPostalServiceId;
}

async function applyLine(
  deps: OrderSyncDeps,
  details: LinnworksOrderDetails,
  edit: LineEdit,
  addedRows: Record<string, string>,
): Promise<void> {
  const orderId = details.OrderId;
  const fulfilmentCenter = details.FulfilmentLocationId ?? '';
  if (edit.kind === 'remove') {
    await deps.linnworks.removeOrderItem({ orderId, rowId: edit.item.RowId, fulfilmentCenter });
    for (const [k, row] of Object.entries(addedRows))
      if (row === edit.item.RowId) delete addedRows[k];
    return;
  }
  if (edit.kind === 'update') {
    const { Source: source, SubSource: subSource } = details.GeneralInfo;
    const base = { orderId, fulfilmentCenter, source: source ?? '', subSource: subSource ?? '' };
    await deps.linnworks.updateOrderItem({ ...base, item: edit.item, changes: edit.changes });
    return;
  }
  const { line } = edit;
  const [found] = await deps.linnworks.getStockItemIdsBySku({ skus: [line.ChannelSKU] });
  if (!found)
    throw new EditRefused(
      'SKU_UNKNOWN',
      'lineItems',
      `SKU of line item ${line.ItemNumber} is unknown to Linnworks`,
    );
  const added = await deps.linnworks.addOrderItem({
    orderId,
    stockItemId: found.StockItemId,
    channelSku: line.ChannelSKU,
    fulfilmentCenter,
    quantity: line.Qty,
    linePricing: {
      PricePerUnit: line.PricePerUnit,
      DiscountPercentage: 0,
      TaxRatePercentage: line.TaxRate,
      TaxInclusive: line.TaxCostInclusive,
    },
  });
  if (added.Item) addedRows[line.ItemNumber] = added.Item.RowId;
}

class EditRefused extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Applies the plan with the documented open-order calls; the rows added are put in `addedRows`. */
async function applyPlan(
  deps: OrderSyncDeps,
  details: LinnworksOrderDetails,
  plan: EditPlan,
  addedRows: Record<string, string>,
): Promise<void> {
  const orderId = details.OrderId;
  if (plan.customer) await deps.linnworks.setOrderCustomerInfo({ orderId, info: plan.customer });
  if (plan.shipping) {
    const read = details.ShippingInfo;
    const name = plan.shipping.postalServiceName;
    const id =
      plan.shipping.serviceChanged && name
        ? await postalServiceId(deps, name)
        : read.PostalServiceId;
    if (!id)
      throw new EditRefused(
        'SHIPPING_METHOD_UNMAPPED',
        'shippingInfo.shippingMethod',
        `Linnworks has no postal service named in the mapping for the new shipping method`,
      );
    const info = {
      PostalServiceId: id,
      PostageCost: plan.shipping.cost,
      TrackingNumber: read.TrackingNumber ?? '',
      ManualAdjust: true,
    };
    await deps.linnworks.setOrderShippingInfo({ orderId, info });
  }
  for (const edit of plan.lines) await applyLine(deps, details, edit, addedRows);
}

/**
 * Brings a change made to an exported order (address, email, shipping, lines) to its Linnworks
 * order while it is open, with Linnworks' documented calls; once processed, records
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
  const mapped = mapOrderToLinnworks(order, deps.settings, reference);
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
  try {
    await applyPlan(deps, details, plan, addedRows);
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    await save({ addedRows });
    return recordEditFailure(run, error.code, error.field, error.message);
  }
  await save({ addedRows });
  const after = await readOrder(deps, lwId);
  if (after && isProcessed(after)) return processedFailure(run, plan, after);
  await deps.failures.resolveFor(
    ORDER_SYNC_FLOW,
    { type: 'order', id: order.id },
    'order edits applied in Linnworks',
  );
  deps.logger.info(
    { ctOrderId: order.id, linnworksOrderId: lwId, parts: plan.parts },
    'order edits applied in Linnworks',
  );

  return { outcome: 'processed', action: `edited ${plan.parts.join(',')}`, linnworksOrderId: lwId };
}
