// Request-scoped values for rules that the mock's route handlers give no way in: the handlers
// drop query parameters the mock does not know (`sort`, `withTotal`, a DELETE's `version`) before
// they reach the storage. A rule marks routes by their path pattern; their handler then runs
// inside an AsyncLocalStorage scope that the storage wrappers read (and use once, for the one
// storage call the route is about).
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage();

/**
 * The path of a project route after `/:projectKey` (and an in-store prefix), as segments:
 * ['custom-objects', ':container']; [] for a route outside a project (OAuth, seeding).
 */
export function routeSegments(url) {
  if (!url.startsWith('/:projectKey/')) return [];
  const path = url.replace(/^\/:projectKey/, '').replace(/^\/in-store\/key=:storeKey/, '');

  return path.split('/').filter(Boolean);
}

/**
 * Wraps the handler of every route `select(route)` picks (routes registered from now on, which
 * are all of the mock's: Fastify registers plugin routes when the server starts). `open(request)`
 * validates the request (it may throw a commercetools error) and returns the scope's values.
 */
export function scopeRoutes(ctx, kind, select, open) {
  ctx.app.addHook('onRoute', (route) => {
    if (!select(route)) return;
    const handler = route.handler;
    route.handler = async function scoped(request, reply) {
      const values = await open(request);

      return scope.run({ kind, taken: false, ...values }, () => handler.call(this, request, reply));
    };
  });
}

/** The current request's scope of this kind, once: later storage calls of the request see none. */
export function takeScope(kind) {
  const current = scope.getStore();
  if (!current || current.kind !== kind || current.taken) return undefined;
  current.taken = true;

  return current;
}
