import { enumOut } from '../lw-enums';
import type { EmulatorStore } from '../state/emulator-store';
import type { OrderRecord } from '../state/records';
import {
  customerInfoView,
  generalInfoView,
  orderItemView,
  shippingInfoView,
  totalsInfoView,
  type ViewOptions,
} from './order-details.view';

/**
 * SDK `OpenOrder`, a row of Orders/GetOpenOrders. The SDK notes that these orders come without
 * the billing address ("to get this information use GetOrder"): `BillingAddress` is null.
 */
export function openOrderView(
  store: EmulatorStore,
  order: OrderRecord,
  options: ViewOptions,
): Record<string, unknown> {
  const short = order.items.some((item) => {
    if (!item.stockItemId || item.isService) return false;
    const level = store.stock.level(item.stockItemId, order.locationId);

    return level.stockLevel - level.inOrders < 0;
  });

  return {
    OrderId: order.id,
    NumOrderId: order.numOrderId,
    GeneralInfo: generalInfoView(order, options),
    ShippingInfo: shippingInfoView(order, options),
    CustomerInfo: customerInfoView(order, false),
    TotalsInfo: totalsInfoView(order, options),
    TaxInfo: { TaxNumber: '' },
    FolderName: [],
    IsPostFilteredOut: false,
    CanFulfil: !short,
    Fulfillment: {
      FulfillmentState: enumOut(
        options,
        'FulfillmentState',
        short ? 'Insufficient_Stock' : 'Sufficient_Stock',
      ),
      PurchaseOrderState: null,
    },
    Items: order.items.map((item) => orderItemView(store, order, item, options)),
    HasItems: order.items.length > 0,
    TotalItemsSum: order.items.reduce((sum, item) => sum + item.quantity, 0),
  };
}
