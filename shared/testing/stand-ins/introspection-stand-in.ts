import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';

import express from 'express';

/**
 * A stand-in for commercetools' token introspection, because the commercetools test server
 * (@labdigital/commercetools-mock 4.4.0) has no `/oauth/introspect`. Same contract as the real
 * endpoint: `POST /oauth/introspect`, Basic client credentials, form body `token=…`; the
 * introspecting client needs `introspect_oauth_tokens:<project>` (else 403 insufficient_scope);
 * answers `{ active: true, scope, client_id, exp }` for a live token, `{ active: false }` otherwise.
 */
export interface IssuedToken {
  scope: string;
  clientId: string;
  /** Seconds since the epoch. */
  exp: number;
  active: boolean;
}

export interface IntrospectionStandIn {
  url: string;
  issue(scope: string, options?: { clientId?: string; expiresInSeconds?: number }): string;
  revoke(token: string): void;
  /** Makes the endpoint answer this HTTP status (e.g. 500) until cleared with undefined. */
  failWith(status: number | undefined): void;
  calls(): number;
  close(): Promise<void>;
}

export async function startIntrospectionStandIn(introspector: {
  clientId: string;
  clientSecret: string;
  scope: string;
}): Promise<IntrospectionStandIn> {
  const tokens = new Map<string, IssuedToken>();
  let failure: number | undefined;
  let calls = 0;
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.post('/oauth/introspect', (req, res) => {
    calls += 1;
    if (failure) {
      res.status(failure).json({ statusCode: failure, message: 'stand-in failure', errors: [] });

      return;
    }
    const expected = `Basic ${Buffer.from(`${introspector.clientId}:${introspector.clientSecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.status(401).json({
        statusCode: 401,
        message: 'Please provide valid client credentials using HTTP Basic Authentication.',
        error: 'invalid_client',
      });

      return;
    }
    if (!introspector.scope.split(' ').some((s) => s.startsWith('introspect_oauth_tokens:'))) {
      res
        .status(403)
        .json({ statusCode: 403, message: 'Insufficient scope', error: 'insufficient_scope' });

      return;
    }
    const token = typeof req.body?.token === 'string' ? req.body.token : '';
    const info = tokens.get(token);
    if (!info || !info.active || info.exp * 1000 <= Date.now()) {
      res.json({ active: false });

      return;
    }
    res.json({ active: true, scope: info.scope, client_id: info.clientId, exp: info.exp });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    issue(scope, options = {}) {
      const token = randomBytes(16).toString('base64url');
      tokens.set(token, {
        scope,
        clientId: options.clientId ?? 'operator-client',
        exp: Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600),
        active: true,
      });

      return token;
    },
    revoke(token) {
      const info = tokens.get(token);
      if (info) info.active = false;
    },
    failWith(status) {
      failure = status;
    },
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
