import express, { type NextFunction, type Request, type Response, type Router } from 'express';

import type { EmulatorCredentials, EmulatorOptions } from '../emulator-options';
import { authorizeByApplication } from '../routes/auth.routes';
import { EMPTY_BODY, type CallContext, type Handler } from '../routes/handler';
import { openOrderRoutes } from '../routes/open-orders.routes';
import { orderInfoEditRoutes } from '../routes/order-info-edits.routes';
import { orderItemEditRoutes } from '../routes/order-item-edits.routes';
import { orderRoutes } from '../routes/orders.routes';
import { postSaleRoutes } from '../routes/post-sale.routes';
import { processedOrderRoutes } from '../routes/processed-orders.routes';
import { refundWriteRoutes } from '../routes/refund-writes.routes';
import { returnsRefundsRoutes } from '../routes/returns-refunds.routes';
import { stockRoutes } from '../routes/stock.routes';
import type { EmulatorStore } from '../state/emulator-store';
import type { FaultInjector } from './faults';
import { INVALID_REQUEST, LinnworksHttpError } from './lw-error';
import { CallParams } from './params';
import { type EmulatorRateLimiter, quotaMessage } from './rate-limiter';

export const AUTH_ENDPOINT = 'Auth/AuthorizeByApplication';
/**
 * Methods whose page offers only GET (not "GET | POST"): another verb is answered 405 the way
 * ASP.NET Web API does (method page PostSale-GetCancellationOptions; SDK sends it as GET).
 */
const GET_ONLY = new Set(['PostSale/GetCancellationOptions']);
const DENIED = 'Authorization has been denied for this request.';

export interface ApiDeps {
  store: EmulatorStore;
  options: EmulatorOptions;
  credentials: EmulatorCredentials;
  faults: FaultInjector;
  limiter: EmulatorRateLimiter;
  /** The data host's URL: the session's `Server`. */
  dataUrl: () => string;
}

/** Which calls a host answers: auth only (`api.linnworks.net`), data only, or both. */
export type HostRole = 'auth' | 'data' | 'both';

function servedBy(role: HostRole, endpoint: string): boolean {
  if (role === 'both') return true;

  return (endpoint === AUTH_ENDPOINT) === (role === 'auth');
}

function handlerTable(deps: ApiDeps): Map<string, { name: string; handler: Handler }> {
  const all: Record<string, Handler> = {
    [AUTH_ENDPOINT]: (ctx) => authorizeByApplication(ctx, deps.credentials),
    ...orderRoutes,
    ...openOrderRoutes,
    ...orderInfoEditRoutes,
    ...orderItemEditRoutes,
    ...processedOrderRoutes,
    ...returnsRefundsRoutes,
    ...refundWriteRoutes,
    ...postSaleRoutes,
    ...stockRoutes,
  };

  return new Map(
    Object.entries(all).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Applies injected faults; true when the call has been answered (or dropped). */
async function applyFaults(
  deps: ApiDeps,
  endpoint: string,
  req: Request,
  res: Response,
): Promise<boolean> {
  for (const rule of deps.faults.fire(endpoint)) {
    if (rule.kind === 'latency') await sleep(rule.latencyMs ?? 1000);
    else if (rule.kind === 'expire-session') deps.store.sessions.clear();
    else if (rule.kind === 'drop') {
      req.socket.destroy();

      return true;
    } else if (rule.kind === 'rate-limit') {
      if (rule.retryAfterSeconds !== undefined)
        res.setHeader('Retry-After', String(rule.retryAfterSeconds));
      res.status(429).json({ Message: quotaMessage(deps.limiter.limitFor(endpoint)) });

      return true;
    } else {
      res.status(rule.status ?? 500).json({ Message: rule.message ?? 'An error has occurred.' });

      return true;
    }
  }

  return false;
}

/** The raw session GUID of `Authorization` (no `Bearer`), live and not idle too long. */
function checkSession(deps: ApiDeps, req: Request): void {
  const token = req.header('authorization')?.trim().toLowerCase() ?? '';
  const lastUsed = deps.store.sessions.get(token);
  const now = deps.store.now().getTime();
  if (lastUsed === undefined || now - lastUsed > deps.options.sessionIdleMs) {
    deps.store.sessions.delete(token);
    throw new LinnworksHttpError(401, DENIED);
  }
  deps.store.sessions.set(token, now);
}

function checkRate(deps: ApiDeps, endpoint: string): void {
  if (!deps.options.rateLimits) return;
  const decision = deps.limiter.check(endpoint, deps.store.now().getTime());
  if (decision.admitted) return;
  deps.store.rateLimitedCounts.set(endpoint, (deps.store.rateLimitedCounts.get(endpoint) ?? 0) + 1);
  const headers: Record<string, string> = deps.options.retryAfterHeader
    ? { 'Retry-After': String(decision.retryAfterSeconds) }
    : {};
  throw new LinnworksHttpError(429, quotaMessage(decision.limit), headers);
}

/** `/api/<Controller>/<Method>`: auth, faults, rate limits, parameter decoding, dispatch. */
export function createApiRouter(deps: ApiDeps, role: () => HostRole): Router {
  const router = express.Router();
  const table = handlerTable(deps);
  router.use(
    express.json({ limit: '50mb', type: ['application/json', 'text/json', 'application/*+json'] }),
  );
  router.use(express.urlencoded({ extended: false, limit: '50mb' }));

  router.all('/:controller/:method', async (req: Request, res: Response, next: NextFunction) => {
    const raw = `${String(req.params.controller)}/${String(req.params.method)}`;
    const found = table.get(raw.toLowerCase());
    const route = found && servedBy(role(), found.name) ? found : undefined;
    const endpoint = route?.name ?? raw;
    deps.store.countCall({
      endpoint,
      authorization: req.header('authorization'),
      correlationId: req.header('x-correlation-id'),
      contentType: req.header('content-type'),
    });
    if (deps.store.recordingRequests) {
      const params: unknown = req.method === 'GET' ? { ...req.query } : req.body;
      deps.store.requests.push({ endpoint, method: req.method, params });
    }
    try {
      if (await applyFaults(deps, endpoint, req, res)) return;
      if (!route)
        throw new LinnworksHttpError(
          404,
          `No HTTP resource was found that matches the request URI '${req.originalUrl}'.`,
        );
      if (GET_ONLY.has(route.name) && req.method !== 'GET') {
        throw new LinnworksHttpError(
          405,
          `The requested resource does not support http method '${req.method}'.`,
        );
      }
      if (route.name !== AUTH_ENDPOINT) {
        checkSession(deps, req);
        checkRate(deps, endpoint);
      }
      const ctx: CallContext = {
        endpoint,
        params: CallParams.from(req.query as Record<string, unknown>, req.body),
        store: deps.store,
        options: deps.options,
        dataUrl: deps.dataUrl(),
        warn: (message) => deps.store.warn({ endpoint, message }),
      };
      const result = route.handler(ctx);
      if (result === EMPTY_BODY) res.status(200).end();
      else res.status(200).json(result ?? null);
    } catch (error) {
      next(error);
    }
  });

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof LinnworksHttpError) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      res.status(error.status).json({ Message: error.message });

      return;
    }
    const status = (error as { status?: unknown }).status;
    if (status === 400 || (error as { type?: unknown }).type === 'entity.parse.failed') {
      res.status(400).json({ Message: INVALID_REQUEST });

      return;
    }
    res.status(500).json({ Message: 'An error has occurred.' });
  });

  return router;
}
