import { ControlError } from '../http/lw-error';
import type { EmulatorOptions } from '../emulator-options';
import { newGuid } from '../lw-format';
import { roundMoney } from '../rules/money.rule';
import { addRefundHeader } from '../rules/refund-header.rule';

type Rounding = Pick<EmulatorOptions, 'moneyRounding'>;
import type { EmulatorStore } from '../state/emulator-store';
import type {
  OrderRecord,
  RefundHeaderRecord,
  RefundLineRecord,
  ReturnRecord,
  ReturnType,
} from '../state/records';
import {
  cancelWholeOrder,
  findLine,
  findOrder,
  type LineSelector,
  reduceLines,
} from './order-actions';

export interface RefundInput {
  order: string;
  /** Item lines refunded: quantity and amount (decimal, order currency). */
  lines?: (LineSelector & { amount: number })[];
  shippingAmount?: number;
  reasonTag?: string;
  note?: string;
  /** Actioned (pushed to the channel) right away; default true. */
  actioned?: boolean;
}

export interface ReturnInput {
  order: string;
  lines: (LineSelector & { reason?: string; category?: string })[];
  /** RETURNREFUND creates a refund line per returned line too. */
  type?: Extract<ReturnType, 'RETURN' | 'RETURNREFUND'>;
  refundAmounts?: number[];
  /** Put the goods back on the shelf at the order's location. */
  restock?: boolean;
}

export interface CancelInput {
  order: string;
  /** Lines to cancel partially; the whole order when omitted. */
  lines?: LineSelector[];
  reasonTag?: string;
}

/** A refund of some quantity of some lines and/or shipping on a processed order (reference §6.2). */
export function refundOrder(
  store: EmulatorStore,
  input: RefundInput,
  rounding: Rounding,
): RefundHeaderRecord {
  const order = findOrder(store, input.order);
  if (!order.processed)
    throw new ControlError(409, 'OpenOrderInLinnworks: refunds are for processed orders');
  const lines: RefundLineRecord[] = (input.lines ?? []).map((sel) => {
    const line = findLine(order, sel);

    return {
      rowId: newGuid(),
      unit: line.isService ? 'Service' : 'Item',
      orderItemRowId: line.rowId,
      sku: line.sku || line.channelSku,
      title: line.title,
      amount: roundMoney(rounding, sel.amount),
      quantity: sel.quantity,
      cancelledQuantity: 0,
      isCancellation: false,
      reasonTag: input.reasonTag ?? '',
      note: input.note ?? '',
    };
  });
  if (input.shippingAmount) {
    lines.push({
      rowId: newGuid(),
      unit: 'Shipping',
      orderItemRowId: null,
      sku: '',
      title: 'Shipping',
      amount: roundMoney(rounding, input.shippingAmount),
      quantity: 0,
      cancelledQuantity: 0,
      isCancellation: false,
      reasonTag: input.reasonTag ?? '',
      note: input.note ?? '',
    });
  }
  if (lines.length === 0) throw new ControlError(400, 'NoNewRefundsSpecified');

  return addRefundHeader(store, order, lines, { actioned: input.actioned ?? true });
}

/** Returns of some quantity of some lines (ReturnInfo rows), optionally refunded and restocked. */
export function returnItems(
  store: EmulatorStore,
  input: ReturnInput,
  rounding: Rounding,
): ReturnRecord[] {
  const order = findOrder(store, input.order);
  if (!order.processed) throw new ControlError(409, 'Returns are for processed orders');
  const type = input.type ?? 'RETURN';
  const refund =
    type === 'RETURNREFUND'
      ? refundOrder(
          store,
          {
            order: order.id,
            lines: input.lines.map((l, i) => ({ ...l, amount: input.refundAmounts?.[i] ?? 0 })),
          },
          rounding,
        )
      : undefined;

  return input.lines.map((sel, index) => {
    const line = findLine(order, sel);
    const refundLine = refund?.lines[index];
    const id = store.takeReturnId();
    const record: ReturnRecord = {
      id,
      type,
      reference: `RT-${order.numOrderId}-${id}`,
      orderId: order.id,
      orderItemRowId: line.rowId,
      sku: line.sku || line.channelSku,
      title: line.title,
      quantity: sel.quantity,
      reason: sel.reason ?? '',
      category: sel.category ?? '',
      returnLocationId: input.restock ? order.locationId : null,
      returnDate: store.now(),
      completed: true,
      refundRowId: refundLine?.rowId ?? null,
      refundedAmount: refundLine?.amount ?? null,
    };
    if (input.restock && line.stockItemId) {
      store.stock.adjustStockLevel(
        line.stockItemId,
        order.locationId,
        { delta: sel.quantity },
        'Return',
      );
    }
    store.returns.push(record);

    return record;
  });
}

/**
 * Cancels an open order wholly (as Orders/CancelOrder) or partly: a partial cancellation
 * lowers the lines and records refund lines with IsCancellation and CancelledQuantity (§6.1).
 */
export function cancelOrder(
  store: EmulatorStore,
  input: CancelInput,
  rounding: Rounding,
): OrderRecord {
  const order = findOrder(store, input.order);
  if (!input.lines) {
    if (order.processed)
      throw new ControlError(409, `Order ${order.numOrderId} is already processed`);
    cancelWholeOrder(store, order);

    return order;
  }
  const reduced = reduceLines(store, order, input.lines);
  const lines: RefundLineRecord[] = reduced.map(({ line, quantity }) => ({
    rowId: newGuid(),
    unit: 'Item',
    orderItemRowId: line.rowId,
    sku: line.sku || line.channelSku,
    title: line.title,
    amount: roundMoney(rounding, line.pricePerUnit * quantity),
    quantity,
    cancelledQuantity: quantity,
    isCancellation: true,
    reasonTag: input.reasonTag ?? '',
    note: '',
  }));
  addRefundHeader(store, order, lines, { actioned: true });
  if (order.items.every((i) => i.quantity === 0)) cancelWholeOrder(store, order);

  return order;
}
