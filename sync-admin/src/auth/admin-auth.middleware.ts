import {
  AuthorityAuthorizationHook,
  AuthorityAuthorizationManager,
  DefaultOauth2Service,
  Oauth2AuthenticationHook,
  Oauth2AuthenticationManager,
  RequestContextProvider,
} from '@commercetools/connect-payments-sdk';
import type { NextFunction, Request, Response } from 'express';
import { getCorrelationId, type Logger } from 'shared';

import { AuthRefusal } from './auth-refusal';
import {
  IntrospectionUnavailableError,
  type IntrospectionService,
  timedIntrospection,
} from './introspection';
import { looksLikeJwt, merchantCenterAuth, type MerchantCenterAuthOptions } from './mc-forward-to';
import { type Principal, setPrincipal } from './principal';
import { sdkLogger } from './sdk-logger';

export interface AdminAuthOptions {
  projectKey: string;
  clientId: string;
  clientSecret: string;
  authUrl: string;
  /** Scope name without the project key, e.g. `manage_orders`. */
  requiredScope: string;
  logger: Logger;
  /** Bound on the introspection call (default 5 s). */
  timeoutMs?: number;
  /** Replaces the SDK's DefaultOauth2Service (tests); wrapped in the same timeout. */
  oauth2Service?: IntrospectionService;
  now?: () => Date;
  /** Also accept Merchant Center forward-to tokens (the order panel); off when absent. */
  merchantCenter?: MerchantCenterAuthOptions;
}

const CUSTOMER_SCOPE = /^(customer_id|anonymous_id):/;

/** The SDK's hooks are Fastify-style; this runs them for one express request. */
async function runSdkHooks(
  req: Request,
  managers: { authn: Oauth2AuthenticationManager; authz: AuthorityAuthorizationManager },
  authorities: string[],
  logger: ReturnType<typeof sdkLogger>,
): Promise<{ scope?: string; clientId?: string }> {
  const context: { correlationId: string; requestId: string; authentication?: unknown } = {
    correlationId: getCorrelationId() ?? 'unknown',
    requestId: getCorrelationId() ?? 'unknown',
  };
  const contextProvider = new RequestContextProvider({
    getContextFn: () => context as never,
    updateContextFn: (patch) => Object.assign(context, patch),
  });
  const authnHook = new Oauth2AuthenticationHook({
    authenticationManager: managers.authn,
    contextProvider,
    logger,
  });
  try {
    await authnHook.authenticate()({ headers: req.headers });
  } catch (error) {
    if (error instanceof IntrospectionUnavailableError) {
      throw new AuthRefusal('unavailable', error.reason);
    }
    throw new AuthRefusal('unauthenticated', errorCode(error));
  }
  const authzHook = new AuthorityAuthorizationHook({
    authorizationManager: managers.authz,
    contextProvider,
    logger,
  });
  try {
    await authzHook.authorize(...authorities)();
  } catch (error) {
    throw new AuthRefusal('forbidden', errorCode(error));
  }

  return (
    context.authentication as { getPrincipal(): { scope?: string; clientId?: string } }
  ).getPrincipal();
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error && 'code' in error ? String(error.code) : 'error';
}

/**
 * Guards the admin API: `Authorization: Bearer <commercetools access token>`, introspected with
 * the connector's own client (which needs `introspect_oauth_tokens`). The token must be active,
 * unexpired, not a customer token, and carry `<requiredScope>:<projectKey>` or
 * `manage_project:<projectKey>`: the SDK's authority check ignores the project suffix, so this
 * middleware checks it too. With `merchantCenter` set, a JWT bearer token is instead verified
 * as a Merchant Center forward-to token (see `merchantCenterAuth`). The caller is recorded with
 * `setPrincipal` for the routes' audit fields. Refusals say 401 or 403 and nothing else.
 */
export function adminAuthMiddleware(options: AdminAuthOptions) {
  const logger = sdkLogger(options.logger);
  const oauth2Service = timedIntrospection(
    options.oauth2Service ?? new DefaultOauth2Service({ logger }),
    options.timeoutMs ?? 5000,
    options.now,
  );
  const managers = {
    authn: new Oauth2AuthenticationManager({
      oauth2Service,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authUrl: options.authUrl,
      logger,
    }),
    authz: new AuthorityAuthorizationManager({ logger }),
  };
  const authorities = [options.requiredScope, 'manage_project'];
  const accepted = authorities.map((a) => `${a}:${options.projectKey}`);
  const merchantCenter = options.merchantCenter && merchantCenterAuth(options.merchantCenter);
  const introspected = async (req: Request): Promise<Principal> => {
    const { scope = '', clientId = 'unknown' } = await runSdkHooks(
      req,
      managers,
      authorities,
      logger,
    );
    const scopes = scope.split(' ').filter(Boolean);
    if (scopes.some((s) => CUSTOMER_SCOPE.test(s)))
      throw new AuthRefusal('forbidden', 'customer-token');
    if (!scopes.some((s) => accepted.includes(s)))
      throw new AuthRefusal('forbidden', 'scope-or-project');

    return { kind: 'api-client', clientId };
  };

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const isMcToken = merchantCenter !== undefined && token !== undefined && looksLikeJwt(token);
      setPrincipal(res, isMcToken ? await merchantCenter(req) : await introspected(req));
      next();
    } catch (error) {
      const refusal =
        error instanceof AuthRefusal ? error : new AuthRefusal('unavailable', errorCode(error));
      refuse(res, refusal, options.logger);
    }
  };
}

function refuse(res: Response, refusal: AuthRefusal, logger: Logger): void {
  const correlationId = getCorrelationId();
  if (refusal.kind === 'unavailable') {
    logger.error({ reason: refusal.reason }, 'admin auth: the token could not be checked');
    res.status(503).json({ error: 'unavailable', correlationId });

    return;
  }
  logger.warn({ reason: refusal.reason }, 'admin auth: request refused');
  if (refusal.kind === 'unauthenticated') {
    res.setHeader('WWW-Authenticate', 'Bearer realm="sync-admin"');
    res.status(401).json({ error: 'unauthorized', correlationId });

    return;
  }
  res.status(403).json({ error: 'forbidden', correlationId });
}
