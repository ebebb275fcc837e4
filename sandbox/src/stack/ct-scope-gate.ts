/**
 * The scope rules of commercetools' HTTP API, which the test server does not enforce: the front
 * answers 403 `insufficient_scope` when a token lacks the scope an endpoint requires, so the
 * local stack proves that the scopes the connector documents are enough for what it does.
 *
 * Source: the `securedBy` of each endpoint in the commercetools API reference
 * (commercetools/commercetools-api-reference, api-specs/api/resources/*.raml); any one of the
 * listed scopes is enough. Kept apart from the connector's own list (shared/src/commercetools/
 * scopes.ts) on purpose: the double must not share the code's assumptions.
 */

interface EndpointScopes {
  read: string[];
  write: string[];
}

const KV = ['key_value_documents', 'products', 'orders', 'customers'];

/** Resource (first path segment after the project key) → accepted scopes. */
const ENDPOINTS: Record<string, EndpointScopes> = {
  orders: { read: ['view_orders'], write: ['manage_orders'] },
  payments: { read: ['view_payments'], write: ['manage_payments'] },
  channels: {
    read: ['view_channels', 'view_products'],
    write: ['manage_channels', 'manage_products'],
  },
  inventory: { read: ['view_products'], write: ['manage_products'] },
  products: { read: ['view_products'], write: ['manage_products'] },
  'product-types': {
    read: ['view_product_types', 'view_products'],
    write: ['manage_product_types', 'manage_products'],
  },
  states: { read: ['view_states'], write: ['manage_states'] },
  // Subscriptions have no view scope: reading one takes manage_subscriptions.
  subscriptions: { read: ['manage_subscriptions'], write: ['manage_subscriptions'] },
  'custom-objects': {
    read: KV.map((r) => `view_${r}`),
    write: KV.map((r) => `manage_${r}`),
  },
  'shipping-methods': {
    read: ['view_orders', 'view_shipping_methods'],
    write: ['manage_orders', 'manage_shipping_methods'],
  },
};

/** Does the granted list cover `scope` on the project (manage covers view; manage_project all)? */
function covers(granted: Set<string>, scope: string, project: string): boolean {
  if (granted.has(`manage_project:${project}`) || granted.has(`${scope}:${project}`)) return true;
  const [verb, ...rest] = scope.split('_');

  return verb === 'view' && granted.has(`manage_${rest.join('_')}:${project}`);
}

function accepted(method: string, resource: string, query: URLSearchParams): string[] {
  const rule = ENDPOINTS[resource];
  const reading = method === 'GET' || method === 'HEAD';
  if (resource === 'product-projections') {
    // The staged representation takes view_products; published data also view_published_products.
    return query.get('staged') === 'true'
      ? ['view_products']
      : ['view_products', 'view_published_products'];
  }
  if (!rule) return ['manage_project'];

  return reading ? rule.read : rule.write;
}

export interface ScopeGate {
  /** The 403 body commercetools answers when the token lacks the endpoint's scope, if it does. */
  denial(method: string, url: string, token: string | undefined): object | undefined;
  /** Drops expansions the token may not see (payments on orders) from a response body. */
  filter(method: string, url: string, token: string | undefined, body: Buffer): Buffer;
}

function parts(url: string): { project: string; resource: string; query: URLSearchParams } {
  const [path = '', search = ''] = url.split('?');
  const [, project = '', resource = ''] = path.split('/');

  return { project, resource, query: new URLSearchParams(search) };
}

/** Strips `obj` from expanded payment references: the payments stay unexpanded. */
function withoutPayments(order: { paymentInfo?: { payments?: Array<Record<string, unknown>> } }) {
  for (const payment of order.paymentInfo?.payments ?? []) delete payment.obj;
}

/** `scopeOf(token)` is the scope the token was issued with, or undefined if not issued here. */
export function scopeGate(scopeOf: (token: string) => string | undefined): ScopeGate {
  const grantedTo = (token: string | undefined) => {
    const scope = token ? scopeOf(token) : undefined;

    return scope === undefined ? undefined : new Set(scope.split(/\s+/));
  };

  return {
    denial(method, url, token) {
      const granted = grantedTo(token);
      // Tokens not issued through the front are left to the test server to judge.
      if (!granted || url.startsWith('/oauth/')) return undefined;
      const { project, resource, query } = parts(url);
      const scopes = accepted(method, resource, query);
      if (scopes.some((scope) => covers(granted, scope, project))) return undefined;
      const message = `Insufficient scope. One of the following scopes is missing: ${scopes.join(', ')}`;

      return {
        statusCode: 403,
        message,
        errors: [{ code: 'insufficient_scope', message }],
        error: 'insufficient_scope',
        error_description: message,
      };
    },
    filter(method, url, token, body) {
      const granted = grantedTo(token);
      const { project, resource, query } = parts(url);
      const expandsPayments = query.getAll('expand').some((e) => e.includes('payments'));
      // [?] Whether commercetools leaves an expansion out or refuses the read when the token may
      // not view the referenced resource is undocumented; the front leaves it out (the silent case).
      if (!granted || method !== 'GET' || resource !== 'orders' || !expandsPayments) return body;
      if (covers(granted, 'view_payments', project)) return body;
      const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      const orders = Array.isArray(parsed.results) ? parsed.results : [parsed];
      orders.forEach((o) => withoutPayments(o as Parameters<typeof withoutPayments>[0]));

      return Buffer.from(JSON.stringify(parsed));
    },
  };
}
