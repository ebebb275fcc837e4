import type { IncomingMessage, ServerResponse } from 'node:http';

import { type McKeySet, signMcToken } from 'shared/testing';

import type { HarnessUser } from './mc-graphql';

export interface ForwardToOptions {
  keys: McKeySet;
  /** The `iss` of the tokens; its /.well-known/jwks.json serves `keys`. */
  issuer: string;
  cloudIdentifier: string;
  projectKey: string;
  user: HarnessUser;
  /** Only URLs under this origin are forwarded to (the deployment's sync-admin). */
  allowedOrigin: string;
  /** Records what a real Merchant Center would not accept or the harness did not expect. */
  unexpected(what: string): void;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);

  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];

  return Array.isArray(value) ? value[0] : value;
}

/**
 * `/proxy/forward-to` as the Merchant Center API does it (v2, audience policy
 * forward-url-full-path): checks the request names this project and a forward URL, signs a
 * short-lived RS256 JWT for it (audience = forward URL origin + path, project-key claim, the
 * user's permissions when X-Forward-To-Claims asks for them), forwards method, body and content
 * type with the token and the MC API's forwarding headers, and relays the answer.
 */
export async function forwardTo(
  req: IncomingMessage,
  res: ServerResponse,
  options: ForwardToOptions,
): Promise<void> {
  const target = header(req, 'x-forward-to') ?? '';
  const problems = [
    header(req, 'accept-version') === 'v2' ? '' : 'Accept-version is not v2',
    header(req, 'x-project-key') === options.projectKey ? '' : 'X-Project-Key is not the project',
    URL.canParse(target) && new URL(target).origin === options.allowedOrigin
      ? ''
      : `X-Forward-To ${target} is not the deployment's sync-admin`,
    (header(req, 'x-forward-to-audience-policy') ?? 'forward-url-full-path') ===
    'forward-url-full-path'
      ? ''
      : 'audience policy is not forward-url-full-path',
  ].filter(Boolean);
  if (problems.length > 0) {
    options.unexpected(`forward-to: ${problems.join('; ')}`);
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: problems.join('; ') }));

    return;
  }
  const url = new URL(target);
  const claims = (header(req, 'x-forward-to-claims') ?? '').split(' ');
  const token = signMcToken(options.keys, {
    issuer: options.issuer,
    audience: `${url.origin}${url.pathname}`,
    projectKey: options.projectKey,
    userId: options.user.id,
    ...(claims.includes('permissions') ? { permissions: options.user.permissions } : {}),
  });
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  const upstream = await fetch(url, {
    method: req.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': header(req, 'content-type') ?? 'application/json',
      'x-correlation-id': header(req, 'x-correlation-id') ?? '',
      'x-mc-api-forward-to-version': 'v2',
      'x-mc-api-cloud-identifier': options.cloudIdentifier,
    },
    ...(body ? { body } : {}),
    signal: AbortSignal.timeout(60_000),
  });
  res.writeHead(upstream.status, {
    'content-type': upstream.headers.get('content-type') ?? 'application/json',
  });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}
