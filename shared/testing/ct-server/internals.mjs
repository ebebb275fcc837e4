// What the strict rules need from @labdigital/commercetools-mock (pinned at 4.4.0): its storage,
// its repositories (whose update handlers hold one method per update action) and its error class,
// whose instances the mock's Fastify error handler renders as commercetools error bodies
// ({ statusCode, message, errors: [{ code, message, ... }] }). None of these is exported, so they
// are read from the instance; a mock upgrade that moves them fails here, loudly, rather than
// leaving a test server more lenient than commercetools.

/** The mock's CommercetoolsError class, taken from an error the storage throws for a bad identifier. */
async function commercetoolsErrorClass(storage) {
  try {
    await storage.getByResourceIdentifier('_strict-probe', { typeId: 'state' });
  } catch (error) {
    if (error?.info?.code && typeof error.statusCode === 'number') return error.constructor;
  }
  throw new Error('strict test server: cannot find the mock error class (mock internals changed)');
}

function errorsFrom(CtError) {
  const error = (status, code, message, extra = {}) =>
    new CtError({ code, message, ...extra }, status);

  return {
    /** 400 InvalidOperation: "the resources involved are not in a valid state for the operation". */
    invalidOperation: (message) => error(400, 'InvalidOperation', message),
    /** 400 InvalidInput: a value the request may not carry. */
    invalidInput: (message) => error(400, 'InvalidInput', message),
    /** 400 RequiredField: a value the request must carry. */
    requiredField: (field, message) => error(400, 'RequiredField', message, { field }),
    /** 400 DuplicateField: a value that must be unique is used already. */
    duplicateField: (field, value, message) =>
      error(400, 'DuplicateField', message, { field, duplicateValue: value }),
  };
}

/**
 * The context every rule family gets: the Fastify app, storage, repositories, error factories
 * and `override(repository, action, wrap)`, which replaces (or adds) one update action of a
 * repository's update handler; `wrap` receives the mock's own implementation (or undefined).
 */
export async function strictContext(ctMock) {
  const storage = ctMock._storage;
  const repositories = ctMock._repositories;
  if (!storage || !repositories?.order?.actions || !repositories?.state?.actions) {
    throw new Error('strict test server: mock internals (_storage, _repositories) not found');
  }
  const errors = errorsFrom(await commercetoolsErrorClass(storage));
  const override = (repository, action, wrap) => {
    const handler = repositories[repository].actions;
    const original =
      typeof handler[action] === 'function' ? handler[action].bind(handler) : undefined;
    handler[action] = wrap(original);
  };

  return { app: ctMock.app, storage, repositories, errors, override };
}
