import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A stand-in for the Merchant Center API's token signing, for tests and the local harness:
 * the MC API answers `/proxy/forward-to` by forwarding the request with a short-lived RS256 JWT
 * (issuer = the MC API URL, audience = the forwarded URL, a project-key claim, and the user's
 * permissions when the view asks for them), and publishes its keys at
 * `<issuer>/.well-known/jwks.json`. Claim names as `@commercetools-backend/express` reads them.
 */
export interface McKeySet {
  kid: string;
  privateKey: KeyObject;
  jwks: { keys: Array<Record<string, unknown>> };
}

export function createMcKeySet(kid = 'mc-local-key'): McKeySet {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;

  return { kid, privateKey, jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] } };
}

export interface McTokenClaims {
  issuer: string;
  /** The forwarded URL (origin + path) the token is for. */
  audience: string;
  projectKey: string;
  userId?: string;
  /** The `user_permissions` claim; omitted when undefined. */
  permissions?: string[];
  /** Seconds from now (negative: already expired). Default 60. */
  expiresInSeconds?: number;
  /** Header fields to override (e.g. `alg`), to forge tokens in probes. */
  header?: Record<string, unknown>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signMcToken(keys: McKeySet, claims: McTokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: keys.kid, ...claims.header };
  const payload = {
    iss: claims.issuer,
    sub: claims.userId ?? 'mc-user-1',
    aud: claims.audience,
    iat: now,
    exp: now + (claims.expiresInSeconds ?? 60),
    [`${claims.issuer}/claims/project_key`]: claims.projectKey,
    ...(claims.permissions
      ? { [`${claims.issuer}/claims/user_permissions`]: claims.permissions }
      : {}),
  };
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(keys.privateKey, 'base64url');

  return `${input}.${signature}`;
}

export interface JwksServer {
  /** The issuer URL: its `/.well-known/jwks.json` serves the key set. */
  url: string;
  /** Makes the key set answer this HTTP status until cleared with undefined. */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

export async function startJwksServer(keys: McKeySet): Promise<JwksServer> {
  let failure: number | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();

      return;
    }
    if (failure) {
      res.writeHead(failure).end();

      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys.jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    failWith: (status) => {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
