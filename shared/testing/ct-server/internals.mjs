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
    /** Any documented error: `error(status, code, message, extraFields)`. */
    error,
    /**
     * 400 InvalidJsonInput: a value the request body's JSON cannot hold, e.g. an unknown enum
     * value. commercetools names the path in `detailedErrorMessage` (`actions -> customerId: …`,
     * commercetools-api-reference PR #256).
     */
    invalidJsonInput: (detail) =>
      error(400, 'InvalidJsonInput', 'Request body does not contain valid JSON.', {
        detailedErrorMessage: detail,
      }),
    /** 409 ConcurrentModification, worded as error/ConcurrentModificationError.raml documents. */
    concurrentModification: (id, expected, actual) =>
      error(
        409,
        'ConcurrentModification',
        `Object ${id} has a different version than expected. Expected: ${expected} - Actual: ${actual}.`,
        { currentVersion: actual },
      ),
    /** 404 ResourceNotFound: the resource the URL names does not exist. */
    resourceNotFound: (message) => error(404, 'ResourceNotFound', message),
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
  if (
    !storage ||
    !repositories?.order?.actions ||
    !repositories?.state?.actions ||
    typeof ctMock._oauth2?.createMiddleware !== 'function'
  ) {
    throw new Error(
      'strict test server: mock internals (_storage, _repositories, _oauth2) not found',
    );
  }
  const errors = errorsFrom(await commercetoolsErrorClass(storage));
  const override = (repository, action, wrap) => {
    const handler = repositories[repository].actions;
    const original =
      typeof handler[action] === 'function' ? handler[action].bind(handler) : undefined;
    handler[action] = wrap(original);
  };

  /** Registers routes under /:projectKey behind the mock's own token check, as its routes are. */
  const projectRoutes = (routes) => {
    ctMock.app.register(
      async (instance) => {
        if (ctMock.options.enableAuthentication) {
          instance.addHook('preHandler', ctMock._oauth2.createMiddleware());
        }
        routes(instance);
      },
      { prefix: '/:projectKey' },
    );
  };

  return { app: ctMock.app, storage, repositories, errors, override, projectRoutes };
}

/**
 * Checks a value against a documented enum; an unknown value is a 400 InvalidJsonInput whose
 * detail reads as commercetools' JSON reader words it ("Invalid enum value: 'x'. Expected one
 * of: 'a','b'", commercetools/sphere-scala-libs PR #247).
 */
export function checkEnum(ctx, value, allowed, path) {
  if (allowed.includes(value)) return value;
  const expected = allowed.map((v) => `'${v}'`).join(',');
  throw ctx.errors.invalidJsonInput(
    `${path}: Invalid enum value: '${value}'. Expected one of: ${expected}`,
  );
}
