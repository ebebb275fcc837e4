/**
 * The commercetools scopes the connector needs: the one source for sync-admin's status check,
 * the local stack's token and the list in docs/configuration.md (a test keeps the docs in step).
 *
 * Each kind of call names the scope commercetools requires for it, per the `securedBy` of the
 * commercetools API reference (commercetools/commercetools-api-reference,
 * api-specs/api/resources/*.raml). Where an endpoint also accepts an older, broader scope
 * (channels and custom objects accept `view_products`/`manage_orders`...), the connector asks for
 * the dedicated one. Names are without the `:<projectKey>` suffix.
 */

export const CONNECTOR_APPS = [
  'order-sync',
  'stock-sync',
  'fulfillment-sync',
  'sync-admin',
  'sync-scheduler',
] as const;
export type ConnectorApp = (typeof CONNECTOR_APPS)[number];

/** Every kind of commercetools call the connector makes, with the scope it takes and why. */
export const CT_CALLS = {
  readOrders: { scope: 'view_orders', why: 'read orders (and expand their shipping method)' },
  updateOrders: {
    scope: 'manage_orders',
    why: 'update orders: sync info, states, deliveries, parcels, returns, payment states',
  },
  expandPayments: {
    scope: 'view_payments',
    why: 'order reads expand `paymentInfo.payments[*]` (the payment method sent to Linnworks)',
  },
  writePayments: {
    scope: 'manage_payments',
    why: 'read payments and add Refund transactions for Linnworks refunds (`FULFILLMENT_REFUND_TRANSACTION`)',
  },
  readChannels: { scope: 'view_channels', why: 'find supply channels and the Linnworks channel' },
  createChannel: {
    scope: 'manage_channels',
    why: 'create the `linnworks` order-export channel (at deploy, or when missing)',
  },
  readProducts: {
    scope: 'view_products',
    why: 'read inventory entries; find variants by SKU or barcode (staged product projections)',
  },
  writeInventory: { scope: 'manage_products', why: 'create and update inventory entries' },
  readStates: { scope: 'view_states', why: "resolve the connector's order and line-item states" },
  createStates: { scope: 'manage_states', why: "create the connector's states at deploy" },
  subscription: {
    scope: 'manage_subscriptions',
    why: 'create, read and delete the order Subscription (commercetools has no view scope for it)',
  },
  state: {
    scope: 'manage_key_value_documents',
    why: 'connector state, failure queue and locks, kept in custom objects',
  },
  introspect: {
    scope: 'introspect_oauth_tokens',
    why: "check operators' tokens on every sync-admin call",
  },
} as const;

export type CtCall = keyof typeof CT_CALLS;

const ORDER_SYNC_RUN: CtCall[] = [
  'readOrders',
  'expandPayments',
  'updateOrders',
  'readChannels',
  'createChannel',
  'state',
];
const STOCK_SYNC_RUN: CtCall[] = ['readChannels', 'readProducts', 'writeInventory', 'state'];
const FULFILLMENT_SYNC_RUN: CtCall[] = [
  'readOrders',
  'updateOrders',
  'writePayments',
  'readStates',
  'state',
];

/**
 * What each app calls, lifecycle scripts included. sync-admin replays every flow's failures
 * in-process, so it makes each flow's calls too.
 */
export const APP_CT_CALLS: Record<ConnectorApp, CtCall[]> = {
  'order-sync': [...ORDER_SYNC_RUN, 'subscription'],
  'stock-sync': STOCK_SYNC_RUN,
  'fulfillment-sync': [...FULFILLMENT_SYNC_RUN, 'createStates'],
  // The order backstop runs order-sync's use case (and reads orders by modification date); the
  // reconciliation reads inventory entries; the alert watch reads the order Subscription.
  'sync-scheduler': [...ORDER_SYNC_RUN, 'readProducts', 'subscription'],
  'sync-admin': [
    'introspect',
    'subscription',
    ...ORDER_SYNC_RUN,
    ...STOCK_SYNC_RUN,
    ...FULFILLMENT_SYNC_RUN,
  ],
};

/**
 * The manage scope that also grants `scope`, if it is a view scope: commercetools grants
 * `view_x` with `manage_x` (release note 2017-06-29, "manage implies view").
 */
export function manageScopeOf(scope: string): string | undefined {
  return scope.startsWith('view_') ? `manage_${scope.slice('view_'.length)}` : undefined;
}

/**
 * The fewest scopes that cover `calls`: a `view_x` is left out when `manage_x` is in, so removing
 * any one of them loses a call. Ordered as `CT_CALLS`.
 */
export function scopesFor(calls: readonly CtCall[]): string[] {
  const wanted = new Set<string>(calls.map((c) => CT_CALLS[c].scope));
  const all = (Object.keys(CT_CALLS) as CtCall[]).map((c) => CT_CALLS[c].scope);

  return [...new Set(all)].filter((s) => {
    const manage = manageScopeOf(s);

    return wanted.has(s) && !(manage && wanted.has(manage));
  });
}

/** The scopes each app needs (the status check names them per app). */
export const APP_SCOPES: Record<ConnectorApp, string[]> = Object.fromEntries(
  CONNECTOR_APPS.map((app) => [app, scopesFor(APP_CT_CALLS[app])]),
) as Record<ConnectorApp, string[]>;

/** The scopes of the connector's one API client: what every app needs, together. */
export const CONNECTOR_SCOPES: string[] = scopesFor(
  CONNECTOR_APPS.flatMap((app) => APP_CT_CALLS[app]),
);

/**
 * Whether a token's scopes (`scope` as the token endpoint returns it, space-separated and
 * suffixed `:<projectKey>`) hold `required` for the project: the scope itself, the manage scope
 * of a required view scope, or `manage_project`. Scopes of other projects or of one store only
 * (`manage_orders:<project>:<store>`) do not count.
 */
export function holdsScope(
  granted: readonly string[],
  required: string,
  projectKey: string,
): boolean {
  const has = (scope: string | undefined) =>
    scope !== undefined && granted.includes(`${scope}:${projectKey}`);

  return has(required) || has(manageScopeOf(required)) || has('manage_project');
}

/** The required scopes the token does not hold, in the order given. */
export function missingScopes(
  tokenScope: string,
  required: readonly string[],
  projectKey: string,
): string[] {
  const granted = tokenScope.split(/\s+/).filter(Boolean);

  return required.filter((scope) => !holdsScope(granted, scope, projectKey));
}

/** `scope:<projectKey>` for each, space-separated, as the token endpoint's `scope` parameter. */
export function scopeParameter(scopes: readonly string[], projectKey: string): string {
  return scopes.map((s) => `${s}:${projectKey}`).join(' ');
}
