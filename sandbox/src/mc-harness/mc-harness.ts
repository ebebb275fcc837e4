import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';

import { createMcKeySet } from 'shared/testing';

import { forwardTo } from './forward-to';
import { type CustomViewData, orderListHtml, orderPageHtml } from './host-page';
import { answerShellQuery, type HarnessUser } from './mc-graphql';
import { serveFile } from './static-files';
import { compileViewHtml, VIEW_DIR } from './view-html';

export const CUSTOM_VIEW_ID = 'local-linnworks-sync';
const CLOUD_IDENTIFIER = 'gcp-eu';

/** The commercetools side the harness shows on its order pages (the local stack's). */
export interface HarnessOrders {
  facts(id: string): Promise<{ orderNumber?: string; facts: Record<string, string> } | undefined>;
  recent(): Promise<Array<{ id: string; orderNumber?: string; createdAt: string }>>;
  /** Places an order that fails in order-sync, for someone clicking through (npm start). */
  placeSample?(): Promise<string>;
}

export interface McHarnessOptions {
  port: number;
  projectKey: string;
  /** The deployment's sync-admin (the view's SYNC_ADMIN_URL; forward-to goes only there). */
  syncAdminUrl: string;
  orders: HarnessOrders;
  user?: HarnessUser;
}

export interface McHarness {
  /** The Merchant Center's origin: `http://mc.localhost:<port>`. */
  url: string;
  /** The Merchant Center API's origin, as the shell derives it from the page's host. */
  mcApiUrl: string;
  /** The tokens' issuer (its /.well-known/jwks.json): what sync-admin's MC_CLOUD_IDENTIFIER names. */
  issuer: string;
  orderPageUrl(orderId: string): string;
  /** Requests a real Merchant Center would not answer this way, or shell queries not expected. */
  unexpected(): string[];
  close(): Promise<void>;
}

const DEFAULT_USER: HarnessUser = {
  id: 'mc-user-local',
  firstName: 'Olivia',
  lastName: 'Operator',
  permissions: ['canView', 'canManage'],
};

function viewData(appUrl: string): CustomViewData {
  return {
    id: CUSTOM_VIEW_ID,
    defaultLabel: 'Linnworks sync',
    labelAllLocales: [{ locale: 'en', value: 'Linnworks sync' }],
    url: appUrl,
    permissions: [
      { name: 'view', oAuthScopes: ['view_orders'] },
      { name: 'manage', oAuthScopes: ['manage_orders'] },
    ],
    locators: ['orders.order_details.general'],
    type: 'CustomPanel',
    typeSettings: { size: 'LARGE' },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);

  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

/**
 * A Merchant Center on loopback for the custom view's production build: the order page (host
 * page) on `mc.localhost`, its MC API on `mc-api.localhost` (GraphQL for the shell, forward-to,
 * CORS as the MC API answers it), the view's static files on `127.0.0.1` (its APPLICATION_URL),
 * and the token key set on `localhost` (Node, which runs sync-admin, resolves no *.localhost).
 */
export async function startMcHarness(options: McHarnessOptions): Promise<McHarness> {
  const p = options.port;
  const url = `http://mc.localhost:${p}`;
  const mcApiUrl = `http://mc-api.localhost:${p}`;
  const issuer = `http://localhost:${p}`;
  const appUrl = `http://127.0.0.1:${p}/`;
  const keys = createMcKeySet('mc-harness-key');
  const user = options.user ?? DEFAULT_USER;
  const unexpected: string[] = [];
  const view = viewData(appUrl);
  const html = compileViewHtml({
    env: {
      CUSTOM_VIEW_ID,
      CLOUD_IDENTIFIER,
      APPLICATION_URL: appUrl,
      SYNC_ADMIN_URL: options.syncAdminUrl,
    },
    mcApiUrl,
  });
  html.catch(() => undefined);

  const mcPage = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const order = /^\/([^/]+)\/orders\/([^/]+)/.exec(pathname);
    if (pathname.startsWith('/custom-views/'))
      return send(res, 200, 'text/html; charset=utf-8', await html);
    if (order && order[1] === options.projectKey) {
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        orderPageHtml({ projectKey: options.projectKey, orderId: order[2] ?? '', view }),
      );
    }
    const facts = /^\/_harness\/orders\/([^/]+)$/.exec(pathname);
    if (facts) {
      const found = await options.orders.facts(decodeURIComponent(facts[1] ?? ''));

      return send(res, found ? 200 : 404, 'application/json', JSON.stringify(found ?? {}));
    }
    if (
      pathname === '/_harness/sample-order' &&
      req.method === 'POST' &&
      options.orders.placeSample
    ) {
      const id = await options.orders.placeSample();
      res.writeHead(303, { location: `/${options.projectKey}/orders/${id}/general` }).end();

      return undefined;
    }
    if (pathname === '/') {
      const orders = await options.orders.recent();

      return send(
        res,
        200,
        'text/html; charset=utf-8',
        orderListHtml({
          projectKey: options.projectKey,
          orders,
          canPlaceSample: Boolean(options.orders.placeSample),
        }),
      );
    }

    return send(res, 404, 'text/plain', 'not found');
  };

  const mcApi = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    res.setHeader('access-control-allow-origin', url);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
      res.setHeader(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ?? '',
      );
      res.setHeader('access-control-max-age', '600');

      return res.writeHead(204).end();
    }
    if (pathname === '/graphql' && req.method === 'POST') {
      const body = await readJson(req);
      const name = String(body.operationName ?? '');
      const answer = answerShellQuery(name, options.projectKey, user);
      if (!answer)
        unexpected.push(`graphql ${name} (target ${String(req.headers['x-graphql-target'])})`);

      return send(
        res,
        200,
        'application/json',
        JSON.stringify(answer ?? { errors: [{ message: `unexpected query ${name}` }] }),
      );
    }
    if (pathname === '/proxy/forward-to') {
      return forwardTo(req, res, {
        keys,
        issuer,
        cloudIdentifier: CLOUD_IDENTIFIER,
        projectKey: options.projectKey,
        user,
        allowedOrigin: new URL(options.syncAdminUrl).origin,
        unexpected: (what) => unexpected.push(what),
      });
    }
    unexpected.push(`${req.method} ${pathname}`);

    return send(res, 404, 'application/json', JSON.stringify({ message: 'not found' }));
  };

  const server: Server = createServer((req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const handle = async () => {
      if (host === 'mc.localhost') return mcPage(req, res, pathname);
      if (host === 'mc-api.localhost') return mcApi(req, res, pathname);
      if (host === 'localhost' && pathname === '/.well-known/jwks.json') {
        return send(res, 200, 'application/json', JSON.stringify(keys.jwks));
      }
      if (host === '127.0.0.1') return serveFile(path.join(VIEW_DIR, 'public'), pathname, res);

      return send(res, 404, 'text/plain', 'not found');
    };
    handle().catch((error: unknown) => {
      unexpected.push(`harness error on ${host}${pathname}: ${String(error)}`);
      if (!res.headersSent) send(res, 502, 'text/plain', 'harness error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(p, '127.0.0.1', resolve);
  });
  await html;

  return {
    url,
    mcApiUrl,
    issuer,
    orderPageUrl: (orderId) => `${url}/${options.projectKey}/orders/${orderId}/general`,
    unexpected: () => [...unexpected],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
