import { z } from 'zod';

import { PermanentUpstreamError, ValidationError } from '../errors/errors';
import type {
  LinnworksArgs as Args,
  LinnworksCall,
  LinnworksResult as Result,
} from './linnworks-call';

/** Order writes of the client: create, status and tag changes, cancellation (reference §3, §6.1). */

export const MAX_ORDERS_PER_CREATE = 20;

const orderIdsSchema = z.array(z.string()).nullable();

export async function createOrders(
  call: LinnworksCall,
  { orders, location, maxBudgetWaitMs }: Args<'createOrders'>,
): Result<'createOrders'> {
  if (orders.length === 0) return [];
  if (orders.length > MAX_ORDERS_PER_CREATE) {
    throw new ValidationError(
      'LINNWORKS_TOO_MANY_ORDERS',
      `CreateOrders takes at most ${MAX_ORDERS_PER_CREATE} orders per call, got ${orders.length}`,
    );
  }

  const options = maxBudgetWaitMs === undefined ? {} : { maxBudgetWaitMs };

  return (await call('Orders/CreateOrders', { orders, location }, orderIdsSchema, options)) ?? [];
}

/** A write on a list of orders that answers the ids it changed (ChangeStatus, ChangeOrderTag). */
async function onOrders(
  call: LinnworksCall,
  endpoint: string,
  body: { orderIds: string[] } & Record<string, unknown>,
): Promise<string[]> {
  if (body.orderIds.length === 0) return [];

  return (await call(endpoint, body, orderIdsSchema)) ?? [];
}

export function changeStatus(
  call: LinnworksCall,
  args: Args<'changeStatus'>,
): Result<'changeStatus'> {
  return onOrders(call, 'Orders/ChangeStatus', { orderIds: args.orderIds, status: args.status });
}

export function changeOrderTag(
  call: LinnworksCall,
  args: Args<'changeOrderTag'>,
): Result<'changeOrderTag'> {
  return onOrders(call, 'Orders/ChangeOrderTag', { orderIds: args.orderIds, tag: args.tag });
}

export async function cancelOrder(
  call: LinnworksCall,
  { orderId, fulfilmentCenter, refund, note }: Args<'cancelOrder'>,
): Result<'cancelOrder'> {
  const body = { orderId, fulfilmentCenter, refund: refund ?? 0, note: note ?? '' };
  const answer = await call('Orders/CancelOrder', body, z.unknown());
  if (typeof answer === 'string' && answer.trim() !== '') {
    throw new PermanentUpstreamError(
      'LINNWORKS_CANCEL_REJECTED',
      `Linnworks Orders/CancelOrder refused: ${answer.slice(0, 500)}`,
      { upstream: 'linnworks', endpoint: 'Orders/CancelOrder', linnworksMessage: answer },
    );
  }
}
