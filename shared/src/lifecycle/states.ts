import type { State, StateTypeEnum, StateUpdateAction } from '@commercetools/platform-sdk';

import type { CtApi } from '../commercetools/client';
import { ctErrorCode, ctFind, toCtError } from '../commercetools/ct-errors';
import { ValidationError } from '../errors/errors';

/** How the connector wants one of its custom states: `transitions` is never set (no validation). */
export interface StateSpec {
  key: string;
  type: StateTypeEnum;
  name: string;
  description: string;
  initial: boolean;
}

/**
 * `created`: it was missing; `as-designed`: it already matched; `repaired`: it is the
 * connector's and its `initial`/`transitions` were put back; `kept`: it is the merchant's and
 * differs from the design, so it was left as is.
 */
export type StateOutcome = 'created' | 'as-designed' | 'repaired' | 'kept';

/** The update actions that put an existing state's `initial` and `transitions` back to the spec. */
export function stateRepairs(state: State, spec: StateSpec): StateUpdateAction[] {
  const actions: StateUpdateAction[] = [];
  if (state.initial !== spec.initial) {
    actions.push({ action: 'changeInitial', initial: spec.initial });
  }
  // No `transitions` at all: commercetools then validates no transition from this state.
  if (state.transitions !== undefined) actions.push({ action: 'setTransitions' });

  return actions;
}

function readState(api: CtApi, key: string): Promise<State | undefined> {
  return ctFind(`read of state ${key}`, () => api.states().withKey({ key }).get().execute());
}

async function createState(api: CtApi, spec: StateSpec): Promise<boolean> {
  try {
    await api
      .states()
      .post({
        body: {
          key: spec.key,
          type: spec.type,
          name: { en: spec.name },
          description: { en: spec.description },
          initial: spec.initial,
        },
      })
      .execute();

    return true;
  } catch (error) {
    // Another deployment created it in between: it is then checked like any existing state.
    if (ctErrorCode(error) === 'DuplicateField') return false;
    throw toCtError(error, `create of state ${spec.key}`);
  }
}

/**
 * Makes a custom state match its spec; safe to run on every deploy. A missing state is created;
 * an existing one the connector `owns` gets its `initial` and `transitions` put back; one it does
 * not own is never changed. A state of another type under the key is an error.
 */
export async function ensureState(
  api: CtApi,
  spec: StateSpec,
  options: { owned: boolean },
): Promise<StateOutcome> {
  let state = await readState(api, spec.key);
  if (!state) {
    if (await createState(api, spec)) return 'created';
    state = await readState(api, spec.key);
    if (!state) throw new ValidationError('STATE_MISSING', `state ${spec.key} vanished`);
  }
  if (state.type !== spec.type) {
    throw new ValidationError(
      'STATE_TYPE_MISMATCH',
      `state ${spec.key} is a ${state.type}; the connector needs a ${spec.type} under that key`,
      { field: spec.key },
    );
  }
  const actions = stateRepairs(state, spec);
  if (actions.length === 0) return 'as-designed';
  if (!options.owned) return 'kept';
  try {
    await api
      .states()
      .withId({ ID: state.id })
      .post({ body: { version: state.version, actions } })
      .execute();
  } catch (error) {
    throw toCtError(error, `update of state ${spec.key}`);
  }

  return 'repaired';
}
