// Query endpoints (GET /{projectKey}/orders, /inventory, /custom-objects/{container}, …) with
// commercetools' paging rules (api-specs/api/traits/paging.raml, sortable.raml,
// types/PagedQueryResponse.raml):
// - `limit` is 0..500 (default 20) and `offset` 0..10,000; outside that, or not an integer:
//   400 InvalidInput "Malformed parameter: limit: The limit parameter must be in the range of
//   [0..500]" (the wording of a real response in commercetools/sphere-node-product-csv-sync#20;
//   commercetools-jvm-sdk#198 shows the offset one). The mock accepted any value.
// - `sort` (repeatable) orders the results before paging, by a field path and `asc`/`desc`; a
//   clause without a known direction is 400 InvalidInput [?: whether a bare field is accepted].
//   The mock ignored `sort` on every endpoint but product projections.
// - `withTotal=false` leaves `total` out of the response; the mock always sent it.
// - `limit=0` returns no results (and the total); the mock treated 0 as the default 20.
import { routeSegments, scopeRoutes, takeScope } from './route-scope.mjs';

const LIMIT_MAX = 500;
const OFFSET_MAX = 10_000;
const SORT_CLAUSE = /^\s*([A-Za-z][\w.]*)\s+(asc|desc)\s*$/;

/** GET routes that page through resources: one resource segment, a container, or order edits. */
function isQueryRoute(route) {
  const methods = [route.method].flat();
  if (!methods.includes('GET')) return false;
  const segments = routeSegments(route.url);
  if (segments.length === 1) return !['me', ':projectKey'].includes(segments[0]);

  return (
    (segments[0] === 'custom-objects' && segments[1] === ':container' && segments.length === 2) ||
    segments.join('/') === 'orders/edits'
  );
}

function malformed(ctx, name, detail) {
  return ctx.errors.invalidInput(`Malformed parameter: ${name}: ${detail}`);
}

function single(ctx, query, name) {
  const value = query[name];
  if (Array.isArray(value)) throw malformed(ctx, name, `The ${name} parameter is given twice.`);

  return value === undefined ? undefined : String(value);
}

function rangeParam(ctx, query, name, max) {
  const raw = single(ctx, query, name);
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= max)) {
    throw malformed(ctx, name, `The ${name} parameter must be in the range of [0..${max}]`);
  }

  return value;
}

function sortParam(ctx, query) {
  const clauses = [query.sort ?? []].flat().map(String);
  for (const clause of clauses) {
    if (!SORT_CLAUSE.test(clause)) {
      throw malformed(
        ctx,
        'sort',
        `'${clause}' is not a sort expression: a field path, a space and asc or desc.`,
      );
    }
  }

  return clauses.length ? clauses.map((c) => c.trim().replace(/\s+/, ' ')) : undefined;
}

function withTotalParam(ctx, query) {
  const raw = single(ctx, query, 'withTotal');
  if (raw === undefined || raw === 'true') return true;
  if (raw === 'false') return false;
  throw malformed(ctx, 'withTotal', `'${raw}' is not a boolean.`);
}

/** Validates a query request's paging parameters; the values the storage wrapper applies. */
export function pagingOf(ctx, query = {}) {
  return {
    limit: rangeParam(ctx, query, 'limit', LIMIT_MAX),
    offset: rangeParam(ctx, query, 'offset', OFFSET_MAX),
    sort: sortParam(ctx, query),
    withTotal: withTotalParam(ctx, query),
  };
}

/** Applies the request's sort, limit 0 and withTotal to the storage query the route makes. */
function pagedStorage(ctx) {
  const query = ctx.storage.query.bind(ctx.storage);
  ctx.storage.query = async (projectKey, typeId, params = {}) => {
    const paging = takeScope('query');
    if (!paging) return query(projectKey, typeId, params);
    const result = await query(projectKey, typeId, {
      ...params,
      sort: params.sort ?? paging.sort,
      ...(paging.limit === 0 ? { limit: 1 } : {}),
    });
    if (paging.limit === 0) Object.assign(result, { results: [], count: 0, limit: 0 });
    if (!paging.withTotal) delete result.total;

    return result;
  };
}

export function registerQueryRules(ctx) {
  pagedStorage(ctx);
  scopeRoutes(ctx, 'query', isQueryRoute, (request) => pagingOf(ctx, request.query));
}
