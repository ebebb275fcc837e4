// commercetools' version rule for custom-object drafts (POST /{projectKey}/custom-objects), which
// @labdigital/commercetools-mock gets wrong (shared/reference/test-doubles.md §4: `version: 0` on
// an existing key silently overwrites it). Per the HTTP API reference, a draft with a `version`
// for an existing object must match that object's version, else 409 ConcurrentModification.
//
// Whether a `version` on an object that does not exist yet is accepted is undocumented [?]
// (commercetools-connect.md §11). CT_MOCK_VERSIONED_CREATE picks the reading:
//   reject (default, the stricter): any `version` for a missing object → 400 InvalidOperation;
//   accept-zero: `version: 0` creates it (as the mock does), another version → the mock's 400.
// Writes of custom objects are taken one at a time, so a check and its write cannot interleave.

const WRITE = /^\/([^/?]+)\/custom-objects\/?(\?.*)?$/;

function serial() {
  let tail = Promise.resolve();

  return () => {
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    const turn = tail.then(() => release);
    tail = tail.then(() => held);

    return turn;
  };
}

function error(statusCode, code, message, extra = {}) {
  return { statusCode, message, errors: [{ code, message, ...extra }] };
}

export function register(ctMock, env = process.env) {
  const mode = env.CT_MOCK_VERSIONED_CREATE ?? 'reject';
  const nextTurn = serial();
  const done = async (request) => {
    request.customObjectTurn?.();
    request.customObjectTurn = undefined;
  };

  ctMock.app.addHook('preHandler', async (request, reply) => {
    const match = request.method === 'POST' ? WRITE.exec(request.url) : null;
    if (!match) return undefined;
    request.customObjectTurn = await nextTurn();
    const draft = request.body ?? {};
    if (typeof draft.version !== 'number') return undefined;
    const current = await ctMock._storage.getByContainerAndKey(
      match[1],
      draft.container,
      draft.key,
    );
    if (current && current.version !== draft.version) {
      const message = `Object ${current.id} has a different version than expected. Expected: ${draft.version} - Actual: ${current.version}.`;
      return reply
        .code(409)
        .send(error(409, 'ConcurrentModification', message, { currentVersion: current.version }));
    }
    if (!current && mode === 'reject') {
      const message = `A version was given, but no custom object ${draft.container}/${draft.key} exists.`;
      return reply.code(400).send(error(400, 'InvalidOperation', message));
    }

    return undefined;
  });
  ctMock.app.addHook('onResponse', done);
  ctMock.app.addHook('onRequestAbort', done);
}
