import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import type { EditPlan, LineEdit } from './order-edits.mapper';
import type { OrderSyncDeps } from './order-sync.deps';

/** An edit Linnworks cannot take as asked (unknown SKU, unmapped postal service): recorded. */
export class EditRefused extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
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

/**
 * Applies the plan with the documented open-order calls; the rows added are put in `addedRows`.
 * Each `info` is written whole: what was read, with the change (linnworks-write-types.ts).
 */
export async function applyPlan(
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
