// States as commercetools keeps them (docs: api-specs/api/types/state/State.raml, StateDraft.raml):
// - StateDraft `initial` defaults to true; the mock defaulted to false.
// - `transitions` left out means "no validation"; an empty list means "final state". The mock
//   stored [] for a draft without transitions, turning every such state into a final one.
// - `setTransitions` takes State resource identifiers by id or key; the mock dropped keys.
// - A State key is unique in the project: DuplicateField otherwise (StateDraft.key).
// - Every project has the built-in LineItemState `Initial` (initial, builtIn), which holds the full
//   quantity of every new line item (api-specs/api/types/cart/LineItem.raml, `state`).
import { randomUUID } from 'node:crypto';

export const BUILT_IN_LINE_ITEM_STATE = 'Initial';

/** Resolves a State resource identifier (id or key); ReferencedResourceNotFound when missing. */
export async function resolveState(ctx, projectKey, identifier) {
  return ctx.storage.getByResourceIdentifier(projectKey, { ...identifier, typeId: 'state' });
}

/** Whether `from` lets a resource move to `to`: no `transitions` means no validation. */
export function transitionAllowed(from, to) {
  return from.transitions === undefined || from.transitions.some((t) => t.id === to.id);
}

const seeded = new Set();

/** The project's built-in `Initial` LineItemState, created on the project's first request. */
export async function builtInInitialState(ctx, projectKey) {
  const existing = await ctx.storage.getByKey(projectKey, 'state', BUILT_IN_LINE_ITEM_STATE);
  if (existing) return existing;
  const now = new Date().toISOString();
  const state = {
    id: randomUUID(),
    version: 1,
    createdAt: now,
    lastModifiedAt: now,
    key: BUILT_IN_LINE_ITEM_STATE,
    type: 'LineItemState',
    name: { en: 'Initial' },
    builtIn: true,
    initial: true,
    roles: [],
  };
  await ctx.storage.add(projectKey, 'state', state);

  return state;
}

function stateDrafts(ctx) {
  const repository = ctx.repositories.state;
  const create = repository.create.bind(repository);
  repository.create = async (context, draft) => {
    if (draft?.key && (await ctx.storage.getByKey(context.projectKey, 'state', draft.key))) {
      throw ctx.errors.duplicateField(
        'key',
        draft.key,
        `A duplicate value '"${draft.key}"' exists for field 'key'.`,
      );
    }
    const created = await create(context, { ...draft, initial: draft?.initial ?? true });
    if (draft?.transitions !== undefined) return created;
    const { transitions: _none, ...unvalidated } = created;
    await ctx.storage.add(context.projectKey, 'state', unvalidated);

    return unvalidated;
  };
  ctx.override('state', 'setTransitions', () => async (context, state, { transitions }) => {
    if (transitions === undefined) {
      delete state.transitions;

      return;
    }
    const resolved = [];
    for (const identifier of transitions) {
      const target = await resolveState(ctx, context.projectKey, identifier);
      resolved.push({ typeId: 'state', id: target.id });
    }
    state.transitions = resolved;
  });
}

export function registerStateRules(ctx) {
  stateDrafts(ctx);
  ctx.app.addHook('onRequest', async (request) => {
    const projectKey = request.params?.projectKey;
    if (!projectKey || seeded.has(projectKey)) return;
    await builtInInitialState(ctx, projectKey);
    seeded.add(projectKey);
  });
}
