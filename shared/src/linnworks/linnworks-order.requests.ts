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
  { orders, location }: Args<'createOrders'>,
): Result<'createOrders'> {
  if (orders.length === 0) return [];
  if (orders.length > MAX_ORDERS_PER_CREATE) {
    throw new ValidationError(
      'LINNWORKS_TOO_MANY_ORDERS',
      `CreateOrders takes at most ${MAX_ORDERS_PER_CREATE} orders per call, got ${orders.length}`,
    );
  }

  return (await call('Orders/CreateOrders', { orders, location }, orderIdsSchema)) ?? [];
}

export async function changeStatus(
  call: LinnworksCall,
  { orderIds, status }: Args<'changeStatus'>,
): Result<'changeStatus'> {
  if (orderIds.length === 0) return [];

  return (await call('Orders/ChangeStatus', { orderIds, status }, orderIdsSchema)) ?? [];
}

export async function changeOrderTag(
  call: LinnworksCall,
  { orderIds, tag }: Args<'changeOrderTag'>,
): Result<'changeOrderTag'> {
  if (orderIds.length === 0) return [];

  return (await call('Orders/ChangeOrderTag', { orderIds, tag }, orderIdsSchema)) ?? [];
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
