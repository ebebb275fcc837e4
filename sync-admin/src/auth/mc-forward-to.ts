import { createSessionAuthVerifier } from '@commercetools-backend/express';
import type { Request } from 'express';

import { AuthRefusal } from './auth-refusal';
import type { Principal } from './principal';

/**
 * Where Merchant Center forward-to tokens come from and whom they must name. Tokens are RS256
 * JWTs the Merchant Center API signs for `/proxy/forward-to`; their keys are read from
 * `<issuer>/.well-known/jwks.json` by `@commercetools-backend/express`'s verifier.
 */
export interface MerchantCenterAuthOptions {
  /** A cloud identifier (`gcp-eu`, `gcp-us`, `gcp-au`, `aws-eu`, `aws-us`) or the MC API URL. */
  issuer: string;
  /** sync-admin's public origin; the token's audience is this origin plus the request path. */
  audience: string;
  /** Only tokens whose project-key claim names this project are accepted. */
  projectKey: string;
}

/**
 * The custom view's permissions as the token's `user_permissions` claim lists them. Custom views
 * have no permission-group suffix, so the kit names them `view`/`manage` (resource accesses) and
 * `canView`/`canManage` (applied permissions); both readings are accepted (docs/operations.md
 * lists this among the checks left for a real Merchant Center).
 */
const VIEW_PERMISSIONS = new Set(['view', 'canView']);
const MANAGE_PERMISSIONS = new Set(['manage', 'canManage']);

/** The only routes a Merchant Center user reaches: the order panel's. Paths are under /service. */
const PANEL_ROUTES: ReadonlyArray<{ method: string; path: RegExp; manage: boolean }> = [
  { method: 'GET', path: /^\/orders\/by-id\/[^/]+$/, manage: false },
  { method: 'GET', path: /^\/failures\/[^/]+$/, manage: false },
  { method: 'POST', path: /^\/replay$/, manage: true },
  { method: 'POST', path: /^\/failures\/[^/]+\/discard$/, manage: true },
];

/** jose's codes for a token that is malformed, forged, expired or meant for someone else. */
const BAD_TOKEN_CODES = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

interface VerifiedRequest {
  headers: Request['headers'];
  originalUrl: string;
  session?: { userId: string; projectKey: string; userPermissions?: string[] };
}

/** Whether a bearer token is a JWT (header.payload.signature) rather than an opaque API token. */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[-_A-Za-z0-9]*$/.test(p))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'));

    return typeof header === 'object' && header !== null && typeof header.alg === 'string';
  } catch {
    return false;
  }
}

function refusalFor(error: unknown): AuthRefusal {
  const code =
    typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined;
  if (code && BAD_TOKEN_CODES.has(code)) return new AuthRefusal('unauthenticated', code);
  // The verifier's own checks (missing forwarded headers) throw plain errors without a code.
  if (!code && error instanceof Error && /^(Missing|Invalid)/.test(error.message)) {
    return new AuthRefusal('unauthenticated', 'mc-request-incomplete');
  }

  // The key set could not be read (network, timeout, bad answer): nothing can be verified.
  return new AuthRefusal('unavailable', code ?? 'mc-jwks-unavailable');
}

/**
 * Verifies a Merchant Center forward-to token (signature, issuer, audience, expiry) with the
 * kit's verifier, then checks what the verifier leaves to us: the project, the route and the
 * permission (view for reads, manage for Replay and Discard).
 */
export function merchantCenterAuth(options: MerchantCenterAuthOptions) {
  const verify = createSessionAuthVerifier<VerifiedRequest>({
    issuer: options.issuer,
    audience: options.audience,
    audiencePolicy: 'forward-url-full-path',
  });

  return async (req: Request): Promise<Principal> => {
    const verified: VerifiedRequest = { headers: req.headers, originalUrl: req.originalUrl };
    try {
      await verify(verified);
    } catch (error) {
      throw refusalFor(error);
    }
    const session = verified.session;
    if (!session || session.projectKey !== options.projectKey) {
      throw new AuthRefusal('forbidden', 'mc-token-other-project');
    }
    const route = PANEL_ROUTES.find((r) => r.method === req.method && r.path.test(req.path));
    if (!route) throw new AuthRefusal('forbidden', 'mc-token-route-not-allowed');
    const permissions = session.userPermissions ?? [];
    const canManage = permissions.some((p) => MANAGE_PERMISSIONS.has(p));
    if (!canManage && !permissions.some((p) => VIEW_PERMISSIONS.has(p))) {
      throw new AuthRefusal('forbidden', 'mc-token-no-view-permission');
    }
    if (route.manage && !canManage) throw new AuthRefusal('forbidden', 'mc-token-no-manage');

    return { kind: 'merchant-center-user', userId: session.userId, canManage };
  };
}
