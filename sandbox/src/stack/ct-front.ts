import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { scopeGate } from './ct-scope-gate';

/**
 * What sits in front of the commercetools test server: every app's `CTP_API_URL` and
 * `CTP_AUTH_URL` point here. It forwards everything, and adds what the test server lacks:
 * - `POST /oauth/introspect` (commercetools' token introspection, which sync-admin's guard calls):
 *   tokens the test server issued through this front are remembered with their scope and expiry;
 * - fault injection on the API (409 storms, 5xx bursts, latency) for the drills;
 * - with `enforceScopes`, commercetools' scope rules (ct-scope-gate.ts): a token without the
 *   scope an endpoint requires gets 403 `insufficient_scope`;
 * - counts of forwarded and faulted requests.
 */
export interface CtFault {
  /** Matches `METHOD path` (path includes the query), e.g. /POST \/custom-objects/. */
  match: RegExp;
  /** Also requires the request body to match (e.g. a custom object's container). */
  bodyMatch?: RegExp;
  status?: number;
  /** Delay before answering (or forwarding, when no status is given). */
  latencyMs?: number;
  /** How many matching requests to affect (default: all). */
  times?: number;
  probability?: number;
}

interface KnownToken {
  scope: string;
  clientId: string;
  exp: number;
  active: boolean;
}

export interface CtFront {
  url: string;
  port: number;
  injectFault(fault: CtFault): number;
  clearFaults(): void;
  /** Marks a token inactive (as if revoked). */
  revoke(token: string): void;
  stats(): { forwarded: number; faulted: Record<number, number>; introspections: number };
  /** Successful writes (2xx, not GET) per `METHOD resource[/:id]`, e.g. `POST inventory/:id`. */
  writes(): Record<string, number>;
  resetWrites(): void;
  close(): Promise<void>;
}

export interface CtFrontOptions {
  upstream: string;
  port: number;
  /** Clients allowed to introspect (Basic credentials), i.e. the connector's own client. */
  introspectors: Array<{ clientId: string; clientSecret: string }>;
  /** Answer 403 to API calls whose token lacks the endpoint's scope, as commercetools does. */
  enforceScopes?: boolean;
  random?: () => number;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);

  return Buffer.concat(chunks);
}

function basicClient(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const at = decoded.indexOf(':');

  return at < 0 ? undefined : { id: decoded.slice(0, at), secret: decoded.slice(at + 1) };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function conflictBody(requestBody: Buffer) {
  let version = 1;
  try {
    const parsed = JSON.parse(requestBody.toString('utf8')) as { version?: unknown };
    if (typeof parsed.version === 'number') version = parsed.version;
  } catch {
    // not JSON: keep the default
  }
  const message = 'Object has a different version than expected (injected by the sandbox).';

  return {
    statusCode: 409,
    message,
    errors: [{ code: 'ConcurrentModification', message, currentVersion: version }],
  };
}

/** `POST /<project>/inventory/<id>?x` → `POST inventory/:id`. */
export function writeKey(method: string, url: string): string {
  const [, , resource = '', id] = (url.split('?')[0] ?? '').split('/');

  return `${method} ${resource}${id ? '/:id' : ''}`;
}

/**
 * The token endpoint takes `scope` in the form body too (the SDK sends it there); the test server
 * reads only the query and would issue a token without the scopes asked for. Moved to the query.
 */
export function tokenRequestUrl(url: string, body: Buffer): string {
  if (!url.startsWith('/oauth/token')) return url;
  const scope = new URLSearchParams(body.toString('utf8')).get('scope');
  if (!scope || new URL(url, 'http://x').searchParams.has('scope')) return url;

  return `${url}${url.includes('?') ? '&' : '?'}scope=${encodeURIComponent(scope)}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startCtFront(options: CtFrontOptions): Promise<CtFront> {
  const tokens = new Map<string, KnownToken>();
  const faults = new Map<number, CtFault & { used: number }>();
  const faulted: Record<number, number> = {};
  const random = options.random ?? Math.random;
  let nextFaultId = 1;
  let forwarded = 0;
  let introspections = 0;
  let writes: Record<string, number> = {};
  const gate = options.enforceScopes ? scopeGate((t) => tokens.get(t)?.scope) : undefined;
  const bearer = (req: IncomingMessage) => req.headers.authorization?.replace(/^Bearer /, '');

  const introspect = (req: IncomingMessage, body: Buffer, res: ServerResponse): void => {
    introspections += 1;
    const client = basicClient(req.headers.authorization);
    const allowed = options.introspectors.some(
      (c) => client && c.clientId === client.id && c.clientSecret === client.secret,
    );
    if (!allowed) {
      send(res, 401, { statusCode: 401, message: 'invalid client', error: 'invalid_client' });

      return;
    }
    const token = new URLSearchParams(body.toString('utf8')).get('token') ?? '';
    const info = tokens.get(token);
    if (!info || !info.active || info.exp * 1000 <= Date.now()) {
      send(res, 200, { active: false });

      return;
    }
    send(res, 200, { active: true, scope: info.scope, client_id: info.clientId, exp: info.exp });
  };

  const matchingFault = (line: string, body: Buffer) => {
    for (const fault of faults.values()) {
      if (fault.times !== undefined && fault.used >= fault.times) continue;
      if (!fault.match.test(line)) continue;
      if (fault.bodyMatch && !fault.bodyMatch.test(body.toString('utf8'))) continue;
      if (fault.probability !== undefined && random() >= fault.probability) continue;
      fault.used += 1;

      return fault;
    }

    return undefined;
  };

  const forward = async (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (['host', 'content-length', 'connection'].includes(name) || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const upstream = await fetch(`${options.upstream}${tokenRequestUrl(req.url ?? '/', body)}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    let text: Buffer = Buffer.from(await upstream.arrayBuffer());
    if (gate && upstream.status === 200)
      text = gate.filter(req.method ?? 'GET', req.url ?? '/', bearer(req), text);
    forwarded += 1;
    if (req.method !== 'GET' && upstream.status < 300) {
      const key = writeKey(req.method ?? 'POST', req.url ?? '/');
      writes[key] = (writes[key] ?? 0) + 1;
    }
    if (req.url?.startsWith('/oauth/token') && upstream.status === 200) {
      const issued = JSON.parse(text.toString('utf8')) as {
        access_token: string;
        scope: string;
        expires_in: number;
      };
      tokens.set(issued.access_token, {
        scope: issued.scope,
        clientId: basicClient(req.headers.authorization)?.id ?? 'unknown',
        exp: Math.floor(Date.now() / 1000) + issued.expires_in,
        active: true,
      });
    }
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    res.end(text);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'POST' && req.url?.startsWith('/oauth/introspect')) {
        introspect(req, body, res);

        return;
      }
      const denial = gate?.denial(req.method ?? 'GET', req.url ?? '/', bearer(req));
      if (denial) {
        send(res, 403, denial);

        return;
      }
      const fault = req.url?.startsWith('/oauth/')
        ? undefined
        : matchingFault(`${req.method} ${req.url}`, body);
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.status) {
        faulted[fault.status] = (faulted[fault.status] ?? 0) + 1;
        send(
          res,
          fault.status,
          fault.status === 409
            ? conflictBody(body)
            : { statusCode: fault.status, message: 'injected by the sandbox', errors: [] },
        );

        return;
      }
      await forward(req, body, res);
    })().catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 502, { statusCode: 502, message: `sandbox front: ${String(error)}` });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    injectFault(fault) {
      const id = nextFaultId++;
      faults.set(id, { ...fault, used: 0 });

      return id;
    },
    clearFaults: () => faults.clear(),
    revoke(token) {
      const info = tokens.get(token);
      if (info) info.active = false;
    },
    stats: () => ({ forwarded, faulted: { ...faulted }, introspections }),
    writes: () => ({ ...writes }),
    resetWrites: () => {
      writes = {};
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
