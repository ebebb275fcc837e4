import type { Order, Payment, Transaction } from '@commercetools/platform-sdk';

/** When an order counts as paid (`ORDER_PAID_WHEN`). */
export type PaidWhen = 'paymentState' | 'transactions' | 'either';

export interface PaymentSettings {
  paidWhen: PaidWhen;
  /** Payment interface and/or method → Linnworks payment method (`ORDER_PAYMENT_METHOD_MAPPING`). */
  paymentMethodMapping: Record<string, string>;
}

/** What Linnworks gets to know about an order's payment. */
export interface PaymentFacts {
  paid: boolean;
  /** When it was paid: the payment's time, never the order's lastModifiedAt. */
  paidOn?: string;
  /** The Linnworks payment method, as the mapping table says (else the commercetools method). */
  method?: string;
}

function paymentsOf(order: Order): Payment[] {
  return (order.paymentInfo?.payments ?? []).flatMap((p) => (p.obj ? [p.obj] : []));
}

function successfulCharges(order: Order): Transaction[] {
  const currency = order.totalPrice.currencyCode;

  return paymentsOf(order)
    .flatMap((p) => p.transactions)
    .filter((t) => t.type === 'Charge' && t.state === 'Success')
    .filter((t) => t.amount.currencyCode === currency)
    .sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? ''));
}

/** The charge that brought the successful charges up to the order's total, if they reach it. */
function coveringCharge(order: Order): Transaction | undefined {
  let sum = 0;
  for (const charge of successfulCharges(order)) {
    sum += charge.amount.centAmount;
    if (sum >= order.totalPrice.centAmount) return charge;
  }

  return undefined;
}

function paidTime(order: Order, covering: Transaction | undefined): string {
  const charges = successfulCharges(order);
  const charge = covering ?? charges[charges.length - 1];

  return charge?.timestamp ?? paymentsOf(order)[0]?.createdAt ?? order.createdAt;
}

/**
 * The Linnworks payment method of the order's first payment: the mapping's entry for
 * `<paymentInterface>/<method>`, else `<method>`, else `<paymentInterface>`, else `_default`,
 * else the commercetools method itself (docs/order-sync.md, "Payment").
 */
export function paymentMethodOf(order: Order, mapping: Record<string, string>): string | undefined {
  const info = paymentsOf(order)[0]?.paymentMethodInfo;
  const method = info?.method;
  const psp = info?.paymentInterface;
  const keys = [psp && method ? `${psp}/${method}` : undefined, method, psp, '_default'];
  for (const key of keys) if (key && mapping[key]) return mapping[key];

  return method;
}

/** Whether the order is paid under the configured rule, when, and by which method. */
export function paymentOf(order: Order, settings: PaymentSettings): PaymentFacts {
  const byState = order.paymentState === 'Paid';
  const covering = settings.paidWhen === 'paymentState' ? undefined : coveringCharge(order);
  const byTransactions = covering !== undefined;
  const paid =
    settings.paidWhen === 'paymentState'
      ? byState
      : settings.paidWhen === 'transactions'
        ? byTransactions
        : byState || byTransactions;
  const method = paymentMethodOf(order, settings.paymentMethodMapping);

  return {
    paid,
    ...(paid ? { paidOn: paidTime(order, covering) } : {}),
    ...(method ? { method } : {}),
  };
}
