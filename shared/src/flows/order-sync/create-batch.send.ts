import type { Order } from '@commercetools/platform-sdk';

import { isRetryable, PermanentUpstreamError } from '../../errors/errors';
import type { LinnworksChannelOrder, LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import type { ItemOutcome, RequeuePolicy } from './create-orders.batcher';
import { RateBudgetSpentError } from '../../linnworks/rate-budget';
import { isConnectorOrder } from './linnworks-order.contract';
import type { OrderSyncDeps } from './order-sync.deps';

/** One order waiting to be created: the commercetools order and what Linnworks gets for it. */
export interface CreateRequest {
  order: Order;
  payload: LinnworksChannelOrder;
}

/**
 * Longest a batch waits for this app's CreateOrders budget. Past it the batch is not sent and its deliveries answer 503 at once, so Pub/Sub backs off, instead of waiting past
 * the 10 s acknowledgement deadline (window ≤ 1 s + this + two calls of ≤ 5 s each).
 */
export const MAX_BUDGET_WAIT_MS = 2_000;

/**
 * A batch refused for budget was not sent: its orders join the next batch while they are younger
 * than 4 s (4 s + 2 s budget wait + the calls stay within the app's 8 s), then answer 503.
 */
export const BUDGET_REQUEUE: RequeuePolicy = {
  when: (error) => error instanceof RateBudgetSpentError,
  maxAgeMs: 4_000,
};

/** Whether a Linnworks order is the connector's order for this commercetools order. */
export function isOrderOf(details: LinnworksOrderDetails, ctOrderId: string, source: string) {
  return (
    isConnectorOrder(details, source) &&
    (details.GeneralInfo.SecondaryReference === ctOrderId ||
      details.GeneralInfo.ExternalReferenceNum === ctOrderId)
  );
}

/** The connector's order in Linnworks for this commercetools order, if one exists. */
export async function findExisting(
  deps: OrderSyncDeps,
  order: Order,
): Promise<LinnworksOrderDetails | undefined> {
  const found = await deps.linnworks.getOrderDetailsByReferenceId({ referenceId: order.id });

  return found.find((o) => isOrderOf(o, order.id, deps.settings.source));
}

/**
 * Which Linnworks order each request became. The ids CreateOrders answers are read back
 * (GetOrdersById: one call per batch) and matched by the commercetools order id the order
 * carries (SecondaryReferenceNumber, ExternalReference), never by position: the result's order
 * is undocumented, and a skipped duplicate may be missing from it (reference §3.1 [?]). A
 * request with no order among them was skipped as a duplicate of a paid order: the per-order
 * lookup by reference finds that order (a rare path: redeliveries after a crash, races).
 */
async function attribute(
  deps: OrderSyncDeps,
  requests: CreateRequest[],
  ids: string[],
): Promise<ItemOutcome<LinnworksOrderDetails>[]> {
  // Waits for budget rather than refuse: the orders exist now, and a redelivery would cost
  // another CreateOrders and a lookup per order to learn what this one read tells.
  const read = ids.length > 0 ? await deps.linnworks.getOrdersById({ orderIds: ids }) : [];
  const source = deps.settings.source;

  return Promise.all(
    requests.map(async ({ order }): Promise<ItemOutcome<LinnworksOrderDetails>> => {
      const saved = read.find((d) => isOrderOf(d, order.id, source));
      if (saved) return { ok: true, value: saved };
      try {
        const existing = await findExisting(deps, order);
        if (existing) return { ok: true, value: existing };

        return {
          ok: false,
          error: new PermanentUpstreamError('LINNWORKS_REJECTED', 'CreateOrders saved no order'),
        };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
}

/**
 * Sends one batch with CreateOrders and answers each request's own outcome.
 * - Retryable failure (timeout, 429, 5xx, budget spent): every request of the batch is retried
 *   (its outcome is unknown or it was never sent); Linnworks' dedupe makes the retry safe.
 * - Refusal (4xx): Linnworks names no order in its message, so the batch is halved and each half
 *   sent again until the refusal is down to the one order it concerns; its batch-mates are
 *   created. Halves already saved by the refused call are deduped like any redelivery.
 */
export async function sendCreateBatch(
  deps: OrderSyncDeps,
  location: string,
  requests: CreateRequest[],
): Promise<ItemOutcome<LinnworksOrderDetails>[]> {
  let ids: string[];
  try {
    ids = await deps.linnworks.createOrders({
      orders: requests.map((r) => r.payload),
      location,
      maxBudgetWaitMs: MAX_BUDGET_WAIT_MS,
    });
  } catch (error) {
    if (requests.length === 1 || isRetryable(error) || !(error instanceof PermanentUpstreamError)) {
      return requests.map(() => ({ ok: false as const, error }));
    }
    const half = Math.ceil(requests.length / 2);
    deps.logger.warn(
      { orders: requests.length, code: error.code },
      'Linnworks refused a CreateOrders batch; sending its halves to find the order it concerns',
    );
    const [first, second] = await Promise.all([
      sendCreateBatch(deps, location, requests.slice(0, half)),
      sendCreateBatch(deps, location, requests.slice(half)),
    ]);

    return [...first, ...second];
  }
  try {
    return await attribute(deps, requests, ids);
  } catch (error) {
    // Created but not read back: a retry finds them (dedupe, lookup).
    return requests.map(() => ({ ok: false as const, error }));
  }
}
