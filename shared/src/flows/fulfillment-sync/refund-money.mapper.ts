import type { Order, Payment, TransactionDraft } from '@commercetools/platform-sdk';

import type { LinnworksRefundHeader, LinnworksReturnInfo } from '../../linnworks/linnworks-types';
import {
  refundInteractionIdFor,
  refundStartedInCommercetools,
} from '../order-sync/money-paths.contract';
import type { LwRefundMoney, LwReturn } from './fulfillment.types';
import { isActionedHeader } from './linnworks-records.mapper';

/** How a Linnworks refund reaches the commercetools payment (`FULFILLMENT_REFUND_TRANSACTION`). */
export type RefundTransactionMode = 'none' | 'record' | 'request';

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Every refund row of the order's actioned headers that gave money back: items, shipping,
 * services and order-level amounts. Cancellation lines (the order was never shipped, so never
 * charged for them in Linnworks' sense) and deleted lines are left out.
 */
export function refundMoneyFromHeaders(headers: LinnworksRefundHeader[]): LwRefundMoney[] {
  const money: LwRefundMoney[] = [];
  for (const header of headers) {
    if (!isActionedHeader(header)) continue;
    for (const line of header.RefundLines ?? []) {
      if (line.Deleted || line.IsCancellation || !(line.Amount > 0)) continue;
      money.push({
        refundRowId: line.RefundRowId,
        refundHeaderId: header.RefundHeaderId,
        unit: line.RefundedUnit ?? 'Item',
        amount: line.Amount,
        externalReference: line.ExternalReference || header.ExternalReference,
        channelInitiated: line.ChannelInitiated || header.ChannelInitiated,
        actionedDate: line.ActionedDate ?? header.LastActionDate,
      });
    }
  }

  return money;
}

/** Linnworks' return rows (`ReturnInfo`) as the flow's own records. */
export function returnsFromInfo(rows: LinnworksReturnInfo[]): LwReturn[] {
  return rows.map((r) => ({
    returnId: r.pkReturnId,
    type: r.RowType ?? 'UNKNOWN',
    completed: r.Completed,
    line: { rowId: r.fkOrderItemRowId, sku: r.SKU, quantity: r.ReturnQty },
    refundRowId: r.fkRefundRowId && r.fkRefundRowId !== ZERO_GUID ? r.fkRefundRowId : null,
    returnDate: r.ReturnDate,
  }));
}

/** Linnworks refunds that started there: the ones order-sync created are never sent back. */
export function linnworksInitiated(money: LwRefundMoney[]): LwRefundMoney[] {
  return money.filter((m) => !refundStartedInCommercetools(m));
}

/**
 * The payment a Linnworks refund is booked on: the latest payment with a successful charge,
 * else the order's only payment; undefined when that is ambiguous or there is none.
 */
export function refundPaymentOf(payments: Payment[]): Payment | undefined {
  const charged = payments.filter((p) =>
    p.transactions.some((t) => t.type === 'Charge' && t.state === 'Success'),
  );
  if (charged.length > 0) {
    return [...charged].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  }

  return payments.length === 1 ? payments[0] : undefined;
}

/**
 * One `Refund` transaction per Linnworks refund row not yet on the payment (keyed by
 * `interactionId` = `lw-refund-<RefundRowId>`, so a replay adds nothing): `Success` in `record`
 * mode (money already went back), `Initial` in `request` mode (the payment integration executes it).
 */
export function planRefundTransactions(
  order: Pick<Order, 'totalPrice'>,
  payment: Payment,
  money: LwRefundMoney[],
  mode: 'record' | 'request',
): TransactionDraft[] {
  const present = new Set(payment.transactions.map((t) => t.interactionId).filter(Boolean));
  const { currencyCode, fractionDigits } = order.totalPrice;
  const drafts: TransactionDraft[] = [];
  for (const m of linnworksInitiated(money)) {
    const interactionId = refundInteractionIdFor(m.refundRowId);
    if (present.has(interactionId)) continue;
    drafts.push({
      type: 'Refund',
      state: mode === 'record' ? 'Success' : 'Initial',
      amount: { currencyCode, centAmount: Math.round(m.amount * 10 ** fractionDigits) },
      interactionId,
      ...(m.actionedDate ? { timestamp: m.actionedDate } : {}),
    });
  }

  return drafts;
}
