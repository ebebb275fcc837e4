import { badRequest } from '../http/lw-error';
import type { CallParams } from '../http/params';
import type { CallContext } from '../routes/handler';

/**
 * Where an unwrapped JSON body for a `request` method was seen to fail with 400 `'request'
 * parameter is missing` / `request is empty` (reference §1.3 [obs]), among the methods served.
 */
const OBSERVED_WRAPPER_REQUIRED = new Set([
  'stock/getstocklevel_batch',
  'returnsrefunds/getrefundheadersbyorderid',
  'returnsrefunds/getrefundlinesbyheaderid',
  // "ReturnsRefunds/*" need the wrapper (reference §1.3 [obs]).
  'returnsrefunds/getrefundoptions',
  'returnsrefunds/createrefund',
  'returnsrefunds/actionrefund',
]);

/**
 * The `request` object of a method whose single SDK parameter is `request`. `strict`: the
 * wrapper is required (400 without it); `observed`: required where Linnworks was seen to
 * require it, elsewhere an unwrapped body is read and logged as a warning; `lenient`: either.
 */
export function requestOf(ctx: CallContext): CallParams {
  const mode = ctx.options.requestWrapping;
  if (ctx.params.has('request') || mode === 'lenient') return ctx.params.request(false);
  if (mode === 'strict' || OBSERVED_WRAPPER_REQUIRED.has(ctx.endpoint.toLowerCase())) {
    throw badRequest("'request' parameter is missing");
  }
  ctx.warn(`${ctx.endpoint}: body without its 'request' wrapper (read as if wrapped)`);

  return ctx.params;
}

/**
 * OpenOrders/SearchOrders must be sent unwrapped [obs]: with the wrapper Linnworks does not see
 * the search term. Only `lenient` unwraps it.
 */
export function unwrappedParams(ctx: CallContext): CallParams {
  if (ctx.options.requestWrapping === 'lenient') return ctx.params.request(false);
  if (ctx.params.has('request')) {
    ctx.warn(`${ctx.endpoint}: 'request' wrapper sent; Linnworks ignores the wrapped filters`);
  }

  return ctx.params;
}
