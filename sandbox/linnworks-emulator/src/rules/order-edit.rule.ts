import { badRequest, LinnworksHttpError } from '../http/lw-error';
import type { CallParams } from '../http/params';
import { ZERO_GUID } from '../lw-format';
import { ADDRESS_LINES, addressOf } from './channel-order.parser';
import type { CallContext } from '../routes/handler';
import type { AddressRecord, OrderRecord } from '../state/records';

/** The order an open-order edit is for, and whether the edit changes it. */
export interface EditTarget {
  order: OrderRecord;
  /** False for a processed or cancelled order under `processedOrderEdits: 'ignore'`. */
  apply: boolean;
}

/**
 * The order named by `orderId`. Unknown → 400 `Order not found`. Processed (shipped or
 * cancelled): nothing documents a refusal, so by default the edit is answered 2xx and changes
 * nothing (the stricter reading for the client); `processedOrderEdits: 'reject'` answers 400.
 */
export function orderToEdit(ctx: CallContext): EditTarget {
  const order = ctx.store.order(ctx.params.string('orderId') ?? '');
  if (!order) throw badRequest('Order not found');
  if (!order.processed) return { order, apply: true };
  if (ctx.options.processedOrderEdits === 'reject') {
    throw new LinnworksHttpError(
      400,
      `Order ${order.numOrderId} is processed and cannot be edited`,
    );
  }

  return { order, apply: false };
}

/**
 * `fulfilmentCenter` (a non-nullable Guid in the SDK, so absent is the zero GUID) must be the
 * order's location, as for Orders/CancelOrder.
 */
export function checkFulfilmentCenter(ctx: CallContext, order: OrderRecord): void {
  const centre = (ctx.params.string('fulfilmentCenter') ?? ZERO_GUID).trim().toLowerCase();
  if (centre !== order.locationId)
    throw badRequest('Order does not belong to the fulfilment center');
}

const CUSTOMER_ADDRESS_FIELDS = [...ADDRESS_LINES, 'Continent', 'CountryId'];

/**
 * SDK `CustomerAddress` as written by SetOrderCustomerInfo: Linnworks binds the whole object,
 * so a field left out is stored empty (the stricter reading: nothing is kept).
 */
export function customerAddressOf(params: CallParams | undefined): AddressRecord {
  return addressOf(params, CUSTOMER_ADDRESS_FIELDS);
}

/** The object parameter `name` (e.g. `info`), required: absent → 400 "The request is invalid.". */
export function requiredObject(params: CallParams, name: string): CallParams {
  const value = params.object(name);
  if (!value) throw badRequest();

  return value;
}
