// The checks and update actions of an Order Edit resource (order-edits.mjs has the routes):
// `key` pattern and uniqueness (OrderEditDraft.raml), the InventoryMode rule of `POST
// /orders/edits` (orders.raml), and addStagedAction / setStagedActions (refused once applied),
// setKey, setComment (api-specs/api/types/order-edit/updates/).
import { checkStagedActions } from './staged-order.mjs';

const KEY = /^[A-Za-z0-9_-]{2,256}$/;

/** An Order Edit key: the documented pattern, and unique in the project (400 DuplicateField). */
export async function checkKey(ctx, projectKey, key, path) {
  if (key === undefined) return;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw ctx.errors.invalidJsonInput(
      `${path}: '${key}' does not match ^[A-Za-z0-9_-]+$ (2..256).`,
    );
  }
  if (await ctx.storage.getByKey(projectKey, 'order-edit', key)) {
    throw ctx.errors.duplicateField('key', key, `An Order Edit with key '${key}' exists already.`);
  }
}

/** 400 InvalidOperation unless the Order and its line items have InventoryMode None (or none). */
export function checkInventoryMode(ctx, order) {
  const modes = [order.inventoryMode, ...order.lineItems.map((l) => l.inventoryMode)];
  if (modes.every((mode) => mode === undefined || mode === 'None')) return;
  throw ctx.errors.invalidOperation(
    "An Order Edit can only be created for an Order whose InventoryMode, and its line items' " +
      "InventoryMode, is 'None'.",
  );
}

/** The OrderExcerpt of an Order (OrderExcerpt.raml). */
export const excerpt = (order) => ({
  totalPrice: order.totalPrice,
  taxedPrice: order.taxedPrice,
  version: order.version,
});

/** The Order Edit update actions, by name: (projectKey, edit, action) => Promise<void>. */
export function editActions(ctx) {
  const notApplied = (edit) => {
    if (edit.result?.type === 'Applied') {
      throw ctx.errors.invalidOperation(
        `Order Edit '${edit.id}' is applied: its staged actions are final.`,
      );
    }
  };

  return {
    addStagedAction: async (_projectKey, edit, { stagedAction }) => {
      notApplied(edit);
      checkStagedActions(ctx, [stagedAction], 'actions -> stagedAction');
      edit.stagedActions.push(stagedAction);
    },
    setStagedActions: async (_projectKey, edit, { stagedActions = [] }) => {
      notApplied(edit);
      checkStagedActions(ctx, stagedActions, 'actions -> stagedActions');
      edit.stagedActions = stagedActions;
    },
    setKey: async (projectKey, edit, { key }) => {
      if (key !== edit.key) await checkKey(ctx, projectKey, key, 'actions -> key');
      edit.key = key;
    },
    setComment: async (_projectKey, edit, { comment }) => {
      edit.comment = comment;
    },
  };
}
