// Optimistic concurrency as commercetools applies it:
// - an update's `version` must be the resource's current version, whatever the actions do
//   ("If the expected version does not match the actual version, a ConcurrentModification error
//   will be returned", api-specs/api/types/*/…Update.raml). The mock checked it only when an
//   action changed something, so a stale no-op update (a setKey to the same key, a setMessages
//   with the same list) answered 200;
// - a DELETE takes the `version` query parameter (api-specs/api/traits/versioned.raml, required
//   on every resource but custom objects, where custom-objects.raml makes it optional) and a
//   stale one is a 409 ConcurrentModification (traits/conflicting.raml). The mock ignored it:
//   a missing version is 400 InvalidInput here [?: the code], a stale one 409.
import { routeSegments, scopeRoutes, takeScope } from './route-scope.mjs';

function checkUpdateVersions(ctx) {
  for (const repository of Object.values(ctx.repositories)) {
    if (typeof repository?.processUpdateActions !== 'function') continue;
    const process = repository.processUpdateActions.bind(repository);
    repository.processUpdateActions = async (context, resource, version, actions) => {
      if (resource.version !== version) {
        throw ctx.errors.concurrentModification(resource.id, version, resource.version);
      }

      return process(context, resource, version, actions);
    };
  }
}

/** DELETE of one resource: /{resource}/{id}, /key={key}, /custom-objects/{container}/{key}. */
function isDeleteRoute(route) {
  const methods = [route.method].flat();
  const segments = routeSegments(route.url);

  return methods.includes('DELETE') && segments.length >= 2 && segments[0] !== 'me';
}

function versionParam(ctx, request) {
  const raw = request.query?.version;
  const optional = routeSegments(request.routeOptions.url)[0] === 'custom-objects';
  if (raw === undefined) {
    if (optional) return { version: undefined };
    throw ctx.errors.invalidInput("Missing required query parameter 'version'.");
  }
  if (!/^\d+$/.test(String(raw))) {
    throw ctx.errors.invalidInput(`Malformed parameter: version: '${raw}' is not a number.`);
  }

  return { version: Number(raw) };
}

function checkDeleteVersions(ctx) {
  const remove = ctx.storage.delete.bind(ctx.storage);
  ctx.storage.delete = async (projectKey, typeId, id, params) => {
    const expected = takeScope('delete');
    if (expected?.version !== undefined) {
      const current = await ctx.storage.get(projectKey, typeId, id);
      if (current && current.version !== expected.version) {
        throw ctx.errors.concurrentModification(id, expected.version, current.version);
      }
    }

    return remove(projectKey, typeId, id, params);
  };
  scopeRoutes(ctx, 'delete', isDeleteRoute, (request) => versionParam(ctx, request));
}

export function registerVersionRules(ctx) {
  checkUpdateVersions(ctx);
  checkDeleteVersions(ctx);
}
