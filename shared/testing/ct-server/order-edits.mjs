// Order Edits (api-specs/api/resources/orders.raml `/edits`, api-specs/api/types/order-edit/),
// which the mock only stored as a repository with no route:
// - POST /orders/edits creates one for an existing Order (400 ReferencedResourceNotFound
//   otherwise) whose InventoryMode, and its line items', is `None` ("You can only create an Order
//   Edit if the InventoryMode of the Order and its LineItems is None"; 400 InvalidOperation
//   [?: the code]); `key` follows ^[A-Za-z0-9_-]+$ (2..256) and is unique (400 DuplicateField);
//   `dryRun: true` answers the edit without storing it;
// - GET by id, by key and as a query (paging rules of queries.mjs); DELETE takes `version`;
// - POST /orders/edits/{id|key=} takes addStagedAction, setStagedActions (both refused once the
//   edit is applied: "Cannot be updated if the edit has been applied", OrderEditDraft.raml;
//   400 InvalidOperation [?: the code]), setKey and setComment, with the edit's version;
// - an unapplied edit's `result` is a preview computed on read from the Order as it is now
//   (OrderEditPreviewSuccess.raml: "dynamically pulled by dry-running the update actions from
//   `stagedActions` on the current version"): PreviewSuccess with the staged Order, or
//   PreviewFailure with the error; NotProcessed while it has no staged actions [?].
//   `messagePayloads` is always empty: the test server produces no messages;
// - POST /orders/edits/{id}/apply with `editVersion` and `resourceVersion`: either one stale is a
//   409 ConcurrentModification (OrderEditApply.raml); an applied edit cannot be applied again
//   (400 InvalidOperation [?]); the staged actions' first error fails the apply with that error.
//   On success the Order gets the staged result, one version more [?: commercetools may count
//   more] and a new lastModifiedAt, and the edit stores OrderEditApplied (appliedAt,
//   excerptBeforeEdit, excerptAfterEdit: totalPrice, taxedPrice, version; OrderEditApplied.raml).
import { randomUUID } from 'node:crypto';

import { checkInventoryMode, checkKey, editActions, excerpt } from './order-edit-actions.mjs';
import { checkStagedActions, stagedOrderEngine } from './staged-order.mjs';

const contextOf = (request) => ({
  projectKey: request.params.projectKey,
  clientId: request.credentials?.clientId,
});
const list = (value) => (value === undefined ? undefined : [value].flat().map(String));

export function registerOrderEditRoutes(ctx) {
  const stage = stagedOrderEngine(ctx);
  const actions = editActions(ctx);

  /** The edit as the API answers it: an unapplied edit carries its preview. */
  async function present(context, edit, expand) {
    const shown = { ...edit };
    if (edit.result.type !== 'Applied') shown.result = await preview(context, edit);

    return expand ? ctx.storage.expand(context.projectKey, shown, expand) : shown;
  }

  async function preview(context, edit) {
    if (edit.stagedActions.length === 0) return { type: 'NotProcessed' };
    try {
      const order = await ctx.storage.getByResourceIdentifier(context.projectKey, edit.resource);
      const staged = await stage(context, order, edit.stagedActions);

      return { type: 'PreviewSuccess', preview: staged, messagePayloads: [] };
    } catch (error) {
      if (!error?.info?.code) throw error;

      return { type: 'PreviewFailure', errors: [error.info] };
    }
  }

  async function editOf(request) {
    const { projectKey, id, key } = request.params;
    const edit = id
      ? await ctx.storage.get(projectKey, 'order-edit', id)
      : await ctx.storage.getByKey(projectKey, 'order-edit', key);
    if (!edit) {
      const which = id ? `ID '${id}'` : `key '${key}'`;
      throw ctx.errors.resourceNotFound(`The Resource with ${which} was not found.`);
    }

    return edit;
  }

  async function create(request, reply) {
    const context = contextOf(request);
    const draft = request.body ?? {};
    if (!draft.resource) throw ctx.errors.invalidJsonInput('resource: Missing required value');
    const order = await ctx.storage.getByResourceIdentifier(context.projectKey, {
      ...draft.resource,
      typeId: 'order',
    });
    checkStagedActions(ctx, draft.stagedActions ?? [], 'stagedActions');
    await checkKey(ctx, context.projectKey, draft.key, 'key');
    if (draft.custom) {
      throw ctx.errors.invalidInput('custom on an Order Edit is not supported by the test server.');
    }
    checkInventoryMode(ctx, order);
    const now = new Date().toISOString();
    const by = { clientId: context.clientId ?? '', isPlatformClient: false };
    const edit = {
      id: randomUUID(),
      version: 1,
      createdAt: now,
      lastModifiedAt: now,
      createdBy: by,
      lastModifiedBy: by,
      key: draft.key,
      resource: { typeId: 'order', id: order.id },
      stagedActions: draft.stagedActions ?? [],
      result: { type: 'NotProcessed' },
      comment: draft.comment,
    };
    if (!draft.dryRun) await ctx.storage.add(context.projectKey, 'order-edit', edit);

    return reply.status(201).send(await present(context, edit, list(request.query.expand)));
  }

  async function update(request, reply) {
    const context = contextOf(request);
    const edit = await editOf(request);
    const { version, actions: requested, dryRun } = request.body ?? {};
    if (!Number.isInteger(version))
      throw ctx.errors.invalidJsonInput('version: Missing required value');
    if (!Array.isArray(requested))
      throw ctx.errors.invalidJsonInput('actions: Missing required value');
    if (version !== edit.version) {
      throw ctx.errors.concurrentModification(edit.id, version, edit.version);
    }
    const next = structuredClone(edit);
    for (const action of requested) {
      const apply = actions[action?.action];
      if (!apply) throw ctx.errors.invalidInput(`Invalid action ${action?.action}`);
      const before = JSON.stringify(next);
      await apply(context.projectKey, next, action);
      if (JSON.stringify(next) !== before) next.version += 1;
    }
    if (next.version !== edit.version && !dryRun) {
      next.lastModifiedAt = new Date().toISOString();
      await ctx.storage.add(context.projectKey, 'order-edit', next);
    }

    return reply.send(await present(context, next, list(request.query.expand)));
  }

  async function apply(request, reply) {
    const context = contextOf(request);
    const edit = await editOf(request);
    const { editVersion, resourceVersion } = request.body ?? {};
    for (const [name, value] of Object.entries({ editVersion, resourceVersion })) {
      if (!Number.isInteger(value))
        throw ctx.errors.invalidJsonInput(`${name}: Missing required value`);
    }
    if (editVersion !== edit.version) {
      throw ctx.errors.concurrentModification(edit.id, editVersion, edit.version);
    }
    if (edit.result.type === 'Applied') {
      throw ctx.errors.invalidOperation(`Order Edit '${edit.id}' is applied already.`);
    }
    const order = await ctx.storage.getByResourceIdentifier(context.projectKey, edit.resource);
    if (resourceVersion !== order.version) {
      throw ctx.errors.concurrentModification(order.id, resourceVersion, order.version);
    }
    const staged = await stage(context, order, edit.stagedActions);
    staged.version = order.version + 1;
    const saved = await ctx.repositories.order.saveUpdate(context, order.version, staged);
    const now = new Date().toISOString();
    const applied = {
      ...edit,
      version: edit.version + 1,
      lastModifiedAt: now,
      result: {
        type: 'Applied',
        appliedAt: now,
        excerptBeforeEdit: excerpt(order),
        excerptAfterEdit: excerpt(saved),
      },
    };
    await ctx.storage.add(context.projectKey, 'order-edit', applied);

    return reply.send(await present(context, applied, list(request.query.expand)));
  }

  async function query(request, reply) {
    const context = contextOf(request);
    const q = request.query;
    const vars = Object.fromEntries(Object.entries(q).filter(([name]) => name.startsWith('var.')));
    const page = await ctx.storage.query(context.projectKey, 'order-edit', {
      ...vars,
      where: list(q.where),
      expand: list(q.expand),
      limit: q.limit === undefined ? undefined : Number(q.limit),
      offset: q.offset === undefined ? undefined : Number(q.offset),
    });
    page.results = await Promise.all(page.results.map((edit) => present(context, edit)));

    return reply.send(page);
  }

  async function remove(request, reply) {
    const context = contextOf(request);
    const edit = await editOf(request);
    await ctx.storage.delete(context.projectKey, 'order-edit', edit.id);

    return reply.send(await present(context, edit, list(request.query.expand)));
  }

  async function get(request, reply) {
    const edit = await editOf(request);

    return reply.send(await present(contextOf(request), edit, list(request.query.expand)));
  }

  ctx.projectRoutes((routes) => {
    routes.get('/orders/edits', query);
    routes.post('/orders/edits', create);
    for (const which of [':id', 'key=:key']) {
      routes.get(`/orders/edits/${which}`, get);
      routes.post(`/orders/edits/${which}`, update);
      routes.delete(`/orders/edits/${which}`, remove);
    }
    routes.post('/orders/edits/:id/apply', apply);
  });
}
