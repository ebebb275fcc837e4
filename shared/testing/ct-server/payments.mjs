// Payments and their Transactions, as commercetools validates them (api-specs/api/types/payment/):
// - a TransactionDraft (on a PaymentDraft or in addTransaction) has a `type` from TransactionType
//   and, if given, a `state` from TransactionState (default Initial), an `amount`, and a
//   `timestamp` that is a date-time; the mock stored any value. Unknown enum values are 400
//   InvalidJsonInput, a missing field too;
// - changeTransactionState takes a TransactionState; changeTransactionState,
//   changeTransactionTimestamp, changeTransactionInteractionId and setTransactionInterfaceId need
//   a Transaction of the Payment: an unknown `transactionId` is 400 InvalidOperation [?: the code].
//   The mock ignored an unknown id (and changeTransactionState appended a broken transaction);
// - the docs set no rule on which state may follow which, so none is enforced.
import { checkEnum } from './internals.mjs';

export const TRANSACTION_TYPES = [
  'Authorization',
  'CancelAuthorization',
  'Charge',
  'Refund',
  'Chargeback',
];
export const TRANSACTION_STATES = ['Initial', 'Pending', 'Success', 'Failure'];

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function checkDateTime(ctx, value, path) {
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
    return;
  }
  throw ctx.errors.invalidJsonInput(`${path}: Invalid date-time: '${value}'.`);
}

function checkTransactionDraft(ctx, draft, path) {
  if (!draft) throw ctx.errors.invalidJsonInput(`${path}: Missing required value`);
  checkEnum(ctx, draft.type, TRANSACTION_TYPES, `${path} -> type`);
  if (draft.state !== undefined) {
    checkEnum(ctx, draft.state, TRANSACTION_STATES, `${path} -> state`);
  }
  if (!draft.amount?.currencyCode || !Number.isInteger(draft.amount.centAmount)) {
    throw ctx.errors.invalidJsonInput(`${path} -> amount: Missing required value`);
  }
  if (draft.timestamp !== undefined) checkDateTime(ctx, draft.timestamp, `${path} -> timestamp`);
}

function transactionOf(ctx, payment, transactionId) {
  const transaction = payment.transactions.find((t) => t.id === transactionId);
  if (!transaction) {
    throw ctx.errors.invalidOperation(`The Payment has no Transaction with ID '${transactionId}'.`);
  }

  return transaction;
}

function paymentDrafts(ctx) {
  const repository = ctx.repositories.payment;
  const create = repository.create.bind(repository);
  repository.create = async (context, draft = {}) => {
    for (const [index, transaction] of (draft.transactions ?? []).entries()) {
      checkTransactionDraft(ctx, transaction, `transactions -> [${index}]`);
    }

    return create(context, draft);
  };
}

/** Overrides an action that changes one field of one Transaction, after `check(action)`. */
function transactionAction(ctx, name, check, apply) {
  ctx.override('payment', name, () => (_context, payment, action) => {
    check(action);
    apply(transactionOf(ctx, payment, action.transactionId), action);
  });
}

export function registerPaymentRules(ctx) {
  paymentDrafts(ctx);
  ctx.override('payment', 'addTransaction', (original) => async (context, payment, action) => {
    checkTransactionDraft(ctx, action.transaction, 'actions -> transaction');
    await original(context, payment, action);
  });
  transactionAction(
    ctx,
    'changeTransactionState',
    (a) => checkEnum(ctx, a.state, TRANSACTION_STATES, 'actions -> state'),
    (t, a) => Object.assign(t, { state: a.state }),
  );
  transactionAction(
    ctx,
    'changeTransactionTimestamp',
    (a) => checkDateTime(ctx, a.timestamp, 'actions -> timestamp'),
    (t, a) => Object.assign(t, { timestamp: a.timestamp }),
  );
  transactionAction(
    ctx,
    'changeTransactionInteractionId',
    (a) => {
      if (typeof a.interactionId !== 'string') {
        throw ctx.errors.invalidJsonInput('actions -> interactionId: Missing required value');
      }
    },
    (t, a) => Object.assign(t, { interactionId: a.interactionId }),
  );
  transactionAction(
    ctx,
    'setTransactionInterfaceId',
    () => undefined,
    (t, a) => Object.assign(t, { interfaceId: a.interfaceId }),
  );
}
