import type { EmulatorStore } from '../state/emulator-store';
import type { OrderRecord, RefundHeaderRecord, RefundLineRecord } from '../state/records';

export interface NewHeaderOptions {
  /** Actioned at once (a refund made in the Linnworks UI with "Action"), or only booked. */
  actioned: boolean;
  channelInitiated?: boolean;
  externalReference?: string;
  /** `RefundReference` to use; Linnworks generates one otherwise. */
  reference?: string;
}

/** Saves a refund header on an order; `RefundReference` is generated unless given. */
export function addRefundHeader(
  store: EmulatorStore,
  order: OrderRecord,
  lines: RefundLineRecord[],
  options: NewHeaderOptions,
): RefundHeaderRecord {
  const now = store.now();
  const id = store.takeRefundHeaderId();
  const header: RefundHeaderRecord = {
    id,
    orderId: order.id,
    reference: options.reference || `RF-${order.numOrderId}-${id}`,
    createdDate: now,
    actioned: options.actioned,
    actionedDate: options.actioned ? now : null,
    channelInitiated: options.channelInitiated ?? false,
    externalReference: options.externalReference,
    lines,
  };
  store.refunds.push(header);

  return header;
}
