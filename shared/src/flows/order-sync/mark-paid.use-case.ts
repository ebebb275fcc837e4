import { PermanentUpstreamError } from '../../errors/errors';
import type { LinnworksOrderDetails } from '../../linnworks/linnworks-types';
import { LINNWORKS_STATUS_PAID, type LinnworksChannelOrder } from '../../linnworks/linnworks-types';
import type { OrderSyncDeps } from './order-sync.deps';

export const MARK_PAID_REFUSED = 'LINNWORKS_MARK_PAID_REFUSED';

/** What marking an open Linnworks order paid did, for the log. */
export interface MarkPaidOutcome {
  statusChanged: boolean;
  unparked: boolean;
}

async function readOrder(deps: OrderSyncDeps, lwOrderId: string): Promise<LinnworksOrderDetails> {
  const [details] = await deps.linnworks.getOrdersById({ orderIds: [lwOrderId] });
  if (!details) {
    throw new PermanentUpstreamError(MARK_PAID_REFUSED, `Linnworks order ${lwOrderId} not found`, {
      upstream: 'linnworks',
      lwOrderId,
    });
  }

  return details;
}

function refused(details: LinnworksOrderDetails, what: string, answers: Record<string, unknown>) {
  return new PermanentUpstreamError(
    MARK_PAID_REFUSED,
    `Linnworks order ${details.NumOrderId} ${what}`,
    { upstream: 'linnworks', lwOrderId: details.OrderId, ...answers },
  );
}

/**
 * Moves an open Linnworks order from unpaid to paid with the documented calls:
 * 1. CreateOrders again under the same reference: Linnworks updates an unpaid order in place
 *    (help article 7000013635), which brings PaidOn and any change to the lines;
 * 2. Orders/ChangeStatus to 1 (PAID) when `GeneralInfo.Status` is not PAID;
 * 3. Orders/ChangeOrderTag with `null` (removes the tag; 7 is "parked") when `IsParked`.
 * Nothing documented says that step 1 alone marks the order paid or un-parks it, so the order is
 * read back and the result checked; an order still unpaid or parked throws `MARK_PAID_REFUSED`.
 */
export async function markPaidInLinnworks(
  deps: OrderSyncDeps,
  lwOrderId: string,
  payload: { order: LinnworksChannelOrder; location: string },
): Promise<MarkPaidOutcome> {
  await deps.linnworks.createOrders({ orders: [payload.order], location: payload.location });
  const before = await readOrder(deps, lwOrderId);
  if (before.Processed)
    throw refused(before, 'is already processed; it can no longer be marked paid', {});
  const answers: Record<string, unknown> = {};
  const statusChanged = before.GeneralInfo.Status !== LINNWORKS_STATUS_PAID;
  if (statusChanged) {
    answers.changeStatus = await deps.linnworks.changeStatus({
      orderIds: [lwOrderId],
      status: LINNWORKS_STATUS_PAID,
    });
  }
  const unparked = before.GeneralInfo.IsParked;
  if (unparked) {
    answers.changeOrderTag = await deps.linnworks.changeOrderTag({
      orderIds: [lwOrderId],
      tag: null,
    });
  }
  if (!statusChanged && !unparked) return { statusChanged, unparked };
  const after = await readOrder(deps, lwOrderId);
  if (after.GeneralInfo.Status !== LINNWORKS_STATUS_PAID) {
    throw refused(
      after,
      `still has status ${after.GeneralInfo.Status} after ChangeStatus (1 is PAID)`,
      answers,
    );
  }
  if (after.GeneralInfo.IsParked)
    throw refused(after, 'is still parked after ChangeOrderTag', answers);

  return { statusChanged, unparked };
}
